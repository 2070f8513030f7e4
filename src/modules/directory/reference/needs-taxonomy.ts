import { PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { stableUuid } from './stable-uuid.ts';
import type { AllLanguages, NeedDef } from './needs/types.ts';
import { documentsNeed } from './needs/documents.ts';
import { asylumNeed } from './needs/asylum.ts';
import { healthNeed } from './needs/health.ts';
import { housingNeed } from './needs/housing.ts';
import { workNeed } from './needs/work.ts';
import { languageSchoolNeed } from './needs/language-school.ts';
import { familySocialNeed } from './needs/family-social.ts';
import { antiDiscriminationNeed } from './needs/anti-discrimination.ts';
import { mediationNeed } from './needs/mediation.ts';
import { communityNeed } from './needs/community.ts';

export type { NeedDef } from './needs/types.ts';

/** Bump when the texts or terms below change, so existing databases reload them. */
export const NEEDS_TAXONOMY_VERSION = 'needs-2026-11-26';

/** The UUID of the "Crocevia needs" taxonomy (stable across installations). */
export const NEEDS_TAXONOMY_ID = stableUuid('crocevia/taxonomy/needs');

/** The UUID of a needs term, from its code (e.g. `health.mental-health`). */
export const needTermId = (code: string): string => stableUuid(`crocevia/taxonomy/needs/${code}`);

/** The ten top needs, in the order the finder shows them. */
export const NEEDS: NeedDef[] = [
  documentsNeed,
  asylumNeed,
  healthNeed,
  housingNeed,
  workNeed,
  languageSchoolNeed,
  familySocialNeed,
  antiDiscriminationNeed,
  mediationNeed,
  communityNeed,
];

const TAXONOMY_NAME: AllLanguages = {
  it: 'Bisogni Crocevia',
  en: 'Crocevia needs',
  fr: 'Besoins Crocevia',
  es: 'Necesidades Crocevia',
  ar: 'احتياجات كروتشيفيا',
  zh: 'Crocevia 需求分类',
  sq: 'Nevojat Crocevia',
  uk: 'Потреби Crocevia',
  bn: 'ক্রোচেভিয়া প্রয়োজন তালিকা',
  ur: 'کروچیویا ضروریات',
};

const TAXONOMY_DESCRIPTION: AllLanguages = {
  it: 'I bisogni delle persone di paesi terzi a cui rispondono i servizi del territorio.',
  en: 'The needs of third-country nationals that local services answer.',
  fr: 'Les besoins des ressortissants de pays tiers auxquels répondent les services du territoire.',
  es: 'Las necesidades de las personas de terceros países a las que responden los servicios del territorio.',
  ar: 'احتياجات مواطني البلدان الثالثة التي تلبّيها الخدمات المحلية.',
  zh: '当地服务所回应的第三国国民的需求。',
  sq: 'Nevojat e shtetasve të vendeve të treta të cilave u përgjigjen shërbimet e territorit.',
  uk: 'Потреби громадян третіх країн, на які відповідають місцеві служби.',
  bn: 'তৃতীয় দেশের নাগরিকদের যেসব প্রয়োজনে স্থানীয় সেবাগুলো সাড়া দেয়।',
  ur: 'تیسرے ممالک کے شہریوں کی وہ ضروریات جن کا مقامی خدمات جواب دیتی ہیں۔',
};

// Reference texts carry a fixed date so that reloading them does not look like an edit.
const WRITTEN_AT = '2026-11-26T00:00:00.000Z';

/** Italian original, every other language reviewed. */
export function referenceText(values: AllLanguages): TranslatedText {
  const text: TranslatedText = {};
  for (const locale of PUBLIC_LOCALES) text[locale] = { value: values[locale], status: locale === 'it' ? 'original' : 'reviewed', updatedAt: WRITTEN_AT };
  return text;
}

/** A row of directory_taxonomy_terms ready to upsert. */
export interface NeedTermRow {
  id: string;
  code: string;
  name: TranslatedText;
  description: TranslatedText;
  parent_id: string | null;
  taxonomy: string;
  language: string;
  taxonomy_id: string;
  term_uri: null;
  position: number;
}

/** The taxonomy row and every term row, parents before children. */
export function needsTaxonomyRows(): { taxonomy: { id: string; name: TranslatedText; description: TranslatedText; uri: null; version: string }; terms: NeedTermRow[] } {
  const terms: NeedTermRow[] = [];
  const add = (need: NeedDef, parentId: string | null, position: number) => {
    const id = needTermId(need.code);
    terms.push({
      id,
      code: need.code,
      name: referenceText(need.name),
      description: referenceText(need.description),
      parent_id: parentId,
      taxonomy: 'Crocevia needs',
      language: 'it',
      taxonomy_id: NEEDS_TAXONOMY_ID,
      term_uri: null,
      position,
    });
    need.children?.forEach((child, index) => add(child, id, index));
  };
  NEEDS.forEach((need, index) => add(need, null, index));
  return {
    taxonomy: { id: NEEDS_TAXONOMY_ID, name: referenceText(TAXONOMY_NAME), description: referenceText(TAXONOMY_DESCRIPTION), uri: null, version: NEEDS_TAXONOMY_VERSION },
    terms,
  };
}
