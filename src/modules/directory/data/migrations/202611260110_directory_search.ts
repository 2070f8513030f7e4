import { sql, type Kysely } from 'kysely';

/*
 * The public finder's projection: one row per place where a published service is offered (one row per
 * service-at-location; one row without a place for a service offered nowhere physical). A result is a
 * place a person can go to, so a row carries its own municipality, coordinates and opening hours, and the
 * list, the map and the distance sort need no join. Rows are written only by the refresher in
 * search-repository.ts, inside the transaction that publishes, archives or edits what the public sees.
 *
 * Text search, the same on PostgreSQL 15 and PGlite (18):
 * - search_it: Italian stemming over the Italian text (weights: A names, B organisation and needs, C the rest);
 * - search_other: the 'simple' configuration over every other language's text;
 * - search_text: every language's text, unaccented, trigram-indexed (substring search for scripts
 *   written without spaces, such as Chinese);
 * - directory_search_words: the vocabulary of the published text, trigram-indexed, to correct typos
 *   ("permeso" → "permesso") before the full-text query.
 * unaccent() is only STABLE (its dictionary could change): directory_unaccent pins the dictionary so that
 * it can be used in index expressions and is declared IMMUTABLE.
 *
 * Opening hours: weekly_minutes holds the weekly ranges as minutes from Monday 00:00 (Europe/Rome time);
 * exceptions the closures and special hours ({s, e, c, o, x}: first and last day, closed, opens and closes
 * in minutes of the day). directory_is_open answers "open at this local day and minute".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create or replace function directory_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);

  await sql`create or replace function directory_is_open(weekly int4multirange, exceptions jsonb, on_day date, minute_of_week integer, minute_of_day integer)
    returns boolean language sql immutable parallel safe
    as $$
      select case
        when jsonb_array_length(exceptions) = 0 then weekly @> minute_of_week
        when exists (select 1 from jsonb_array_elements(exceptions) e
                     where on_day between (e->>'s')::date and (e->>'e')::date)
          then not exists (select 1 from jsonb_array_elements(exceptions) e
                           where on_day between (e->>'s')::date and (e->>'e')::date and (e->>'c')::boolean)
           and exists (select 1 from jsonb_array_elements(exceptions) e
                       where on_day between (e->>'s')::date and (e->>'e')::date
                         and minute_of_day >= (e->>'o')::int and minute_of_day < (e->>'x')::int)
        else weekly @> minute_of_week
      end
    $$`.execute(db);

  await sql`create table directory_search (
    id bigint generated always as identity primary key,
    service_id uuid not null references directory_services (id) on delete cascade,
    location_id uuid,
    organisation_id uuid not null,
    region_code text not null,
    province_code text,
    municipality_code text,
    municipality_name text,
    latitude double precision,
    longitude double precision,
    need_ids uuid[] not null default '{}',
    language_codes text[] not null default '{}',
    is_free boolean,
    minimum_age double precision,
    maximum_age double precision,
    weekly_minutes int4multirange not null default '{}',
    exceptions jsonb not null default '[]'::jsonb,
    name jsonb not null,
    summary jsonb,
    organisation jsonb not null,
    location jsonb,
    original_locale text not null,
    sort_name text not null,
    search_it tsvector not null,
    search_other tsvector not null,
    search_text text not null,
    published_at timestamptz
  )`.execute(db);
  await sql`create index directory_search_service on directory_search (service_id)`.execute(db);
  await sql`create index directory_search_region on directory_search (region_code)`.execute(db);
  await sql`create index directory_search_province on directory_search (province_code)`.execute(db);
  await sql`create index directory_search_municipality on directory_search (municipality_code)`.execute(db);
  await sql`create index directory_search_needs on directory_search using gin (need_ids)`.execute(db);
  await sql`create index directory_search_languages on directory_search using gin (language_codes)`.execute(db);
  await sql`create index directory_search_it on directory_search using gin (search_it)`.execute(db);
  await sql`create index directory_search_other on directory_search using gin (search_other)`.execute(db);
  await sql`create index directory_search_text on directory_search using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index directory_search_point on directory_search using gist (point(longitude, latitude)) where latitude is not null and longitude is not null`.execute(db);
  await sql`create index directory_search_sort on directory_search (sort_name, service_id)`.execute(db);

  await sql`create table directory_search_words (word text primary key)`.execute(db);
  await sql`create index directory_search_words_trgm on directory_search_words using gin (word gin_trgm_ops)`.execute(db);
}
