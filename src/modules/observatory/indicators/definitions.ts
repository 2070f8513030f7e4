// Built-in indicator definitions: data, not code. A definition names the measures it reads (a dataset and the
// codes that select its observations), the dimension it keeps besides place and time, and one formula from a
// small closed set (formulas.ts computes them). Bump `version` whenever a definition's meaning changes.

import type { Locale } from '../../../kernel/i18n/locales.ts';

/** The observations one measure sums: a dataset (by key) and the codes selecting them. */
export interface MeasureDefinition {
  dataset: string;
  filters: Record<string, string[]>;
}

/** How an indicator is computed from its measures (per place, period and kept group). */
export type Formula =
  /** The measure's sum. */
  | { kind: 'sum'; measure: string }
  /** Percentage change of the measure from the previous period. */
  | { kind: 'change'; measure: string }
  /** numerator / denominator × per (e.g. per 1,000 residents). */
  | { kind: 'rate'; numerator: string; denominator: string; per: number }
  /** Each group's percentage of the sum of the groups. */
  | { kind: 'share'; measure: string }
  /** Share (%) of the top `top` groups in `total`, and the Herfindahl index (0-10,000) of the groups' shares of `total`. */
  | { kind: 'concentration'; measure: string; total: string; top: number };

/** Where an indicator can be computed. */
export type Coverage = 'all' | 'national' | 'regions';

/** An indicator: stable key, version, titles, unit, measures, kept dimension, formula. */
export interface IndicatorDefinition {
  key: string;
  version: number;
  /** The title in every public language (charts and tables are public). */
  title: Record<Locale, string>;
  unit: 'persons' | 'percent' | 'per_1000' | 'index';
  measures: Record<string, MeasureDefinition>;
  /** The dimension kept as groups (e.g. SEX, the citizenship), besides place and time; null for none. */
  keep: string | null;
  /** Keep only groups whose code is a country (for citizenship dimensions). */
  isCountriesOnly?: boolean;
  formula: Formula;
  coverage: Coverage;
  /** Whether small counts must be suppressed below province level (data about few people). */
  isSuppressedInProvinces: boolean;
}

const POP = 'istat-popstrbil1';
const INFLOWS = 'istat-inflows-protection';
const PERMITS = 'istat-permsogg1';
const RECEPTION = 'reception-centres';
const residents = { dataset: POP, filters: { DATA_TYPE: ['FJAN'], SEX: ['9'] } };
const inflowsByCountry = { dataset: INFLOWS, filters: { SEXISTAT1: ['9'] } };
const inflowsTotal = { dataset: INFLOWS, filters: { SEXISTAT1: ['9'], ISO: ['WORLD'] } };

/** The built-in indicators, in the order dashboards show them. */
export const INDICATORS: IndicatorDefinition[] = [
  {
    key: 'foreign-residents', version: 1, unit: 'persons', coverage: 'all', isSuppressedInProvinces: false,
    title: {
      it: 'Stranieri residenti al 1° gennaio', en: 'Foreign residents on 1 January',
      fr: 'Résidents étrangers au 1er janvier', es: 'Residentes extranjeros a 1 de enero', ar: 'المقيمون الأجانب في 1 يناير', zh: '1 月 1 日的外籍居民', sq: 'Banorët e huaj më 1 janar', uk: 'Іноземні мешканці на 1 січня', bn: '১ জানুয়ারির বিদেশি বাসিন্দা', ur: 'یکم جنوری کو غیر ملکی رہائشی',
    },
    measures: { residents }, keep: null, formula: { kind: 'sum', measure: 'residents' },
  },
  {
    key: 'foreign-residents-change', version: 1, unit: 'percent', coverage: 'all', isSuppressedInProvinces: false,
    title: {
      it: 'Variazione annua degli stranieri residenti', en: 'Year-on-year change in foreign residents',
      fr: 'Variation annuelle des résidents étrangers', es: 'Variación anual de los residentes extranjeros', ar: 'التغير السنوي في عدد المقيمين الأجانب', zh: '外籍居民的年度变化', sq: 'Ndryshimi vjetor i banorëve të huaj', uk: 'Річна зміна кількості іноземних мешканців', bn: 'বিদেশি বাসিন্দাদের বার্ষিক পরিবর্তন', ur: 'غیر ملکی رہائشیوں میں سالانہ تبدیلی',
    },
    measures: { residents }, keep: null, formula: { kind: 'change', measure: 'residents' },
  },
  {
    key: 'net-migration-rate', version: 1, unit: 'per_1000', coverage: 'all', isSuppressedInProvinces: false,
    title: {
      it: 'Saldo migratorio con l\u2019estero per 1.000 stranieri residenti', en: 'Net international migration per 1,000 foreign residents',
      fr: 'Solde migratoire avec l’étranger pour 1 000 résidents étrangers', es: 'Saldo migratorio con el extranjero por cada 1.000 residentes extranjeros', ar: 'صافي الهجرة الدولية لكل 1٬000 مقيم أجنبي', zh: '每 1,000 名外籍居民的国际净迁移', sq: 'Bilanci migrator me jashtë për 1.000 banorë të huaj', uk: 'Сальдо міжнародної міграції на 1 000 іноземних мешканців', bn: 'প্রতি ১,০০০ বিদেশি বাসিন্দায় নিট আন্তর্জাতিক অভিবাসন', ur: 'ہر 1,000 غیر ملکی رہائشیوں پر خالص بین الاقوامی نقل مکانی',
    },
    measures: { net: { dataset: POP, filters: { DATA_TYPE: ['FINTNMIG'], SEX: ['9'] } }, residents },
    keep: null, formula: { kind: 'rate', numerator: 'net', denominator: 'residents', per: 1000 },
  },
  {
    key: 'citizenship-acquisition-rate', version: 1, unit: 'per_1000', coverage: 'all', isSuppressedInProvinces: false,
    title: {
      it: 'Acquisizioni di cittadinanza per 1.000 stranieri residenti', en: 'Acquisitions of citizenship per 1,000 foreign residents',
      fr: 'Acquisitions de la nationalité pour 1 000 résidents étrangers', es: 'Adquisiciones de ciudadanía por cada 1.000 residentes extranjeros', ar: 'اكتساب الجنسية لكل 1٬000 مقيم أجنبي', zh: '每 1,000 名外籍居民的入籍人数', sq: 'Fitimet e shtetësisë për 1.000 banorë të huaj', uk: 'Набуття громадянства на 1 000 іноземних мешканців', bn: 'প্রতি ১,০০০ বিদেশি বাসিন্দায় নাগরিকত্ব অর্জন', ur: 'ہر 1,000 غیر ملکی رہائشیوں پر شہریت کا حصول',
    },
    measures: { acquisitions: { dataset: POP, filters: { DATA_TYPE: ['ACQCITIZ'], SEX: ['9'] } }, residents },
    keep: null, formula: { kind: 'rate', numerator: 'acquisitions', denominator: 'residents', per: 1000 },
  },
  {
    key: 'residents-by-sex', version: 1, unit: 'percent', coverage: 'all', isSuppressedInProvinces: false,
    title: {
      it: 'Stranieri residenti per sesso (%)', en: 'Foreign residents by sex (%)',
      fr: 'Résidents étrangers par sexe (%)', es: 'Residentes extranjeros por sexo (%)', ar: 'المقيمون الأجانب حسب الجنس (%)', zh: '按性别划分的外籍居民（%）', sq: 'Banorët e huaj sipas gjinisë (%)', uk: 'Іноземні мешканці за статтю (%)', bn: 'লিঙ্গ অনুযায়ী বিদেশি বাসিন্দা (%)', ur: 'جنس کے لحاظ سے غیر ملکی رہائشی (%)',
    },
    measures: { residents: { dataset: POP, filters: { DATA_TYPE: ['FJAN'], SEX: ['1', '2'] } } },
    keep: 'SEX', formula: { kind: 'share', measure: 'residents' },
  },
  {
    key: 'protection-inflows', version: 1, unit: 'persons', coverage: 'all', isSuppressedInProvinces: true,
    title: {
      it: 'Ingressi di cittadini non Ue per protezione internazionale', en: 'Inflows of non-EU citizens for international protection',
      fr: 'Entrées de ressortissants non européens au titre de la protection internationale', es: 'Entradas de ciudadanos no comunitarios por protección internacional', ar: 'دخول مواطني الدول غير الأعضاء في الاتحاد الأوروبي لأسباب الحماية الدولية', zh: '因国际保护入境的非欧盟公民', sq: 'Hyrjet e shtetasve jo të BE-së për mbrojtje ndërkombëtare', uk: 'В’їзди громадян країн поза ЄС для міжнародного захисту', bn: 'আন্তর্জাতিক সুরক্ষার জন্য ইইউ-বহির্ভূত নাগরিকদের প্রবেশ', ur: 'بین الاقوامی تحفظ کے لیے غیر یورپی یونین شہریوں کی آمد',
    },
    measures: { inflows: inflowsTotal }, keep: null, formula: { kind: 'sum', measure: 'inflows' },
  },
  {
    key: 'protection-inflows-by-citizenship', version: 1, unit: 'persons', coverage: 'all', isSuppressedInProvinces: true,
    title: {
      it: 'Principali cittadinanze degli ingressi per protezione internazionale', en: 'Main citizenships of inflows for international protection',
      fr: 'Principales nationalités des entrées au titre de la protection internationale', es: 'Principales nacionalidades de las entradas por protección internacional', ar: 'الجنسيات الرئيسية للداخلين لأسباب الحماية الدولية', zh: '因国际保护入境者的主要国籍', sq: 'Shtetësitë kryesore të hyrjeve për mbrojtje ndërkombëtare', uk: 'Основні громадянства в’їздів для міжнародного захисту', bn: 'আন্তর্জাতিক সুরক্ষার জন্য প্রবেশকারীদের প্রধান নাগরিকত্ব', ur: 'بین الاقوامی تحفظ کے لیے آمد کی بڑی شہریتیں',
    },
    measures: { inflows: inflowsByCountry }, keep: 'ISO', isCountriesOnly: true, formula: { kind: 'sum', measure: 'inflows' },
  },
  {
    key: 'citizenship-concentration', version: 1, unit: 'index', coverage: 'all', isSuppressedInProvinces: false,
    title: {
      it: 'Concentrazione delle cittadinanze degli ingressi (quota delle prime 5, indice di Herfindahl)', en: 'Concentration of inflow citizenships (share of the top 5, Herfindahl index)',
      fr: 'Concentration des nationalités des entrées (part des 5 premières, indice de Herfindahl)', es: 'Concentración de las nacionalidades de las entradas (proporción de las 5 primeras, índice de Herfindahl)', ar: 'تركّز جنسيات الداخلين (حصة أول 5 جنسيات، مؤشر هيرفيندال)', zh: '入境者国籍的集中度（前 5 位占比，赫芬达尔指数）', sq: 'Përqendrimi i shtetësive të hyrjeve (pjesa e 5 të parave, indeksi Herfindahl)', uk: 'Концентрація громадянств в’їздів (частка перших 5, індекс Герфіндаля)', bn: 'প্রবেশকারীদের নাগরিকত্বের ঘনত্ব (প্রথম ৫টির অংশ, হারফিন্ডাল সূচক)', ur: 'آمد کی شہریتوں کا ارتکاز (پہلی 5 کا حصہ، ہرفنڈال اشاریہ)',
    },
    measures: { inflows: inflowsByCountry, total: inflowsTotal }, keep: 'ISO', isCountriesOnly: true,
    formula: { kind: 'concentration', measure: 'inflows', total: 'total', top: 5 },
  },
  {
    key: 'permits-by-type', version: 1, unit: 'persons', coverage: 'national', isSuppressedInProvinces: false,
    title: {
      it: 'Permessi di soggiorno validi per tipo', en: 'Valid residence permits by type',
      fr: 'Titres de séjour valides par type', es: 'Permisos de residencia válidos por tipo', ar: 'تصاريح الإقامة السارية حسب النوع', zh: '按类型划分的有效居留许可', sq: 'Lejet e qëndrimit të vlefshme sipas llojit', uk: 'Чинні дозволи на проживання за типом', bn: 'ধরন অনুযায়ী বৈধ বসবাসের অনুমতিপত্র', ur: 'قسم کے لحاظ سے درست رہائشی اجازت نامے',
    },
    measures: { permits: { dataset: PERMITS, filters: { SEX: ['9'], MOSTREL_CCITENSHIP: ['WORLD'], TYPE_RES_PERMIT: ['LONGT', 'NLONGT'] } } },
    keep: 'TYPE_RES_PERMIT', formula: { kind: 'sum', measure: 'permits' },
  },
  {
    key: 'reception', version: 1, unit: 'persons', coverage: 'regions', isSuppressedInProvinces: false,
    title: {
      it: 'Migranti presenti nel sistema di accoglienza', en: 'Migrants in the reception system',
      fr: 'Migrants présents dans le système d’accueil', es: 'Migrantes presentes en el sistema de acogida', ar: 'المهاجرون الموجودون في نظام الاستقبال', zh: '接待系统中的移民', sq: 'Migrantët e pranishëm në sistemin e pritjes', uk: 'Мігранти в системі прийому', bn: 'অভ্যর্থনা ব্যবস্থায় থাকা অভিবাসী', ur: 'استقبالیہ نظام میں موجود تارکین وطن',
    },
    measures: { present: { dataset: RECEPTION, filters: {} } }, keep: 'MEASURE', formula: { kind: 'sum', measure: 'present' },
  },
];

/** The built-in indicator with this key, or null. */
export function findIndicator(key: string): IndicatorDefinition | null {
  return INDICATORS.find((i) => i.key === key) ?? null;
}
