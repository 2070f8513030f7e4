import type { Db } from '../../../kernel/db/database.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { territory, type Province } from '../../territory/index.ts';
import { searchRepository } from '../data/search-repository.ts';
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
}

// Other processes on the same database publish too: lists that change with publications expire.
const SHARED_TTL_MS = 30_000;

/** Caches the finder's lists: reference data for the life of the process, publication-dependent lists briefly. */
export function createFinderCatalog(db: Db): FinderCatalog {
  let needs: { at: number; generation: number; value: Promise<TermItem[]> } | null = null;
  let spoken: { at: number; generation: number; value: Promise<string[]> } | null = null;
  let provinces: Promise<Province[]> | null = null;
  const names = new Map<Locale, Promise<Map<string, NamedLanguage>>>();
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
