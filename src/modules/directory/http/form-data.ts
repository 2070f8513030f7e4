import type { Db } from '../../../kernel/db/database.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { territory } from '../../territory/index.ts';
import { taxonomyRepository, type TermItem } from '../data/taxonomy-repository.ts';
import type { MunicipalityOption } from '../domain/location-input.ts';
import { NEEDS_TAXONOMY_ID } from '../reference/needs-taxonomy.ts';

/** What the service forms offer: the needs taxonomy and the ISO 639 languages. */
export interface ServiceFormChoices {
  terms: TermItem[];
  languages: { code: string; name: string; autonym: string }[];
}

/** Loads the choices of the service details form in the reader's language. */
export async function loadServiceFormChoices(db: Db, locale: Locale): Promise<ServiceFormChoices> {
  const [terms, languages] = await Promise.all([taxonomyRepository.listTerms(db, NEEDS_TAXONOMY_ID), territory.listLanguages(db, locale)]);
  return { terms, languages };
}

/** What validating the details form needs to know. */
export async function loadKnownValues(db: Db): Promise<{ termIds: Set<string>; languageCodes: Set<string>; languageNames: Map<string, string> }> {
  const [terms, languages] = await Promise.all([taxonomyRepository.listTerms(db, NEEDS_TAXONOMY_ID), territory.listLanguages(db, 'en')]);
  return {
    termIds: new Set(terms.map((t) => t.id)),
    languageCodes: new Set(languages.map((l) => l.code)),
    languageNames: new Map(languages.map((l) => [l.code, l.name])),
  };
}

/** The municipalities of a region with their province's plate code, for the location form. */
export async function loadRegionMunicipalities(db: Db, regionCode: string): Promise<{ regionName: string; municipalities: MunicipalityOption[] }> {
  const [region, provinces, list] = await Promise.all([
    territory.findRegion(db, regionCode),
    territory.listProvinces(db, regionCode),
    territory.listMunicipalities(db, { regionCode, limit: 5000, offset: 0 }),
  ]);
  const plates = new Map(provinces.map((p) => [p.code, p.carCode]));
  return {
    regionName: region?.name ?? regionCode,
    municipalities: list.items.map((m) => ({ code: m.code, name: m.name, carCode: plates.get(m.provinceCode) ?? '' })),
  };
}
