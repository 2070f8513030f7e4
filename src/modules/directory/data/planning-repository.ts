import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';

// Reads of the published directory for planning (the observatory's planning view). They read the finder's
// projection, which holds exactly the published services, one row per place (online services have no province).

export const planningRepository = {
  /** Published services per province of a region that answer each of some needs (by term id, descendants included). */
  async countByProvinceAndNeed(db: Db, regionCode: string, needIds: string[]): Promise<{ provinceCode: string; needId: string; services: number }[]> {
    if (needIds.length === 0) return [];
    const { rows } = await sql<{ province_code: string; need_id: string; n: string }>`
      select s.province_code, n.id as need_id, count(distinct s.service_id) as n
      from directory_search s cross join lateral unnest(s.need_ids) as n(id)
      where s.region_code = ${regionCode} and s.province_code is not null and n.id = any(${needIds}::uuid[])
      group by s.province_code, n.id`.execute(db);
    return rows.map((r) => ({ provinceCode: r.province_code, needId: r.need_id, services: Number(r.n) }));
  },

  /** Published services per province of a region, whatever the need. */
  async countByProvince(db: Db, regionCode: string): Promise<{ provinceCode: string; services: number }[]> {
    const { rows } = await sql<{ province_code: string; n: string }>`
      select province_code, count(distinct service_id) as n from directory_search
      where region_code = ${regionCode} and province_code is not null group by province_code`.execute(db);
    return rows.map((r) => ({ provinceCode: r.province_code, services: Number(r.n) }));
  },

  /** The languages spoken by at least one published service of each province of a region. */
  async languagesByProvince(db: Db, regionCode: string): Promise<{ provinceCode: string; languageCode: string }[]> {
    const { rows } = await sql<{ province_code: string; language_code: string }>`
      select distinct s.province_code, l.code as language_code
      from directory_search s cross join lateral unnest(s.language_codes) as l(code)
      where s.region_code = ${regionCode} and s.province_code is not null
      order by 1, 2`.execute(db);
    return rows.map((r) => ({ provinceCode: r.province_code, languageCode: r.language_code }));
  },

  /** When the region's published directory last changed (null when it has nothing published). */
  async lastPublishedAt(db: Db, regionCode: string): Promise<Date | null> {
    const { rows } = await sql<{ at: Date | string | null }>`select max(published_at) as at from directory_search where region_code = ${regionCode}`.execute(db);
    const at = rows[0]?.at;
    return at ? new Date(at) : null;
  },
};
