import type { Db } from '../../../kernel/db/database.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { territory, type Province } from '../../territory/index.ts';
import { searchRepository } from '../data/search-repository.ts';
import { foldName, trigramPattern, type PlaceOption } from '../domain/search-query.ts';
import { taxonomyRepository, type TermItem } from '../data/taxonomy-repository.ts';
import { NEEDS_TAXONOMY_ID } from '../reference/needs-taxonomy.ts';
import { projectionGeneration } from './refresh-search-projection.ts';

/** A language as the finder names it: in the page's language and in its own. */
export interface NamedLanguage {
  code: string;
  name: string;
  autonym: string;
}

/** The lists the finder's form and results are drawn from, cached per process. */
export interface FinderCatalog {
  needs(): Promise<TermItem[]>;
  provinces(): Promise<Province[]>;
  /** Codes of the languages spoken at published services. */
  spokenLanguages(): Promise<string[]>;
  /** Every language named in a page language, by code. */
  languageNames(locale: Locale): Promise<Map<string, NamedLanguage>>;
  /** Every municipality with the plate code of its province, by folded name and by ISTAT code (for reading the place typed). */
  municipalities(): Promise<MunicipalityIndex>;
  /** For each word: its unaccented form, whether the published text has it, and the close words it has. */
  similarWords(words: string[]): Promise<SimilarWords[]>;
}

/** The municipalities, indexed the two ways a person types them. */
export interface MunicipalityIndex {
  byName: Map<string, PlaceOption[]>;
  byCode: Map<string, PlaceOption>;
  inProvince(provinceCode: string): PlaceOption[];
}

/** A word of a search and the vocabulary words it may have been meant as. */
export interface SimilarWords {
  word: string;
  isKnown: boolean;
  similar: { word: string; score: number }[];
}

// Other processes on the same database publish too: lists that change with publications expire.
const SHARED_TTL_MS = 30_000;
const MAX_CACHED_WORDS = 5000;

/** Caches the finder's lists: reference data for the life of the process, publication-dependent lists briefly. */
export function createFinderCatalog(db: Db): FinderCatalog {
  let needs: { at: number; generation: number; value: Promise<TermItem[]> } | null = null;
  let spoken: { at: number; generation: number; value: Promise<string[]> } | null = null;
  let provinces: Promise<Province[]> | null = null;
  const names = new Map<Locale, Promise<Map<string, NamedLanguage>>>();
  let municipalities: Promise<MunicipalityIndex> | null = null;
  let words: { at: number; generation: number; value: Map<string, SimilarWords> } | null = null;
  const isFresh = (entry: { at: number; generation: number } | null) => entry !== null && entry.generation === projectionGeneration() && Date.now() - entry.at < SHARED_TTL_MS;
  const remember = <T>(load: () => Promise<T>, onError: () => void): Promise<T> => {
    const value = load();
    value.catch(onError);
    return value;
  };
  return {
    needs() {
      if (!isFresh(needs)) {
        needs = { at: Date.now(), generation: projectionGeneration(), value: remember(() => taxonomyRepository.listTerms(db, NEEDS_TAXONOMY_ID), () => (needs = null)) };
      }
      return needs!.value;
    },
    provinces() {
      provinces ??= remember(() => territory.listProvinces(db), () => (provinces = null));
      return provinces;
    },
    spokenLanguages() {
      if (!isFresh(spoken)) {
        spoken = { at: Date.now(), generation: projectionGeneration(), value: remember(() => searchRepository.listSpokenLanguages(db), () => (spoken = null)) };
      }
      return spoken!.value;
    },
    municipalities() {
      municipalities ??= remember(async () => {
        const plates = new Map((await this.provinces()).map((p) => [p.code, p.carCode]));
        const { items } = await territory.listMunicipalities(db, { limit: 100_000, offset: 0 });
        const all = items.map((m): PlaceOption => ({ code: m.code, name: m.name, provinceCode: m.provinceCode, carCode: plates.get(m.provinceCode) ?? '' }));
        const byName = new Map<string, PlaceOption[]>();
        for (const m of all) byName.set(foldName(m.name), [...(byName.get(foldName(m.name)) ?? []), m]);
        return { byName, byCode: new Map(all.map((m) => [m.code, m])), inProvince: (code) => all.filter((m) => m.provinceCode === code) };
      }, () => (municipalities = null));
      return municipalities;
    },
    async similarWords(asked) {
      if (!isFresh(words) || words!.value.size > MAX_CACHED_WORDS) words = { at: Date.now(), generation: projectionGeneration(), value: new Map() };
      const cache = words!.value;
      const missing = [...new Set(asked)].filter((w) => !cache.has(w));
      const found = await searchRepository.listSimilarWords(db, missing.map((word) => ({ word, pattern: trigramPattern(word) })));
      missing.forEach((word, i) => cache.set(word, found[i]!));
      return asked.map((w) => cache.get(w)!);
    },
    languageNames(locale) {
      let found = names.get(locale);
      if (!found) {
        found = remember(
          async () => new Map((await territory.listLanguages(db, locale)).map((l) => [l.code, l])),
          () => names.delete(locale),
        );
        names.set(locale, found);
      }
      return found;
    },
  };
}
