// The DCAT-AP_IT catalogue of the published datasets and indicators (STANDARDS.md §2.2): every mandatory field
// of catalogue, dataset, distribution, agent and contact point; CC BY 4.0; EU themes and frequencies.
import type { RdfNode, Term } from './rdf.ts';

/** A dataset or indicator to describe. */
export interface CatalogEntry {
  /** Progressive number of the identifier `<ipa>:D.<n>`. */
  number: number;
  key: string;
  title: { it: string; en: string };
  description: { it: string; en: string };
  modified: Date;
  frequency: string;
  themes: string[];
  licenceUrl: string;
  /** The CSV distributions: where to get them and what they hold. */
  distributions: { url: string; description: { it: string; en: string } }[];
}

/** Who publishes the catalogue. */
export interface CatalogPublisher {
  baseUrl: string;
  ipaCode: string;
  name: string;
  email: string;
}

/** EU data-theme URI for a code (SOCI, GOVE, REGI…). */
export const theme = (code: string) => `http://publications.europa.eu/resource/authority/data-theme/${code}`;
const CSV = 'http://publications.europa.eu/resource/authority/file-type/CSV';
const iri = (value: string): Term => ({ iri: value });
const date = (d: Date): Term => ({ literal: d.toISOString().slice(0, 10), datatype: 'xsd:date' });
const texts = (t: { it: string; en: string }): Term[] => [{ literal: t.it, lang: 'it' }, { literal: t.en, lang: 'en' }];

/** Reads and validates the IPA code (env OPENDATA_IPA_CODE, default `crocevia-demo`). */
export function readIpaCode(env: Record<string, string | undefined> = process.env): string {
  const code = env.OPENDATA_IPA_CODE?.trim() || 'crocevia-demo';
  if (!/^[A-Za-z0-9_-]{2,40}$/.test(code)) throw new Error(`OPENDATA_IPA_CODE must be an IPA code (letters, digits, - or _), not "${code}"`);
  return code;
}

/** The catalogue as RDF nodes: catalogue, publisher, contact point, licence, then each dataset and distribution. */
export function buildCatalog(publisher: CatalogPublisher, entries: CatalogEntry[], title: { it: string; en: string }, description: { it: string; en: string }): RdfNode[] {
  const base = `${publisher.baseUrl}/opendata`;
  const agent = `${base}/publisher`;
  const contact = `${base}/contact`;
  const modified = entries.reduce((max, e) => (e.modified > max ? e.modified : max), new Date(0));
  const nodes: RdfNode[] = [
    {
      id: `${base}/catalog`,
      types: ['dcat:Catalog', 'dcatapit:Catalog'],
      props: {
        'dct:title': texts(title),
        'dct:description': texts(description),
        'dct:publisher': [iri(agent)],
        'dct:modified': [date(entries.length ? modified : new Date())],
        'foaf:homepage': [iri(`${publisher.baseUrl}/it/observatory`)],
        'dct:language': [iri('http://publications.europa.eu/resource/authority/language/ITA'), iri('http://publications.europa.eu/resource/authority/language/ENG')],
        'dcat:themeTaxonomy': [iri('http://publications.europa.eu/resource/authority/data-theme')],
        'dcat:dataset': entries.map((e) => iri(`${base}/datasets/${e.key}`)),
      },
    },
    { id: agent, types: ['foaf:Agent', 'dcatapit:Agent'], props: { 'dct:identifier': [{ literal: publisher.ipaCode }], 'foaf:name': [{ literal: publisher.name }] } },
    { id: contact, types: ['vcard:Organization', 'dcatapit:Organization'], props: { 'vcard:fn': [{ literal: publisher.name }], 'vcard:hasEmail': [iri(`mailto:${publisher.email}`)] } },
  ];
  const licences = new Set<string>();
  for (const e of entries) {
    const id = `${base}/datasets/${e.key}`;
    licences.add(e.licenceUrl);
    nodes.push({
      id,
      types: ['dcat:Dataset', 'dcatapit:Dataset'],
      props: {
        'dct:identifier': [{ literal: `${publisher.ipaCode}:D.${e.number}` }],
        'dct:title': texts(e.title),
        'dct:description': texts(e.description),
        'dct:modified': [date(e.modified)],
        'dcat:theme': e.themes.map((t) => iri(theme(t))),
        'dct:rightsHolder': [iri(agent)],
        'dct:publisher': [iri(agent)],
        'dct:accrualPeriodicity': [iri(e.frequency)],
        'dcat:contactPoint': [iri(contact)],
        'dcat:distribution': e.distributions.map((_, i) => iri(`${id}/distribution/${i + 1}`)),
      },
    });
    e.distributions.forEach((d, i) =>
      nodes.push({
        id: `${id}/distribution/${i + 1}`,
        types: ['dcat:Distribution', 'dcatapit:Distribution'],
        props: { 'dct:format': [iri(CSV)], 'dcat:accessURL': [iri(d.url)], 'dcat:downloadURL': [iri(d.url)], 'dct:license': [iri(e.licenceUrl)], 'dct:description': texts(d.description) },
      }),
    );
  }
  for (const l of licences) {
    nodes.push({ id: l, types: ['dct:LicenseDocument', 'dcatapit:LicenseDocument'], props: { 'dct:type': [iri('http://purl.org/adms/licencetype/Attribution')], 'foaf:name': [{ literal: 'CC BY 4.0' }] } });
  }
  return nodes;
}
