import { sql, type Kysely } from 'kysely';

/** Regions, provinces (UTS), municipalities, countries and languages. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table territory_regions (
    code text primary key check (code ~ '^[0-9]{2}$'),
    name text not null,
    nuts2 text not null
  )`.execute(db);
  await sql`create table territory_provinces (
    code text primary key check (code ~ '^[0-9]{3}$'),
    historic_code text not null,
    name text not null,
    region_code text not null references territory_regions (code),
    kind text not null,
    car_code text not null,
    nuts3 text not null
  )`.execute(db);
  await sql`create index territory_provinces_region on territory_provinces (region_code)`.execute(db);
  await sql`create table territory_municipalities (
    code text primary key check (code ~ '^[0-9]{6}$'),
    name text not null,
    name_other text,
    province_code text not null references territory_provinces (code),
    region_code text not null references territory_regions (code),
    cadastral_code text not null,
    is_province_capital boolean not null default false
  )`.execute(db);
  await sql`create index territory_municipalities_province on territory_municipalities (province_code)`.execute(db);
  await sql`create index territory_municipalities_name on territory_municipalities using gin (lower(name) gin_trgm_ops)`.execute(db);
  await sql`create table territory_countries (
    alpha2 text primary key,
    alpha3 text not null unique,
    numeric text not null,
    names jsonb not null
  )`.execute(db);
  await sql`create table territory_languages (
    code text primary key,
    iso6393 text not null,
    autonym text not null,
    names jsonb not null
  )`.execute(db);
}
