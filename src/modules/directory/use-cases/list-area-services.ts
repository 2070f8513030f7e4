import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { territory } from '../../territory/index.ts';
import { searchRepository } from '../data/search-repository.ts';

/** How many service pages "save this area" stores at most. */
export const AREA_LIMIT = 300;

/** The published services of a municipality or a province, for saving their pages on the phone. */
export async function listAreaServices(options: {
  db: Db;
  municipalityCode?: string;
  provinceCode?: string;
}): Promise<{ items: { serviceId: string; name: TranslatedText }[]; isTruncated: boolean }> {
  const { db, municipalityCode, provinceCode } = options;
  if (!municipalityCode === !provinceCode) throw new ValidationError([{ field: municipalityCode ? 'province' : 'municipality', messageKey: 'directory.finder.errors.area' }]);
  if (municipalityCode && !(await territory.findMunicipality(db, municipalityCode))) throw new ValidationError([{ field: 'municipality', messageKey: 'directory.finder.errors.area' }]);
  if (provinceCode && !(await territory.findProvince(db, provinceCode))) throw new ValidationError([{ field: 'province', messageKey: 'directory.finder.errors.area' }]);
  const area = municipalityCode ? { municipalityCode } : { provinceCode: provinceCode! };
  const items = await searchRepository.listAreaServices(db, area, AREA_LIMIT + 1);
  return { items: items.slice(0, AREA_LIMIT), isTruncated: items.length > AREA_LIMIT };
}
