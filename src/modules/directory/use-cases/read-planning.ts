import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { planningRepository } from '../data/planning-repository.ts';
import { NEEDS, needTermId, referenceText } from '../reference/needs-taxonomy.ts';

/** One of the ten top needs of the directory's taxonomy. */
export interface TopNeed {
  code: string;
  name: TranslatedText;
}

/** The ten top needs, in the finder's order, named in every public language. */
export function listTopNeeds(): TopNeed[] {
  return NEEDS.map((n) => ({ code: n.code, name: referenceText(n.name) }));
}

/** Published services per province and top need, for the provinces of a region (a service answering a sub-need counts for its need). */
export async function countPublishedServicesByProvinceAndNeed(db: Db, options: { regionCode: string }): Promise<{ provinceCode: string; needCode: string; services: number }[]> {
  const codeOf = new Map(NEEDS.map((n) => [needTermId(n.code), n.code]));
  const rows = await planningRepository.countByProvinceAndNeed(db, options.regionCode, [...codeOf.keys()]);
  return rows.map((r) => ({ provinceCode: r.provinceCode, needCode: codeOf.get(r.needId)!, services: r.services }));
}

/** Published services per province, whatever the need, for the provinces of a region. */
export async function countPublishedServicesByProvince(db: Db, options: { regionCode: string }): Promise<{ provinceCode: string; services: number }[]> {
  return planningRepository.countByProvince(db, options.regionCode);
}

/** Languages (ISO 639 codes) spoken by at least one published service of each province of a region. */
export async function listLanguagesSpokenByProvince(db: Db, options: { regionCode: string }): Promise<{ provinceCode: string; languageCode: string }[]> {
  return planningRepository.languagesByProvince(db, options.regionCode);
}

/** When the published directory of a region last changed. */
export async function lastPublishedAt(db: Db, options: { regionCode: string }): Promise<Date | null> {
  return planningRepository.lastPublishedAt(db, options.regionCode);
}

/** The directory's reads for planning, as other modules see them. */
export const directoryPlanning = { listTopNeeds, countPublishedServicesByProvinceAndNeed, countPublishedServicesByProvince, listLanguagesSpokenByProvince, lastPublishedAt };
