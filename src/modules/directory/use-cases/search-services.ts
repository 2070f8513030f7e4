import type { Db } from '../../../kernel/db/database.ts';
import type { FieldError } from '../../../kernel/http/errors.ts';
import { searchRepository, COUNT_CAP, type SearchHit } from '../data/search-repository.ts';
import { romeClock, type LocalClock } from '../domain/open-now.ts';
import { contentWords, foldName, matchMunicipality, PAGE_SIZE, type FinderQuery, type PlaceOption } from '../domain/search-query.ts';
import type { FinderCatalog } from './load-finder-catalog.ts';

/** Where the search is limited to, as resolved against the territory. */
export type SearchPlace = { kind: 'municipality'; place: PlaceOption } | { kind: 'province'; code: string; name: string; regionCode: string };

/** What the finder shows: results, or the problems of the query. */
export interface FinderResult {
  errors: FieldError[];
  hits: SearchHit[];
  /** Matching places, counted up to COUNT_CAP + 1. */
  total: number;
  isTotalCapped: boolean;
  pageCount: number;
  place: SearchPlace | null;
  /** Municipalities sharing the name typed, to choose from. */
  municipalityChoices: PlaceOption[];
  /** Vocabulary words searched as well, for words the published text does not contain. */
  corrections: string[];
  clock: LocalClock;
}

async function resolvePlace(options: { query: FinderQuery; catalog: FinderCatalog; errors: FieldError[]; choices: PlaceOption[] }): Promise<SearchPlace | null> {
  const { query, catalog, errors } = options;
  const provinces = await catalog.provinces();
  const province = query.provinceCode ? provinces.find((p) => p.code === query.provinceCode) : undefined;
  if (query.provinceCode && !province) errors.push({ field: 'province', messageKey: 'directory.finder.errors.province' });
  if (!query.municipality) return province ? { kind: 'province', code: province.code, name: province.name, regionCode: province.regionCode } : null;

  const index = await catalog.municipalities();
  const typed = query.municipality.trim();
  const named = /^\d{6}$/.test(typed) ? [index.byCode.get(typed)].filter((m) => m !== undefined) : (index.byName.get(foldName(typed.replace(/\s*\([A-Za-z]{2}\)$/, ''))) ?? []);
  const candidates = province ? named.filter((m) => m.provinceCode === province.code) : named;
  const match = matchMunicipality(query.municipality, candidates);
  if (match.kind === 'none') {
    errors.push({ field: 'municipality', messageKey: province ? 'directory.finder.errors.municipalityNotInProvince' : 'directory.finder.errors.municipalityUnknown', values: { value: query.municipality, province: province?.name ?? '' } });
    return null;
  }
  if (match.kind === 'many') {
    options.choices.push(...match.places);
    errors.push({ field: 'municipality', messageKey: 'directory.finder.errors.municipalityAmbiguous', values: { value: query.municipality, count: match.places.length } });
    return null;
  }
  return { kind: 'municipality', place: match.place };
}

/**
 * Runs the public search: checks the place, need and language against what exists, widens misspelt
 * words to the closest words of the published text, and returns one page of places offering a service.
 */
export async function searchServices(options: { db: Db; query: FinderQuery; errors: FieldError[]; catalog: FinderCatalog; now: Date }): Promise<FinderResult> {
  const { db, query, catalog } = options;
  const errors = [...options.errors];
  const clock = romeClock(options.now);
  const choices: PlaceOption[] = [];
  const place = await resolvePlace({ query, catalog, errors, choices });
  if (query.needId && !(await catalog.needs()).some((t) => t.id === query.needId)) errors.push({ field: 'need', messageKey: 'directory.finder.errors.need' });
  if (query.languageCode && !(await catalog.spokenLanguages()).includes(query.languageCode)) errors.push({ field: 'language', messageKey: 'directory.finder.errors.language' });
  const empty: FinderResult = { errors, hits: [], total: 0, isTotalCapped: false, pageCount: 0, place, municipalityChoices: choices, corrections: [], clock };
  if (errors.length) return empty;

  const similar = await catalog.similarWords(query.words);
  const corrections: string[] = [];
  // A word the published text lacks is searched with its closest words too (within 0.1 of the best).
  const wordGroups = similar.map((s) => {
    const best = s.similar[0]?.score ?? 0;
    const alternatives = s.isKnown ? [] : s.similar.filter((c) => c.word !== s.word && c.score >= best - 0.1).map((c) => c.word);
    if (alternatives[0]) corrections.push(alternatives[0]);
    return { word: s.word, alternatives };
  });
  const { hits, total } = await searchRepository.search(db, {
    wordGroups,
    contentWords: new Set(contentWords(similar.map((s) => s.word))),
    substring: query.isUnspaced && query.text ? query.text.toLowerCase() : null,
    needId: query.needId,
    provinceCode: place?.kind === 'province' ? place.code : null,
    municipalityCode: place?.kind === 'municipality' ? place.place.code : null,
    languageCode: query.languageCode,
    isFree: query.isFree,
    isOpenNow: query.isOpenNow,
    near: query.near,
    clock,
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  });
  const isTotalCapped = total > COUNT_CAP;
  const pageCount = Math.ceil(Math.min(total, COUNT_CAP) / PAGE_SIZE);
  if (total > 0 && query.page > pageCount) return { ...empty, errors: [{ field: 'page', messageKey: 'directory.finder.errors.page' }] };
  return { errors, hits, total: Math.min(total, COUNT_CAP), isTotalCapped, pageCount, place, municipalityChoices: [], corrections: [...new Set(corrections)], clock };
}
