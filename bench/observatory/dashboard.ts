// Measures the public observatory dashboards over a store of millions of observations, next to the bare SQL of the
// same queries, on PGlite and on PostgreSQL.
// Run: node --import tsx bench/observatory/dashboard.ts [--engine pglite|postgresql|both] [--observations 5000000]
//   [--repeat 30] [--territories 237,08,IT] [--countries 59] [--explain]
//   PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); the bench creates the
//   database crocevia_bench_dash_<pid> there and drops it at the end. PGlite: a temporary data folder, removed at the end.
// For each engine, on a fresh database with the reference data and every module:
//  1. seeds the two datasets a province dashboard reads, generated and imported with the importer (importDataset, as
//     `stats import` and the staff upload do), then published: `istat-popstrbil1` in ISTAT's SDMX-CSV 1.0 shape, Italy,
//     macro-areas, regions, provinces and all 7,901 municipalities × 16 data types × 3 sexes × years (92% of the
//     observations), and `istat-inflows-protection` in the legacy I.Stat shape, Italy, regions and provinces × 3 sexes
//     × the world total and --countries countries × years (the rest); then, on PostgreSQL, ANALYZE;
//  2. times the use case behind `/:lang/observatory/:territory` (resolveTerritory + buildDashboard: every query and
//     the indicators' arithmetic, no HTML), one call at a time, recording the SQL it sends;
//  3. times the bare SQL: the statements recorded in 2, replayed in the same order with the same parameters on the
//     same connection pool, without the application's code around them;
//  4. times GET /it/observatory/<territory> on the listening server (one keep-alive connection, one request at a
//     time, until the last byte): queries, indicators, SVG charts and the page.
// 2, 3 and 4 take turns, --repeat times each.
// --explain prints EXPLAIN ANALYZE of the three slowest statements of each dashboard.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { createCrocevia } from '../../src/kernel/app.ts';
import { loadConfig } from '../../src/kernel/config.ts';
import { openPglite, openPostgres, pgliteExtensions, type Database, type Db } from '../../src/kernel/db/database.ts';
import { textFrom } from '../../src/kernel/i18n/content.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { modules } from '../../src/modules.ts';
import { loadLabelSources } from '../../src/modules/observatory/reference/label-sources.ts';
import { loadItter107 } from '../../src/modules/observatory/reference/reference-data.ts';
import { frequencyUri } from '../../src/modules/observatory/reference/catalogue.ts';
import { importDataset } from '../../src/modules/observatory/use-cases/import-dataset.ts';
import { setDatasetPublished } from '../../src/modules/observatory/use-cases/publish-dataset.ts';
import { buildDashboard, resolveTerritory } from '../../src/modules/observatory/use-cases/build-dashboard.ts';
import { readSuppressionThreshold } from '../../src/modules/observatory/indicators/suppression.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    observations: { type: 'string', default: '5000000' },
    repeat: { type: 'string', default: '30' },
    territories: { type: 'string', default: '237,08,IT' },
    countries: { type: 'string', default: '59' },
    explain: { type: 'boolean', default: false },
  },
});
const TARGET = Number(args.observations);
const REPEAT = Number(args.repeat);
const TERRITORIES = args.territories!.split(',').map((c) => c.trim()).filter(Boolean);
const SERVER = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const out = (line = '') => process.stdout.write(`${line}\n`);
const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}
const summary = (values: number[]) => `p50 ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms, min ${Math.min(...values).toFixed(1)} ms (${values.length} runs)`;

// ---------------------------------------------------------------------------------------------------------------
// The generated files

// 16 of the 27 data types of ISTAT's DCIS_POPSTRBIL1 (the indicators read FJAN, FINTNMIG and ACQCITIZ).
const DATA_TYPES = ['FJAN', 'FLBIRTH', 'FDEATH', 'FREGM', 'FDEREGM', 'FINTNMIG', 'ACQCITIZ', 'FNATGR', 'FREGOTHC', 'FDERGOTHC', 'FINTRNMIGR', 'FIDECTR', 'FDEC_CP', 'FHOUSMEMB_CP', 'FPOPCOM_CP', 'FNETMIG'];
const SEXES = ['1', '2', '9'];

/** Joins lines into one buffer a few thousand at a time (a single string of this size would be too long). */
function linesToBuffer(lines: Iterable<string>): Buffer {
  const parts: Buffer[] = [];
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length === 10_000) {
      parts.push(Buffer.from(`${chunk.join('\n')}\n`));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(Buffer.from(`${chunk.join('\n')}\n`));
  return Buffer.concat(parts);
}

/** A value that looks like a count and varies by place, type, sex and year. */
const countOf = (...keys: number[]) => keys.reduce((h, k) => (Math.imul(h ^ k, 2654435761) >>> 0) % 1_000_003, 17) % 40_000;

/** ISTAT's foreign-population balance down to the municipalities, SDMX-CSV 1.0, `years` years up to 2024. */
function populationFile(areas: string[], years: number): { bytes: Buffer; rows: number } {
  let rows = 0;
  function* lines() {
    yield 'DATAFLOW,FREQ,REF_AREA,DATA_TYPE,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS';
    for (let year = 2025 - years; year <= 2024; year++)
      for (const [a, area] of areas.entries())
        for (const [t, type] of DATA_TYPES.entries())
          for (const [s, sex] of SEXES.entries()) {
            rows++;
            yield `IT1:29_316_DF_DCIS_POPSTRBIL1_1(1.0),A,${area},${type},${sex},${year},${countOf(a, t, s, year)},`;
          }
  }
  const bytes = linesToBuffer(lines());
  return { bytes, rows };
}

/** I.Stat's inflows of non-EU citizens for international protection, legacy CSV, `years` years up to 2024. */
function inflowsFile(areas: { code: string; name: string }[], countries: string[], years: number): { bytes: Buffer; rows: number } {
  let rows = 0;
  const isos = ['WORLD', ...countries];
  function* lines() {
    yield '"ITTER107","Territory","TIPO_DATO15","Data type","SEXISTAT1","Gender","ISO","Most relevant Country of citizenship","MOTIVOPS1","Reason","TIME","Select time","Value","Flag Codes","Flags"';
    for (let year = 2025 - years; year <= 2024; year++)
      for (const [a, area] of areas.entries())
        for (const [s, sex] of SEXES.entries())
          for (const [i, iso] of isos.entries()) {
            rows++;
            const value = i === 0 ? countOf(a, s, year) : countOf(a, s, i, year) % 60;
            yield `"${area.code}","${area.name}","INFLNONEU","annual inflows of non-EU citizens","${sex}","${sex === '9' ? 'total' : sex === '1' ? 'males' : 'females'}","${iso}","${iso}","ALL1","international protection","${year}","${year}",${value},,`;
          }
  }
  const bytes = linesToBuffer(lines());
  return { bytes, rows };
}

// ---------------------------------------------------------------------------------------------------------------
// Databases

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Where a bench database lives, and how to open it (again) and remove it. */
interface Place {
  where: string;
  open(): Promise<Database>;
  /** Opens it with a client that records the statements it sends while `recorder.isOn`. */
  openRecorded(recorder: Recorder): Promise<{ database: Database; query(text: string, parameters: readonly unknown[]): Promise<unknown> }>;
  remove(): Promise<void>;
}

interface Recorder {
  isOn: boolean;
  statements: { sql: string; parameters: readonly unknown[] }[];
}

async function createPlace(engine: string): Promise<Place> {
  const recorded = (pool: pg.Pool, recorder: Recorder, extra: { kind: Database['kind']; pglite: PGlite | null; close(): Promise<void> }) => {
    const db: Db = new Kysely({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (recorder.isOn && event.level === 'query') recorder.statements.push({ sql: event.query.sql, parameters: event.query.parameters });
      },
    });
    const database: Database = {
      db,
      kind: extra.kind,
      pglite: extra.pglite,
      ping: async () => void (await sql`select 1`.execute(db)),
      close: async () => (await db.destroy(), await extra.close()),
    };
    return { database, query: (text: string, parameters: readonly unknown[]) => pool.query(text, [...parameters]) };
  };
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-bench-dash-'));
    return {
      where: `PGlite 0.5 in ${dir}`,
      open: () => openPglite({ dataDir: dir }),
      async openRecorded(recorder) {
        // The same client the kernel builds over PGlite (one connection), with Kysely's query log on.
        const pglite = await PGlite.create(path.join(dir, 'pgdata'), { extensions: pgliteExtensions });
        const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 } as unknown as pg.PoolConfig);
        return recorded(pool, recorder, { kind: 'pglite', pglite, close: () => pglite.close() });
      },
      remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `crocevia_bench_dash_${process.pid}`;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  const { rows } = await (async () => {
    const client = new pg.Client({ connectionString: SERVER });
    await client.connect();
    try {
      return await client.query<{ v: string }>('select version() as v');
    } finally {
      await client.end();
    }
  })();
  return {
    where: `${rows[0]!.v.split(' on ')[0]}, database ${name} (pool of 10)`,
    open: () => openPostgres(url.toString()),
    async openRecorded(recorder) {
      const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
      return recorded(pool, recorder, { kind: 'postgresql', pglite: null, close: async () => undefined }); // destroying Kysely ends the pool
    },
    remove: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

const config = { ...loadConfig({ NODE_ENV: 'development' }), seedDemo: false, logLevel: 'silent' as const, port: 0 };

/** Migrates, loads the reference data, generates and imports the two datasets, publishes them; ANALYZE on a server. */
async function seed(place: Place): Promise<void> {
  const database = await place.open();
  try {
    const crocevia = await createCrocevia({ config, modules, database, logger: createLogger('silent') });
    const { db, audit } = crocevia.ctx;
    const sources = await loadLabelSources(db);
    const itter = loadItter107().filter((e) => e.code !== 'ITTOT');
    const popAreas = [...itter.map((e) => e.code), ...sources.territories.municipalities.map((m) => m.code)];
    const inflowAreas = itter.filter((e) => e.level !== 'macro_area').map((e) => ({ code: e.code, name: e.name }));
    const countries = [...sources.countries.keys()].filter((c) => c !== 'IT').sort().slice(0, Number(args.countries));
    const popPerYear = popAreas.length * DATA_TYPES.length * SEXES.length;
    const popYears = Math.max(1, Math.round((TARGET * 0.92) / popPerYear));
    const inflowsPerYear = inflowAreas.length * SEXES.length * (countries.length + 1);
    const inflowsYears = Math.max(1, Math.round((TARGET - popYears * popPerYear) / inflowsPerYear));
    let total = 0;
    for (const [key, title, make] of [
      ['istat-popstrbil1', 'Bilancio demografico della popolazione straniera (bench)', () => populationFile(popAreas, popYears)],
      ['istat-inflows-protection', 'Ingressi per protezione internazionale (bench)', () => inflowsFile(inflowAreas, countries, inflowsYears)],
    ] as const) {
      let started = performance.now();
      const file = make();
      const generateMs = performance.now() - started;
      started = performance.now();
      const result = await importDataset({
        db,
        audit,
        actor: null,
        file: { name: `${key}.csv`, bytes: file.bytes },
        labelSources: sources,
        target: { newDataset: { key, title: textFrom({ it: title }), source: 'bench', licence: 'CC-BY-4.0', attribution: 'bench', updateFrequency: frequencyUri('ANNUAL'), regionCode: null } },
      });
      await setDatasetPublished({ db, audit, actor: null, datasetId: result.datasetId, isPublished: true });
      total += result.rowCount;
      out(`  ${key}: ${result.rowCount.toLocaleString('en')} observations (${(file.bytes.length / 1e6).toFixed(0)} MB file generated in ${(generateMs / 1000).toFixed(1)} s), imported and published in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    // On a server, autovacuum analyses the table within a minute of such an import: do it now, so that every run
    // plans with statistics. PGlite has no autovacuum and Crocevia runs no ANALYZE: leave it as the app would.
    const started = performance.now();
    if (crocevia.database.kind === 'postgresql') await sql`analyze`.execute(db);
    out(`  ${total.toLocaleString('en')} observations in the store${crocevia.database.kind === 'postgresql' ? `; ANALYZE (standing in for autovacuum) ${((performance.now() - started) / 1000).toFixed(1)} s` : '; no ANALYZE (PGlite has no autovacuum)'}`);
    await crocevia.close();
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

async function measure(engine: string): Promise<void> {
  out('');
  out(`== ${engine}: load average at start ${loadavg()}`);
  const place = await createPlace(engine);
  try {
    out(`Database: ${place.where}`);
    let started = performance.now();
    await seed(place);
    out(`  seeding took ${((performance.now() - started) / 1000).toFixed(1)} s in all; load average now ${loadavg()}`);

    const recorder: Recorder = { isOn: false, statements: [] };
    const { database, query } = await place.openRecorded(recorder);
    const crocevia = await createCrocevia({ config, modules, database, logger: createLogger('silent') });
    try {
      await crocevia.app.listen({ host: '127.0.0.1', port: 0 });
      const address = crocevia.app.server.address();
      const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const t = crocevia.ctx.i18n.translator('it');
      const threshold = readSuppressionThreshold();
      const useCase = async (code: string) => {
        const territory = await resolveTerritory(database.db, code, t('observatory.public.italy'));
        if (!territory) throw new Error(`Unknown territory ${code}`);
        return buildDashboard({ db: database.db, actor: null, territory, locale: 'it', t, suppressBelow: threshold });
      };

      for (const code of TERRITORIES) {
        out('');
        // Warm-up (boundaries, templates, the database's caches), and the statements of one dashboard.
        let first = performance.now();
        const dashboard = await useCase(code);
        const firstUseCaseMs = performance.now() - first;
        first = performance.now();
        const page = await fetch(`${baseUrl}/it/observatory/${code}`);
        const html = await page.text();
        const firstHttpMs = performance.now() - first;
        if (page.status !== 200) throw new Error(`GET /it/observatory/${code} answered ${page.status}`);
        out(`${dashboard.territory.name} (${code}, ${dashboard.territory.kind}): ${dashboard.panels.length} panels${dashboard.map ? ' + map' : ''}, ${dashboard.panels.reduce((s, p) => s + p.table.rows.length, 0)} table rows; page ${(html.length / 1024).toFixed(0)} kB of HTML; load average ${loadavg()}`);
        out(`  first call: use case ${firstUseCaseMs.toFixed(0)} ms, then the first GET (charts drawn, not yet kept) ${firstHttpMs.toFixed(0)} ms`);
        recorder.statements = [];
        recorder.isOn = true;
        await useCase(code);
        recorder.isOn = false;
        const statements = recorder.statements;

        // The three measures take turns, so that a change in the machine's load weighs on each alike.
        const useCaseMs: number[] = [];
        const bareMs: number[] = [];
        const httpMs: number[] = [];
        const perStatement = statements.map(() => [] as number[]);
        for (let i = 0; i < REPEAT; i++) {
          let s = performance.now();
          await useCase(code);
          useCaseMs.push(performance.now() - s);
          s = performance.now();
          for (const [k, statement] of statements.entries()) {
            const one = performance.now();
            await query(statement.sql, statement.parameters);
            perStatement[k]!.push(performance.now() - one);
          }
          bareMs.push(performance.now() - s);
          s = performance.now();
          const res = await fetch(`${baseUrl}/it/observatory/${code}`);
          await res.arrayBuffer();
          httpMs.push(performance.now() - s);
          if (res.status !== 200) throw new Error(`GET /it/observatory/${code} answered ${res.status}`);
        }
        out(`  use case (resolveTerritory + buildDashboard)  ${summary(useCaseMs)}`);
        out(`  bare SQL (${String(statements.length).padStart(2)} statements replayed)         ${summary(bareMs)}`);
        out(`  HTTP GET /it/observatory/${code.padEnd(3)}              ${summary(httpMs)}`);
        out(`  statements by median time:`);
        const ranked = statements.map((s, k) => ({ s, k, p50: percentile(perStatement[k]!, 0.5) })).sort((a, b) => b.p50 - a.p50);
        for (const { s, k, p50 } of ranked.slice(0, 8)) {
          out(`    #${String(k + 1).padStart(2)} ${p50.toFixed(2).padStart(7)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
        }
        if (args.explain) {
          for (const { s, k } of ranked.slice(0, 3)) {
            const plan = (await query(`explain (analyze, buffers) ${s.sql}`, s.parameters)) as { rows: { 'QUERY PLAN': string }[] };
            out(`  EXPLAIN ANALYZE #${k + 1}:`);
            for (const row of plan.rows) out(`    ${row['QUERY PLAN']}`);
          }
        }
      }
    } finally {
      await crocevia.close();
      await database.close();
    }
  } finally {
    await place.remove();
  }
}

out(`Crocevia observatory dashboard benchmark — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
out(`Target ${TARGET.toLocaleString('en')} observations; ${REPEAT} runs of each measure, one at a time, after one warm-up call.`);
for (const engine of args.engine === 'both' ? ['postgresql', 'pglite'] : [args.engine!]) await measure(engine);
