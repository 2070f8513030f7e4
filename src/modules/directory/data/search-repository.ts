import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { LocalClock } from '../domain/open-now.ts';
import type { LocationSource, ProjectionRow, PublicLocation, PublicOrganisation, TermSource } from '../domain/search-projection.ts';
import type { ServiceSnapshot } from './snapshot.ts';

/** The search filters, already checked against the territory, the taxonomy and the languages. */
export interface SearchFilter {
  /** Words of the free text, each with the vocabulary words it may have been meant as. */
  wordGroups: { word: string; alternatives: string[] }[];
  /** Words the non-Italian branch must find (function words left out). */
  contentWords: Set<string>;
  /** A text in a script without spaces, searched as a substring. */
  substring: string | null;
  needId: string | null;
  provinceCode: string | null;
  municipalityCode: string | null;
  languageCode: string | null;
  isFree: boolean;
  isOpenNow: boolean;
  near: { latitude: number; longitude: number; radiusKm: number } | null;
  clock: LocalClock;
  limit: number;
  offset: number;
}

/** A result of the finder: a place where a published service is offered. */
export interface SearchHit {
  serviceId: string;
  locationId: string | null;
  regionCode: string;
  name: TranslatedText;
  summary: TranslatedText | null;
  organisation: PublicOrganisation;
  location: PublicLocation | null;
  municipalityName: string | null;
  latitude: number | null;
  longitude: number | null;
  needIds: string[];
  languageCodes: string[];
  isFree: boolean | null;
  isOpenNow: boolean;
  hasHours: boolean;
  distanceMetres: number | null;
}

/** A place where a public service is offered, as its page shows it. */
export interface PublicPlace {
  locationId: string | null;
  location: PublicLocation | null;
  organisation: PublicOrganisation;
  municipalityName: string | null;
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * Counting stops here: beyond it the page says "more than" and asks for a filter, and results are listed by
 * name rather than ranked (ranking reads every match's search vectors: a few ms for hundreds, too slow for thousands).
 */
export const COUNT_CAP = 200;

const each = (groups: SearchFilter['wordGroups'], config: 'italian' | 'simple', keep: (word: string) => boolean): RawBuilder<unknown> => {
  const parts = groups
    .filter((g) => keep(g.word))
    .map((g) => sql.join([g.word, ...g.alternatives].map((w) => sql`plainto_tsquery(${sql.lit(config)}::regconfig, directory_unaccent(${w}))`), sql` || `));
  return parts.length ? sql.join(parts.map((p) => sql`(${p})`), sql` && `) : sql`''::tsquery`;
};

function conditionsOf(f: SearchFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.wordGroups.length || f.substring) {
    const branches: RawBuilder<unknown>[] = [];
    if (f.wordGroups.length) branches.push(sql`s.search_it @@ q.italian`, sql`s.search_other @@ q.other`);
    if (f.substring) branches.push(sql`s.search_text like ${`%${f.substring.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
    where.push(sql`(${sql.join(branches, sql` or `)})`);
  }
  if (f.needId) where.push(sql`s.need_ids @> array[${f.needId}]::uuid[]`);
  if (f.municipalityCode) where.push(sql`s.municipality_code = ${f.municipalityCode}`);
  else if (f.provinceCode) where.push(sql`s.province_code = ${f.provinceCode}`);
  if (f.languageCode) where.push(sql`s.language_codes @> array[${f.languageCode}]::text[]`);
  if (f.isFree) where.push(sql`s.is_free`);
  if (f.isOpenNow) where.push(isOpen(f.clock));
  if (f.near) {
    const { latitude: lat, longitude: lon, radiusKm } = f.near;
    const dLat = radiusKm / 111.2;
    const dLon = radiusKm / (111.2 * Math.cos((lat * Math.PI) / 180));
    where.push(sql`point(s.longitude, s.latitude) <@ box(point(${lon - dLon}, ${lat - dLat}), point(${lon + dLon}, ${lat + dLat}))`);
    where.push(sql`earth_distance(ll_to_earth(${lat}, ${lon}), ll_to_earth(s.latitude, s.longitude)) <= ${radiusKm * 1000}`);
  }
  return where;
}

// Most places have no exceptions: answer them with the weekly ranges and call the function for the others only.
const isOpen = (clock: LocalClock) =>
  sql<boolean>`(case when s.exceptions = '[]'::jsonb then s.weekly_minutes @> ${clock.minuteOfWeek}::int
    else directory_is_open(s.weekly_minutes, s.exceptions, ${clock.date}::date, ${clock.minuteOfWeek}::int, ${clock.minuteOfDay}::int) end)`;

const queries = (f: SearchFilter) =>
  sql`(select ${each(f.wordGroups, 'italian', () => true)} as italian, ${each(f.wordGroups, 'simple', (w) => f.contentWords.has(w))} as other) q`;

const whereOf = (f: SearchFilter) => {
  const where = conditionsOf(f);
  return where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;
};

/** The public projection and every query of the public finder: the only SQL of the finder. */
export const searchRepository = {
  /** Locks a service for the rest of the transaction and reads what the public may see of it. */
  async lockService(db: Db, serviceId: string): Promise<{ isPublic: boolean; snapshot: ServiceSnapshot | null; organisationId: string } | null> {
    const { rows } = await sql<{ is_public: boolean; published_snapshot: ServiceSnapshot | null; organization_id: string }>`
      select is_public, published_snapshot, organization_id from directory_services where id = ${serviceId} for update`.execute(db);
    const row = rows[0];
    return row ? { isPublic: row.is_public, snapshot: row.published_snapshot, organisationId: row.organization_id } : null;
  },

  async findOrganisation(db: Db, id: string): Promise<PublicOrganisation | null> {
    const { rows } = await sql<PublicOrganisation>`select id, name, website, email from directory_organisations where id = ${id}`.execute(db);
    return rows[0] ?? null;
  },

  /** Locations by id, with their first address (physical first) and accessibility note. */
  async listLocations(db: Db, ids: string[]): Promise<LocationSource[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<LocationSource>`
      select l.id, l.location_type as type, l.name, l.transportation, x.description as accessibility, l.url,
        a.address_1 as "address1", a.address_2 as "address2", a.postal_code as "postalCode", a.city, a.state_province as province,
        l.region_code as "regionCode", l.municipality_code as "municipalityCode", l.latitude, l.longitude
      from directory_locations l
      left join lateral (select * from directory_addresses where location_id = l.id order by (address_type = 'physical') desc, id limit 1) a on true
      left join lateral (select description from directory_accessibility where location_id = l.id order by id limit 1) x on true
      where l.id = any(${ids}::uuid[])`.execute(db);
    return rows;
  },

  /** Taxonomy terms by id, with all their ancestors. */
  async listTermsWithAncestors(db: Db, ids: string[]): Promise<Map<string, TermSource>> {
    if (ids.length === 0) return new Map();
    const { rows } = await sql<{ id: string; parent_id: string | null; name: TranslatedText }>`
      with recursive t(id, parent_id, name, depth) as (
        select id, parent_id, name, 0 from directory_taxonomy_terms where id = any(${ids}::uuid[])
        union all
        select p.id, p.parent_id, p.name, t.depth + 1 from directory_taxonomy_terms p join t on p.id = t.parent_id where t.depth < 6
      ) select distinct on (id) id, parent_id, name from t`.execute(db);
    return new Map(rows.map((r) => [r.id, { parentId: r.parent_id, name: r.name }]));
  },

  /** Replaces the rows of a service (none when it is not public) and adds its words to the vocabulary. */
  async replaceRows(db: Db, serviceId: string, rows: ProjectionRow[], options: { withWords: boolean }): Promise<void> {
    await sql`delete from directory_search where service_id = ${serviceId}`.execute(db);
    await this.insertRows(db, rows);
    if (rows.length && options.withWords) await this.addWordsOf(db, [serviceId]);
  },

  /** Inserts projection rows; the database computes their search vectors. */
  async insertRows(db: Db, rows: ProjectionRow[]): Promise<void> {
    if (rows.length === 0) return;
    const vector = (config: 'italian' | 'simple', t: ProjectionRow['italian']) =>
      sql`setweight(to_tsvector(${sql.lit(config)}::regconfig, directory_unaccent(${t.a})), 'A') || setweight(to_tsvector(${sql.lit(config)}::regconfig, directory_unaccent(${t.b})), 'B') || setweight(to_tsvector(${sql.lit(config)}::regconfig, directory_unaccent(${t.c})), 'C')`;
    const values = rows.map(
      (r) => sql`(${r.serviceId}::uuid, ${r.locationId}::uuid, ${r.organisationId}::uuid, ${r.regionCode}, ${r.provinceCode}, ${r.municipalityCode}, ${r.municipalityName},
        ${r.latitude}::float8, ${r.longitude}::float8, ${r.needIds}::uuid[], ${r.languageCodes}::text[], ${r.isFree}::boolean, ${r.minimumAge}::float8, ${r.maximumAge}::float8,
        ${r.weeklyMinutes}::int4multirange, ${JSON.stringify(r.exceptions)}::jsonb, ${JSON.stringify(r.name)}::jsonb, ${r.summary === null ? null : JSON.stringify(r.summary)}::jsonb,
        ${JSON.stringify(r.organisation)}::jsonb, ${r.location === null ? null : JSON.stringify(r.location)}::jsonb, ${r.originalLocale}, ${r.sortName},
        ${vector('italian', r.italian)}, ${vector('simple', r.other)},
        lower(directory_unaccent(${[r.italian.a, r.other.a, r.italian.b, r.other.b, r.italian.c, r.other.c].join(' \n')})), ${r.publishedAt}::timestamptz)`,
    );
    await sql`insert into directory_search (service_id, location_id, organisation_id, region_code, province_code, municipality_code, municipality_name,
        latitude, longitude, need_ids, language_codes, is_free, minimum_age, maximum_age, weekly_minutes, exceptions, name, summary,
        organisation, location, original_locale, sort_name, search_it, search_other, search_text, published_at)
      values ${sql.join(values)}`.execute(db);
  },

  /** Adds the words of some services' rows (of every row when no ids are given) to the vocabulary used to correct typos. */
  async addWordsOf(db: Db, serviceIds?: string[]): Promise<void> {
    const which = serviceIds ? sql`s.service_id = any(${serviceIds}::uuid[])` : sql`true`;
    await sql`insert into directory_search_words (word)
      select distinct w.lexeme from directory_search s, unnest(to_tsvector('simple', s.search_text)) w
      where ${which} and length(w.lexeme) between 3 and 40 and w.lexeme !~ '[0-9@/.]'
      on conflict do nothing`.execute(db);
  },

  /** Public services missing from the projection or projected from an older publication, and rows of services no longer public. */
  async listOutOfStep(db: Db): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      select s.id from directory_services s where s.is_public and not exists (
        select 1 from directory_search p where p.service_id = s.id and p.published_at is not distinct from (s.published_snapshot->>'publishedAt')::timestamptz)
      union
      select distinct p.service_id from directory_search p join directory_services s on s.id = p.service_id where not s.is_public`.execute(db);
    return rows.map((r) => r.id);
  },

  /**
   * For each word, its unaccented form, whether the vocabulary has it, and up to three close words it has,
   * with their similarity. Candidates must share a trigram with the word (`pattern`, a regular expression
   * the trigram index answers); pg_trgm's % operator is not used because PGlite's build mishandles it.
   */
  async listSimilarWords(db: Db, words: { word: string; pattern: string | null }[]): Promise<{ word: string; isKnown: boolean; similar: { word: string; score: number }[] }[]> {
    if (words.length === 0) return [];
    const branches = words.map(
      ({ word, pattern }) => sql`select u.word, exists (select 1 from directory_search_words w where w.word = u.word) as is_known, c.words, c.scores
        from (select directory_unaccent(${word}) as word) u
        left join lateral (
          select array_agg(t.word order by t.score desc, t.word) as words, array_agg(t.score order by t.score desc, t.word) as scores
          from (select w.word, similarity(w.word, u.word) as score from directory_search_words w
                where ${pattern !== null} and w.word ~ ${pattern ?? ''} and abs(length(w.word) - length(u.word)) <= 3 and similarity(w.word, u.word) >= 0.5
                order by score desc, w.word limit 3) t
        ) c on true`,
    );
    const { rows } = await sql<{ word: string; is_known: boolean; words: string[] | null; scores: number[] | null }>`${sql.join(branches, sql` union all `)}`.execute(db);
    return rows.map((r) => ({ word: r.word, isKnown: r.is_known, similar: (r.words ?? []).map((word, i) => ({ word, score: Number(r.scores?.[i] ?? 0) })) }));
  },

  /** A page of results and how many there are (counted up to COUNT_CAP + 1): nearest first, best match first, or by name. */
  async search(db: Db, f: SearchFilter): Promise<{ hits: SearchHit[]; total: number }> {
    const count = await sql<{ n: string }>`select count(*) as n from (select 1 from directory_search s, ${queries(f)} ${whereOf(f)} limit ${COUNT_CAP + 1}) c`.execute(db);
    const total = Number(count.rows[0]?.n ?? 0);
    if (total === 0) return { hits: [], total };
    const isRanked = f.wordGroups.length > 0 && total <= COUNT_CAP;
    const distance = f.near ? sql`earth_distance(ll_to_earth(${f.near.latitude}, ${f.near.longitude}), ll_to_earth(s.latitude, s.longitude))` : sql`null::float8`;
    const order = f.near
      ? sql`distance_m, s.sort_name, s.id`
      : isRanked
        ? sql`ts_rank(s.search_it, q.italian) + ts_rank(s.search_other, q.other) desc, s.sort_name, s.id`
        : sql`s.sort_name, s.service_id, s.id`;
    const page = await sql<SearchHit & { distance_m: number | null }>`
      select s.service_id as "serviceId", s.location_id as "locationId", s.region_code as "regionCode", s.name, s.summary, s.organisation, s.location,
        s.municipality_name as "municipalityName", s.latitude, s.longitude, s.need_ids as "needIds", s.language_codes as "languageCodes",
        s.is_free as "isFree", s.weekly_minutes <> '{}'::int4multirange or jsonb_array_length(s.exceptions) > 0 as "hasHours",
        ${isOpen(f.clock)} as "isOpenNow", ${distance} as distance_m
      from directory_search s, ${queries(f)} ${whereOf(f)}
      order by ${order} limit ${f.limit} offset ${f.offset}`.execute(db);
    return { hits: page.rows.map(({ distance_m, ...hit }) => ({ ...hit, distanceMetres: distance_m ?? null })), total };
  },

  /** The languages spoken at published services (ISO 639 codes). */
  async listSpokenLanguages(db: Db): Promise<string[]> {
    const { rows } = await sql<{ code: string }>`select distinct unnest(language_codes) as code from directory_search order by 1`.execute(db);
    return rows.map((r) => r.code);
  },

  /** The published services offered in a municipality or province (for "save this area"), by name. */
  async listAreaServices(db: Db, area: { municipalityCode: string } | { provinceCode: string }, limit: number): Promise<{ serviceId: string; name: TranslatedText }[]> {
    const where = 'municipalityCode' in area ? sql`municipality_code = ${area.municipalityCode}` : sql`province_code = ${area.provinceCode}`;
    const { rows } = await sql<{ service_id: string; name: TranslatedText }>`
      select service_id, name from (select distinct on (service_id) service_id, name, sort_name from directory_search where ${where} order by service_id) d
      order by sort_name, service_id limit ${limit}`.execute(db);
    return rows.map((r) => ({ serviceId: r.service_id, name: r.name }));
  },

  /** A public service: its published snapshot and the places it is offered at (live location data). */
  async findPublicService(db: Db, serviceId: string): Promise<{ snapshot: ServiceSnapshot; places: PublicPlace[] } | null> {
    const { rows } = await sql<{ published_snapshot: ServiceSnapshot }>`
      select published_snapshot from directory_services where id = ${serviceId} and is_public`.execute(db);
    if (!rows[0]) return null;
    const places = await sql<PublicPlace>`
      select location_id as "locationId", location, organisation, municipality_name as "municipalityName", region_code as "regionCode", latitude, longitude
      from directory_search where service_id = ${serviceId} order by municipality_name nulls last, id`.execute(db);
    return { snapshot: rows[0].published_snapshot, places: places.rows };
  },
};
