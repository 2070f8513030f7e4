import { sql, type Kysely } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { IstatReference } from '../reference/istat-municipalities.ts';
import type { CountryRef } from '../reference/countries.ts';
import type { LanguageRef } from '../reference/languages.ts';
import type { Centroid } from '../reference/centroids.ts';

interface TerritoryTables {
  territory_regions: { code: string; name: string; nuts2: string };
  territory_provinces: { code: string; historic_code: string; name: string; region_code: string; kind: string; car_code: string; nuts3: string };
  territory_municipalities: {
    code: string;
    name: string;
    name_other: string | null;
    province_code: string;
    region_code: string;
    cadastral_code: string;
    is_province_capital: boolean;
    latitude: number | null;
    longitude: number | null;
  };
  territory_countries: { alpha2: string; alpha3: string; numeric: string; names: Record<string, string> };
  territory_languages: { code: string; iso6393: string; autonym: string; names: Record<string, string> };
}

/** A region as other modules see it. */
export interface Region {
  code: string;
  name: string;
}

/** A province (UTS) as other modules see it. */
export interface Province {
  code: string;
  name: string;
  regionCode: string;
  carCode: string;
  kind: string;
}

/** A municipality as other modules see it. */
export interface Municipality {
  code: string;
  name: string;
  provinceCode: string;
  regionCode: string;
  isProvinceCapital: boolean;
  /** A representative point (centroid of the main area), for distances and maps. */
  latitude: number | null;
  longitude: number | null;
}

/** A country or language named in one locale. */
export interface NamedCode {
  code: string;
  name: string;
}

const tables = (db: Db) => db as unknown as Kysely<TerritoryTables>;

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** The only place the territory module reads and writes SQL. */
export const territoryRepository = {
  async countRegions(db: Db): Promise<number> {
    const row = await tables(db).selectFrom('territory_regions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  /** Loads or updates the whole reference set in one transaction (upserts: rows referenced elsewhere stay). */
  async upsertReference(db: Db, istat: IstatReference, centroids: Map<string, Centroid>, countries: CountryRef[], languages: LanguageRef[]): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const t = tables(trx);
      await t
        .insertInto('territory_regions')
        .values(istat.regions.map((r) => ({ code: r.code, name: r.name, nuts2: r.nuts2 })))
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), nuts2: eb.ref('excluded.nuts2') })))
        .execute();
      await t
        .insertInto('territory_provinces')
        .values(istat.provinces.map((p) => ({ code: p.code, historic_code: p.historicCode, name: p.name, region_code: p.regionCode, kind: p.kind, car_code: p.carCode, nuts3: p.nuts3 })))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            historic_code: eb.ref('excluded.historic_code'),
            name: eb.ref('excluded.name'),
            region_code: eb.ref('excluded.region_code'),
            kind: eb.ref('excluded.kind'),
            car_code: eb.ref('excluded.car_code'),
            nuts3: eb.ref('excluded.nuts3'),
          })),
        )
        .execute();
      await insertInBatches(istat.municipalities, 1000, (batch) =>
        t
          .insertInto('territory_municipalities')
          .values(batch.map((m) => ({ code: m.code, name: m.name, name_other: m.nameOther, province_code: m.provinceCode, region_code: m.regionCode, cadastral_code: m.cadastralCode, is_province_capital: m.isProvinceCapital, latitude: centroids.get(m.code)?.latitude ?? null, longitude: centroids.get(m.code)?.longitude ?? null })))
          .onConflict((oc) =>
            oc.column('code').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              name_other: eb.ref('excluded.name_other'),
              province_code: eb.ref('excluded.province_code'),
              region_code: eb.ref('excluded.region_code'),
              cadastral_code: eb.ref('excluded.cadastral_code'),
              is_province_capital: eb.ref('excluded.is_province_capital'),
              latitude: eb.ref('excluded.latitude'),
              longitude: eb.ref('excluded.longitude'),
            })),
          )
          .execute(),
      );
      await t
        .insertInto('territory_countries')
        .values(countries.map((c) => ({ alpha2: c.alpha2, alpha3: c.alpha3, numeric: c.numeric, names: JSON.stringify(c.names) as never })))
        .onConflict((oc) => oc.column('alpha2').doUpdateSet((eb) => ({ alpha3: eb.ref('excluded.alpha3'), numeric: eb.ref('excluded.numeric'), names: eb.ref('excluded.names') })))
        .execute();
      await t
        .insertInto('territory_languages')
        .values(languages.map((l) => ({ code: l.code, iso6393: l.iso6393, autonym: l.autonym, names: JSON.stringify(l.names) as never })))
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ iso6393: eb.ref('excluded.iso6393'), autonym: eb.ref('excluded.autonym'), names: eb.ref('excluded.names') })))
        .execute();
    });
  },

  async listRegions(db: Db): Promise<Region[]> {
    return tables(db).selectFrom('territory_regions').select(['code', 'name']).orderBy('name').execute();
  },

  async findRegion(db: Db, code: string): Promise<Region | null> {
    return (await tables(db).selectFrom('territory_regions').select(['code', 'name']).where('code', '=', code).executeTakeFirst()) ?? null;
  },

  async listProvinces(db: Db, regionCode?: string): Promise<Province[]> {
    let q = tables(db).selectFrom('territory_provinces').select(['code', 'name', 'region_code as regionCode', 'car_code as carCode', 'kind']);
    if (regionCode) q = q.where('region_code', '=', regionCode);
    return q.orderBy('name').execute();
  },

  async findProvince(db: Db, code: string): Promise<Province | null> {
    return (
      (await tables(db)
        .selectFrom('territory_provinces')
        .select(['code', 'name', 'region_code as regionCode', 'car_code as carCode', 'kind'])
        .where('code', '=', code)
        .executeTakeFirst()) ?? null
    );
  },

  async listMunicipalities(db: Db, filter: { provinceCode?: string; regionCode?: string; query?: string; limit: number; offset: number }): Promise<{ items: Municipality[]; total: number }> {
    let q = tables(db).selectFrom('territory_municipalities');
    if (filter.provinceCode) q = q.where('province_code', '=', filter.provinceCode);
    if (filter.regionCode) q = q.where('region_code', '=', filter.regionCode);
    if (filter.query) q = q.where(sql<boolean>`unaccent(lower(name)) like unaccent(lower(${`%${filter.query}%`}))`);
    const totalRow = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    const items = await q
      .select(['code', 'name', 'province_code as provinceCode', 'region_code as regionCode', 'is_province_capital as isProvinceCapital', 'latitude', 'longitude'])
      .orderBy('name')
      .orderBy('code')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { items, total: Number(totalRow?.n ?? 0) };
  },

  async findMunicipality(db: Db, code: string): Promise<Municipality | null> {
    return (
      (await tables(db)
        .selectFrom('territory_municipalities')
        .select(['code', 'name', 'province_code as provinceCode', 'region_code as regionCode', 'is_province_capital as isProvinceCapital', 'latitude', 'longitude'])
        .where('code', '=', code)
        .executeTakeFirst()) ?? null
    );
  },

  async listCountries(db: Db, locale: Locale): Promise<NamedCode[]> {
    const rows = await tables(db).selectFrom('territory_countries').select(['alpha2', 'names']).execute();
    return rows.map((r) => ({ code: r.alpha2, name: r.names[locale] ?? r.names.en ?? r.alpha2 })).sort((a, b) => a.name.localeCompare(b.name, locale));
  },

  async listLanguages(db: Db, locale: Locale): Promise<(NamedCode & { autonym: string })[]> {
    const rows = await tables(db).selectFrom('territory_languages').select(['code', 'names', 'autonym']).execute();
    return rows.map((r) => ({ code: r.code, name: r.names[locale] ?? r.names.en ?? r.code, autonym: r.autonym })).sort((a, b) => a.name.localeCompare(b.name, locale));
  },
};
