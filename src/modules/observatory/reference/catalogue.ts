import type { TidyMapping } from '../importers/tidy-csv.ts';
import type { SourceFormat } from '../importers/types.ts';

/** The EU frequency vocabulary (http://publications.europa.eu/resource/authority/frequency). */
export const FREQUENCY_BASE = 'http://publications.europa.eu/resource/authority/frequency/';

/** The update frequencies offered for a dataset, by their EU code. */
export const FREQUENCIES = ['ANNUAL', 'ANNUAL_2', 'QUARTERLY', 'MONTHLY', 'MONTHLY_2', 'WEEKLY', 'DAILY', 'IRREG', 'UNKNOWN'] as const;
export type FrequencyCode = (typeof FREQUENCIES)[number];

/** The EU frequency URI of a code. */
export function frequencyUri(code: FrequencyCode): string {
  return `${FREQUENCY_BASE}${code}`;
}

/** The licences offered for a dataset (SPDX-style ids) and their deeds. */
export const LICENCES: Record<string, string> = {
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'IODL-2.0': 'https://www.dati.gov.it/iodl/2.0/',
};

/** A dataset shipped with Crocevia: its file and the metadata it is imported with. */
export interface ShippedDataset {
  key: string;
  file: string;
  format: SourceFormat;
  mapping?: TidyMapping;
  title: { it: string; en: string };
  description: { it: string; en: string };
  source: string;
  sourceUrl: string;
  licence: string;
  attribution: string;
  frequency: FrequencyCode;
  provenance: string;
}

const ISTAT = {
  source: 'Istat — IstatData (esploradati.istat.it), SDMX-CSV export',
  sourceUrl: 'https://esploradati.istat.it/databrowser/',
  licence: 'CC-BY-4.0',
  attribution: 'Fonte: Istat',
  frequency: 'ANNUAL' as const,
  provenance: 'Copied byte for byte from github.com/mjavadf/DeMi (commit 0302204f, CC BY 4.0); see assets/istat/PROVENANCE.md.',
};

/** The ISTAT files and the reception figures shipped in assets/, imported by the demo. */
export const SHIPPED_DATASETS: ShippedDataset[] = [
  {
    ...ISTAT,
    key: 'istat-popstrbil1',
    file: 'istat/DCIS_POPSTRBIL1_1_foreign_pop_balance_regions_provinces_2019-2023.csv',
    format: 'sdmx-csv-1',
    title: { it: 'Bilancio demografico della popolazione straniera residente', en: 'Demographic balance of the foreign resident population' },
    description: {
      it: 'Popolazione straniera residente al 1° gennaio, nati, morti, iscrizioni, cancellazioni e acquisizioni di cittadinanza, per sesso: Italia, ripartizioni, regioni e province, 2019-2023.',
      en: 'Foreign residents on 1 January, births, deaths, registrations, cancellations and acquisitions of citizenship, by sex: Italy, macro-areas, regions and provinces, 2019-2023.',
    },
  },
  {
    ...ISTAT,
    key: 'istat-permsogg1',
    file: 'istat/DCIS_PERMSOGG1_1_residence_permits_type_citizenship_2019-2024.csv',
    format: 'sdmx-csv-1',
    title: { it: 'Cittadini non comunitari con permesso di soggiorno per tipo e cittadinanza', en: 'Non-EU citizens holding a residence permit, by type and citizenship' },
    description: {
      it: 'Permessi di soggiorno validi al 1° gennaio (di lungo periodo e con scadenza) per paese di cittadinanza e sesso, Italia, 2019-2024.',
      en: 'Residence permits valid on 1 January (long-term and with an expiry date) by country of citizenship and sex, Italy, 2019-2024.',
    },
  },
  {
    ...ISTAT,
    key: 'istat-acqcitiz1',
    file: 'istat/DCIS_ACQCITIZ_1_citizenship_acquisitions_process_age_2019-2023.csv',
    format: 'sdmx-csv-1',
    title: { it: 'Acquisizioni della cittadinanza italiana per modalità e classe di età', en: 'Acquisitions of Italian citizenship by way and age class' },
    description: {
      it: 'Acquisizioni della cittadinanza italiana per modalità (residenza, matrimonio, trasmissione ed elezione), classe di età e sesso, Italia, 2019-2023.',
      en: 'Acquisitions of Italian citizenship by way (residence, marriage, transmission and election), age class and sex, Italy, 2019-2023.',
    },
  },
  {
    ...ISTAT,
    key: 'istat-migrazioni2',
    file: 'istat/DCIS_MIGRAZIONI_2_immigrants_by_citizenship_2019-2023.csv',
    format: 'sdmx-csv-1',
    title: { it: 'Immigrati dall\u2019estero per cittadinanza', en: 'Immigrants from abroad by citizenship' },
    description: {
      it: 'Iscrizioni anagrafiche dall\u2019estero per cittadinanza, sesso e classe di età, Italia, 2019-2023 (2023 in parte provvisorio).',
      en: 'Registrations from abroad by citizenship, sex and age class, Italy, 2019-2023 (2023 partly provisional).',
    },
  },
  {
    ...ISTAT,
    key: 'istat-inflows-protection',
    file: 'istat/ISTAT_legacy_DCIS_PERMSOGG1_nonEU_inflows_intl_protection_by_province_2019-2023.csv',
    format: 'istat-legacy',
    source: 'Istat — I.Stat (Immigrants.Stat), legacy CSV export of DCIS_PERMSOGG1',
    sourceUrl: 'http://stra-dati.istat.it/',
    title: { it: 'Ingressi di cittadini non comunitari per protezione internazionale', en: 'Inflows of non-EU citizens for international protection' },
    description: {
      it: 'Nuovi permessi rilasciati nell\u2019anno per protezione internazionale, per provincia, principali paesi di cittadinanza e sesso, 2019-2023.',
      en: 'New permits issued in the year for international protection, by province, main countries of citizenship and sex, 2019-2023.',
    },
  },
  {
    key: 'reception-centres',
    file: 'reception/accoglienza.csv',
    format: 'tidy-csv',
    mapping: {
      encoding: 'utf-8',
      decimal: '.',
      labelLocale: 'it',
      columns: [
        { column: 'Regione', use: 'label', labelOf: 'CodiceRegione' },
        { column: 'Data_Report', use: 'time' },
        { column: 'Migranti presenti negli hot spot', use: 'value', code: 'HOTSPOT' },
        { column: 'Migranti presenti nei centri di accoglienza', use: 'value', code: 'CENTRI_ACCOGLIENZA' },
        { column: 'Migranti presenti nei centri SIPROIMI', use: 'value', code: 'SIPROIMI' },
        { column: 'Migranti presenti nei centri SAI', use: 'value', code: 'SAI' },
        { column: 'CodiceRegione', use: 'dimension', role: 'territory' },
        { column: 'DenominazioneRegione', use: 'ignore' },
      ],
    },
    title: { it: 'Migranti presenti nel sistema di accoglienza per regione', en: 'Migrants in the reception system by region' },
    description: {
      it: 'Migranti presenti negli hotspot, nei centri di accoglienza e nei centri SIPROIMI/SAI, per regione, dal cruscotto statistico giornaliero del Ministero dell\u2019Interno (due volte al mese, settembre 2019 - settembre 2025).',
      en: 'Migrants in hotspots, reception centres and SIPROIMI/SAI centres, by region, from the Ministry of the Interior\u2019s daily statistical dashboard (twice a month, September 2019 - September 2025).',
    },
    source: 'Ministero dell\u2019Interno, Dipartimento Libertà civili e immigrazione — cruscotto statistico giornaliero; dati estratti da Liberiamoli tutti! / onData',
    sourceUrl: 'https://github.com/ondata/liberiamoli-tutti',
    licence: 'CC-BY-4.0',
    attribution: 'Fonte: Liberiamoli tutti! (https://datibenecomune.substack.com/) su dati del Ministero dell\u2019Interno',
    frequency: 'MONTHLY_2',
    provenance: 'Copied byte for byte from github.com/ondata/liberiamoli-tutti, sbarchi-migranti/dati (commit 04e6d281, CC BY 4.0); see assets/reception/PROVENANCE.md.',
  },
];

/** The shipped file of a dataset. */
export function shippedFileUrl(dataset: ShippedDataset): URL {
  return new URL(`../assets/${dataset.file}`, import.meta.url);
}

/** A shipped dataset whose SDMX dataflow matches, to fill in a new dataset's metadata. */
export function shippedDatasetFor(structureId: string | null): ShippedDataset | null {
  if (!structureId) return null;
  const flow = /:(?:\d+_\d+_)?DF_(\w+?)\(/.exec(structureId)?.[1];
  return SHIPPED_DATASETS.find((d) => flow && d.file.startsWith(`istat/${flow}`)) ?? null;
}
