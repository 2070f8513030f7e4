import type { Db } from '../../../kernel/db/database.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { hsdsRepository as repo, type PublicFilter } from '../data/hsds-repository.ts';
import { buildPublicDataset } from './build-dataset.ts';
import { Dataset } from './dataset.ts';
import { toHsds } from './db-mapping.ts';
import { Nester } from './nest.ts';

/** Which page of a list, and how long. */
export interface Paging {
  page: number;
  perPage: number;
}

/** The HSDS API's paginated list. */
export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Record<string, unknown>[];
}

type Item = Record<string, unknown>;

/** Wraps a page of results in the HSDS paging fields. */
export function pageOf(contents: Item[], total: number, paging: Paging): HsdsPage {
  const totalPages = Math.ceil(total / paging.perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: paging.page,
    size: contents.length,
    first_page: paging.page === 1,
    last_page: paging.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const slice = (paging: Paging) => ({ limit: paging.perPage, offset: (paging.page - 1) * paging.perPage });
const present = <T>(items: (T | null)[]): T[] => items.filter((i): i is T => i !== null);

/** Public services matching the filter: one-to-one fields (default), fully nested (`full`), or id and last_modified (`minimal`). */
export async function listPublicServices(db: Db, filter: PublicFilter, paging: Paging, options: { shape: 'basic' | 'full' | 'minimal'; lang?: Locale }): Promise<HsdsPage> {
  const { ids, total } = await repo.listPublicServices(db, filter, slice(paging));
  const nester = new Nester(await buildPublicDataset(db, ids, { displayLocale: options.lang }));
  const contents = present(ids.map((id) => nester.nest('service', id, { depth: options.shape === 'full' ? 'full' : 'basic' })));
  if (options.shape === 'minimal') return pageOf(contents.map((s) => ({ id: s.id, last_modified: s.last_modified })), total, paging);
  return pageOf(contents, total, paging);
}

/** One public service, fully nested, as published; null when there is none with that id. */
export async function showPublicService(db: Db, id: string, lang?: Locale): Promise<Item | null> {
  return new Nester(await buildPublicDataset(db, [id], { displayLocale: lang })).nest('service', id);
}

/** Organisations with at least one public service. */
export async function listPublicOrganizations(db: Db, filter: PublicFilter, paging: Paging, options: { isFull: boolean; isFullService: boolean; lang?: Locale }): Promise<HsdsPage> {
  const { ids, total } = await repo.listPublicOrganisations(db, { ...filter, words: undefined, nameWords: filter.words }, slice(paging));
  if (!options.isFull) {
    const rows = await repo.rowsByIds(db, 'directory_organisations', ids);
    return pageOf(rows.map((r) => toHsds('organization', r, { displayLocale: options.lang })), total, paging);
  }
  const contents = await Promise.all(ids.map((id) => showPublicOrganization(db, id, options)));
  return pageOf(present(contents), total, paging);
}

/** An organisation with its public services (their one-to-one fields, or fully nested with `isFullService`). */
export async function showPublicOrganization(db: Db, id: string, options: { isFullService: boolean; lang?: Locale }): Promise<Item | null> {
  const serviceIds = await repo.publicServiceIdsOf(db, id);
  if (serviceIds.length === 0) return null;
  const nester = new Nester(await buildPublicDataset(db, serviceIds, { displayLocale: options.lang }));
  return nester.nest('organization', id, { basic: options.isFullService ? new Set() : new Set(['organization.services']) });
}

/** Service-at-locations of public services, as published. */
export async function listPublicServiceAtLocations(db: Db, filter: PublicFilter, paging: Paging, options: { isFull: boolean; lang?: Locale }): Promise<HsdsPage> {
  const { items, total } = await repo.listPublicServiceAtLocations(db, filter, slice(paging));
  const nester = new Nester(await buildPublicDataset(db, [...new Set(items.map((i) => i.serviceId))], { displayLocale: options.lang }));
  const contents = items.map((i) => nester.nest('service_at_location', i.salId, { depth: options.isFull ? 'full' : 'basic' }));
  return pageOf(present(contents), total, paging);
}

/** One published service-at-location, with its service and location fully nested. */
export async function showPublicServiceAtLocation(db: Db, id: string, lang?: Locale): Promise<Item | null> {
  const serviceId = await repo.findPublicServiceOfSal(db, id);
  if (!serviceId) return null;
  return new Nester(await buildPublicDataset(db, [serviceId], { displayLocale: lang })).nest('service_at_location', id);
}

/** Taxonomies (reference data: all of them are public). */
export async function listTaxonomies(db: Db, filter: { words?: string[] }, paging: Paging, lang?: Locale): Promise<HsdsPage> {
  const { rows, total } = await repo.listTaxonomyRows(db, 'directory_taxonomies', filter, slice(paging));
  return pageOf(rows.map((r) => toHsds('taxonomy', r, { displayLocale: lang })), total, paging);
}

/** One taxonomy. */
export async function showTaxonomy(db: Db, id: string, lang?: Locale): Promise<Item | null> {
  const [row] = await repo.rowsByIds(db, 'directory_taxonomies', [id]);
  return row ? toHsds('taxonomy', row, { displayLocale: lang }) : null;
}

async function termsWithTaxonomies(db: Db, rows: Record<string, unknown>[], lang: Locale | undefined): Promise<Item[]> {
  const dataset = new Dataset();
  for (const row of rows) dataset.add('taxonomy_term', toHsds('taxonomy_term', row, { displayLocale: lang }), 'taxonomy_term', 'keep-first');
  const taxonomyIds = [...new Set(rows.map((r) => r.taxonomy_id).filter((v): v is string => typeof v === 'string'))];
  for (const row of await repo.rowsByIds(db, 'directory_taxonomies', taxonomyIds)) dataset.add('taxonomy', toHsds('taxonomy', row, { displayLocale: lang }), 'taxonomy', 'keep-first');
  const nester = new Nester(dataset);
  return present(rows.map((r) => nester.nest('taxonomy_term', String(r.id))));
}

/** Taxonomy terms, with their taxonomy. */
export async function listTaxonomyTerms(
  db: Db,
  filter: { words?: string[]; taxonomyId?: string; parentId?: string; isTopOnly?: boolean },
  paging: Paging,
  lang?: Locale,
): Promise<HsdsPage> {
  const { rows, total } = await repo.listTaxonomyRows(db, 'directory_taxonomy_terms', filter, slice(paging));
  return pageOf(await termsWithTaxonomies(db, rows, lang), total, paging);
}

/** One taxonomy term, with its taxonomy. */
export async function showTaxonomyTerm(db: Db, id: string, lang?: Locale): Promise<Item | null> {
  const rows = await repo.rowsByIds(db, 'directory_taxonomy_terms', [id]);
  return (await termsWithTaxonomies(db, rows, lang))[0] ?? null;
}
