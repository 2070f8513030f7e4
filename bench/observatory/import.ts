// Measures the observatory's import against the database's own bulk load (COPY) of the same rows, in the same run.
// Run: node --import tsx bench/observatory/import.ts [--rows 1000000] [--engine pglite|postgresql|both] [--repeat 1]
//   (PostgreSQL: BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; the server must be
//    local, as COPY reads a file the server writes in the system's temporary folder.)
// For each engine: a fresh database, the shipped POPSTRBIL1 file (42,612 rows) and a generated SDMX-CSV 1.0 of
// --rows rows shaped like it (ITTER107 areas × data types × sexes × citizenships × years). It prints the time to
// read and check the file, the whole import (check + writing + making the version current), and COPY of the
// same observations into the same table with the same index.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { createAudit } from '../../src/kernel/audit/audit.ts';
import { migrateAll, createContext, seedReference } from '../../src/kernel/app.ts';
import { loadConfig } from '../../src/kernel/config.ts';
import { openPglite, openPostgres, type Database } from '../../src/kernel/db/database.ts';
import { textFrom } from '../../src/kernel/i18n/content.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { territoryModule } from '../../src/modules/territory/index.ts';
import { accountsModule } from '../../src/modules/accounts/index.ts';
import { observatoryModule } from '../../src/modules/observatory/index.ts';
import { parseFile } from '../../src/modules/observatory/importers/parse-file.ts';
import { loadLabelSources, resolverOf } from '../../src/modules/observatory/reference/label-sources.ts';
import { loadItter107 } from '../../src/modules/observatory/reference/reference-data.ts';
import { frequencyUri } from '../../src/modules/observatory/reference/catalogue.ts';
import { importDataset } from '../../src/modules/observatory/use-cases/import-dataset.ts';

const { values: options } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, engine: { type: 'string', default: 'both' }, repeat: { type: 'string', default: '1' } } });
const ROWS = Number(options.rows);
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const modules = [territoryModule, accountsModule, observatoryModule];

/** An SDMX-CSV 1.0 file of `n` rows shaped like ISTAT's foreign-population dataflows. */
function generateSdmx(n: number): Buffer {
  const areas = loadItter107().map((e) => e.code).filter((c) => c !== 'ITTOT');
  const citizenships = ['WORLD', 'MA', 'AL', 'RO', 'CN', 'UA', 'IN', 'PH', 'BD', 'EG', 'PK', 'SN', 'NG', 'TN', 'LK', 'PE', 'EC', 'MD', 'AF', 'IR'];
  const types = ['FJAN', 'FLBIRTH', 'FDEATH', 'FREGOTHC', 'FDERGOTHC', 'ACQCITIZ', 'FDEC_CP', 'FNATGR'];
  const lines = ['DATAFLOW,FREQ,REF_AREA,DATA_TYPE,SEX,CITIZENSHIP,TIME_PERIOD,OBS_VALUE,OBS_STATUS,NOTE_REF_AREA'];
  let r = 0;
  outer: for (let year = 1990; ; year++)
    for (const area of areas)
      for (const type of types)
        for (const sex of ['1', '2', '9'])
          for (const citizenship of citizenships) {
            if (r++ >= n) break outer;
            lines.push(`IT1:BENCH_DF(1.0),A,${area},${type},${sex},${citizenship},${year},${(r * 7919) % 250000},,`);
          }
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function openEngine(engine: string): Promise<{ database: Database; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openPglite({});
    return { database, drop: () => database.close() };
  }
  const name = `crocevia_bench_${process.pid}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: SERVER });
    await client.connect();
    await client.query(text);
    await client.end();
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 4);
  return { database, drop: async () => (await database.close(), await admin(`drop database if exists ${name} with (force)`)) };
}

/** COPY of a version's rows, exported to CSV then loaded back under another version id: the database's own speed. */
async function copyBaseline(database: Database, versionId: number): Promise<number> {
  const select = `select -${versionId}, codes, territory_id, time, value, status, attributes from observatory_observations where version_id = ${versionId}`;
  let started: number;
  if (database.pglite) {
    const out = await database.pglite.query(`copy (${select}) to '/dev/blob' with (format csv)`);
    const blob = out.blob!;
    started = performance.now();
    await database.pglite.query(`copy observatory_observations from '/dev/blob' with (format csv)`, [], { blob });
  } else {
    const file = path.join(os.tmpdir(), `crocevia-bench-${process.pid}.csv`);
    await sql.raw(`copy (${select}) to '${file}' with (format csv)`).execute(database.db);
    started = performance.now();
    await sql.raw(`copy observatory_observations from '${file}' with (format csv)`).execute(database.db);
    fs.rmSync(file, { force: true });
  }
  const ms = performance.now() - started;
  await sql`delete from observatory_observations where version_id = ${-versionId}`.execute(database.db);
  return ms;
}

async function measure(engine: string, label: string, bytes: Buffer): Promise<void> {
  const { database, drop } = await openEngine(engine);
  try {
    await migrateAll(database, modules);
    const ctx = await createContext({ config: { ...loadConfig({ NODE_ENV: 'test' }), seedDemo: false }, database, modules, logger: createLogger('silent') });
    await seedReference(ctx, modules);
    await ctx.mailer.close();
    const sources = await loadLabelSources(database.db);
    let started = performance.now();
    const cube = await parseFile(bytes, { resolveTerritory: resolverOf(sources), citizenshipCodes: sources.citizenshipCodes });
    const parseMs = performance.now() - started;
    started = performance.now();
    const result = await importDataset({
      db: database.db,
      audit: createAudit(database.db),
      actor: null,
      file: { name: `${label}.csv`, bytes },
      labelSources: sources,
      target: { newDataset: { title: textFrom({ it: label }), source: 'bench', licence: 'CC-BY-4.0', attribution: 'bench', updateFrequency: frequencyUri('ANNUAL'), regionCode: null } },
    });
    const importMs = performance.now() - started;
    const copyMs = await copyBaseline(database, result.versionId);
    const rate = (ms: number) => Math.round(cube.rowCount / (ms / 1000)).toLocaleString('en');
    console.log(
      `${engine.padEnd(10)} ${label.padEnd(22)} ${String(cube.rowCount).padStart(9)} rows | read+check ${Math.round(parseMs)} ms | import ${Math.round(importMs)} ms = ${rate(importMs)} rows/s | COPY ${Math.round(copyMs)} ms = ${rate(copyMs)} rows/s | import/COPY speed ${((copyMs / importMs) * 100).toFixed(0)}%`,
    );
  } finally {
    await drop();
  }
}

const engines = options.engine === 'both' ? ['pglite', 'postgresql'] : [options.engine!];
const shipped = fs.readFileSync(new URL('../../src/modules/observatory/assets/istat/DCIS_POPSTRBIL1_1_foreign_pop_balance_regions_provinces_2019-2023.csv', import.meta.url));
const generated = generateSdmx(ROWS);
console.log(`node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
// Each run on a fresh database; on a shared machine, repeat and read the spread.
for (const engine of engines) {
  for (let run = 0; run < Number(options.repeat); run++) {
    await measure(engine, 'POPSTRBIL1 (shipped)', shipped);
    await measure(engine, `generated ${ROWS.toLocaleString('en')}`, generated);
  }
}
