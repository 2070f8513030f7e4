import type { FieldError } from '../../../kernel/http/errors.ts';

/** What the finder form sent, as typed (to show it again). */
export interface FinderInput {
  q: string;
  need: string;
  province: string;
  municipality: string;
  language: string;
  free: boolean;
  open: boolean;
  lat: string;
  lon: string;
  radius: string;
  page: string;
}

/** A point and a radius to search around, sorted by distance. */
export interface NearPoint {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

/** The finder's search, checked for form; names and codes are checked against the database later. */
export interface FinderQuery {
  text: string | null;
  /** Lowercased words of the text (at most MAX_WORDS). */
  words: string[];
  /** Whether the text is in a script written without spaces (searched as a substring). */
  isUnspaced: boolean;
  needId: string | null;
  provinceCode: string | null;
  municipality: string | null;
  languageCode: string | null;
  isFree: boolean;
  isOpenNow: boolean;
  near: NearPoint | null;
  page: number;
}

/** The radii offered around the person's position, in kilometres; the first is the default. */
export const RADII_KM = [25, 5, 10, 50, 100] as const;
/** Results per page. */
export const PAGE_SIZE = 20;
const MAX_WORDS = 8;
const MAX_PAGE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Italy with a margin: positions outside are not near any service.
const BOUNDS = { minLatitude: 35, maxLatitude: 48, minLongitude: 6, maxLongitude: 19 };
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

// Function words of the languages most typed into the finder. The Italian branch drops Italian ones by
// itself (the 'italian' configuration); the 'simple' branch would otherwise require them to appear.
const STOP_WORDS = new Set(
  (
    'di a da in con su per tra fra il lo la i gli le un uno una del della dei delle al alla ai agli nel nella e o ed che non ' +
    'the of to in for on and or a an with at by from is are my me i ' +
    'de des du la le les un une et ou pour en au aux avec sur dans ' +
    'el los las y o para por con del al una unos unas en'
  ).split(' '),
);

const text = (raw: Record<string, unknown>, name: string): string => {
  const value = raw[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
};
const isChecked = (value: string) => ['true', 'on', '1'].includes(value);

/** Splits a search text into lowercase words (letters and digits of any script). */
export function wordsOf(value: string): string[] {
  const words = value
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w.length >= 2 || UNSPACED.test(w));
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/** The words the 'simple' (non-Italian) branch must find: the query's words without function words. */
export function contentWords(words: readonly string[]): string[] {
  return words.filter((w) => !STOP_WORDS.has(w));
}

/** Checks the finder's query string; every problem names its field. Unknown parameters are ignored. */
export function parseFinderQuery(raw: Record<string, unknown>): { input: FinderInput; query: FinderQuery; errors: FieldError[] } {
  const input: FinderInput = {
    q: text(raw, 'q'),
    need: text(raw, 'need'),
    province: text(raw, 'province'),
    municipality: text(raw, 'municipality'),
    language: text(raw, 'language'),
    free: isChecked(text(raw, 'free')),
    open: isChecked(text(raw, 'open')),
    lat: text(raw, 'lat'),
    lon: text(raw, 'lon'),
    radius: text(raw, 'radius'),
    page: text(raw, 'page'),
  };
  const errors: FieldError[] = [];
  if (input.q.length > 200) errors.push({ field: 'q', messageKey: 'validation.maxLength', values: { limit: 200 } });
  if (input.need && !UUID.test(input.need)) errors.push({ field: 'need', messageKey: 'directory.finder.errors.need' });
  if (input.province && !/^\d{3}$/.test(input.province)) errors.push({ field: 'province', messageKey: 'directory.finder.errors.province' });
  if (input.municipality.length > 100) errors.push({ field: 'municipality', messageKey: 'validation.maxLength', values: { limit: 100 } });
  if (input.language && !/^[a-z]{2,3}$/.test(input.language)) errors.push({ field: 'language', messageKey: 'directory.finder.errors.language' });

  let near: NearPoint | null = null;
  if (input.lat || input.lon) {
    const latitude = Number(input.lat.replace(',', '.'));
    const longitude = Number(input.lon.replace(',', '.'));
    const isInside =
      input.lat !== '' && input.lon !== '' && Number.isFinite(latitude) && Number.isFinite(longitude) &&
      latitude >= BOUNDS.minLatitude && latitude <= BOUNDS.maxLatitude && longitude >= BOUNDS.minLongitude && longitude <= BOUNDS.maxLongitude;
    if (!isInside) errors.push({ field: 'near', messageKey: 'directory.finder.errors.position' });
    else {
      const radiusKm = input.radius === '' ? RADII_KM[0] : Number(input.radius);
      if (!(RADII_KM as readonly number[]).includes(radiusKm)) errors.push({ field: 'radius', messageKey: 'validation.enum' });
      near = { latitude, longitude, radiusKm };
    }
  }

  let page = 1;
  if (input.page) {
    page = Number(input.page);
    if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
      errors.push({ field: 'page', messageKey: 'directory.finder.errors.page' });
      page = 1;
    }
  }
  const words = input.q ? wordsOf(input.q) : [];
  const query: FinderQuery = {
    text: input.q && words.length ? input.q.slice(0, 200) : null,
    words,
    isUnspaced: UNSPACED.test(input.q),
    needId: input.need && UUID.test(input.need) ? input.need.toLowerCase() : null,
    provinceCode: /^\d{3}$/.test(input.province) ? input.province : null,
    municipality: input.municipality && input.municipality.length <= 100 ? input.municipality : null,
    languageCode: /^[a-z]{2,3}$/.test(input.language) ? input.language : null,
    isFree: input.free,
    isOpenNow: input.open,
    near,
    page,
  };
  return { input, query, errors };
}

const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

/** Words shorter than this are not corrected: too many words are close to them. */
export const MIN_CORRECTED_LENGTH = 4;

/**
 * The regular expression of a word's trigrams, "(per|erm|rme|…)", which a trigram index answers with the
 * words sharing at least one of them; null for a word too short to correct. Accents are folded as the
 * database's unaccent folds them (the vocabulary is stored unaccented).
 */
export function trigramPattern(word: string): string | null {
  const folded = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæœøłđı]/g, (c) => LIGATURES[c] ?? c);
  const letters = [...folded];
  if (letters.length < MIN_CORRECTED_LENGTH) return null;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= letters.length; i++) trigrams.add(letters.slice(i, i + 3).join('').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(${[...trigrams].join('|')})`;
}

/** Folds a place name for comparison: no accents, one kind of apostrophe, single spaces, lowercase. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A municipality the finder may search in. */
export interface PlaceOption {
  code: string;
  name: string;
  provinceCode: string;
  carCode: string;
}

/** How a typed municipality resolved: one place, several (say which), or none. */
export type PlaceMatch = { kind: 'one'; place: PlaceOption } | { kind: 'many'; places: PlaceOption[] } | { kind: 'none' };

/** Finds a municipality typed as an ISTAT code, a name, or "Name (XX)" with the plate code of its province. */
export function matchMunicipality(typed: string, candidates: readonly PlaceOption[]): PlaceMatch {
  const value = typed.trim();
  if (/^\d{6}$/.test(value)) {
    const found = candidates.find((c) => c.code === value);
    return found ? { kind: 'one', place: found } : { kind: 'none' };
  }
  const withPlate = /^(.*?)\s*\(([A-Za-z]{2})\)$/.exec(value);
  const name = foldName(withPlate ? withPlate[1]! : value);
  const plate = withPlate ? withPlate[2]!.toUpperCase() : null;
  const found = candidates.filter((c) => foldName(c.name) === name && (plate === null || c.carCode === plate));
  if (found.length === 1) return { kind: 'one', place: found[0]! };
  if (found.length > 1) return { kind: 'many', places: found };
  return { kind: 'none' };
}

/** The name a municipality is typed as when several share it: "Name (XX)". */
export const placeLabel = (place: PlaceOption) => `${place.name} (${place.carCode})`;
