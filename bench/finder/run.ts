// The finder benchmark: node --import tsx bench/finder/run.ts [--engine pglite|postgresql] [--services 50000]
//   [--connections 50] [--seconds 10] [--no-weight]. PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// the bench creates its own database there and drops it at the end. PGlite: a temporary data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Socket } from 'node:net';
import { createCrocevia } from '../../src/kernel/app.ts';
import { loadConfig } from '../../src/kernel/config.ts';
import { openPglite, openPostgres, type Database } from '../../src/kernel/db/database.ts';
import { createLogger } from '../../src/kernel/logger.ts';
import { modules } from '../../src/modules.ts';
import { parseFinderQuery } from '../../src/modules/directory/domain/search-query.ts';
import { createFinderCatalog } from '../../src/modules/directory/use-cases/load-finder-catalog.ts';
import { searchServices } from '../../src/modules/directory/use-cases/search-services.ts';
import { needTermId } from '../../src/modules/directory/reference/needs-taxonomy.ts';
import { adminQuery, urlForDatabase } from '../../test/support/databases.ts';
import { runLoad, percentile } from './load.ts';
import { seedPublishedServices } from './seed.ts';
import { describeTransfers, measureFirstVisit, totalOf } from './weight.ts';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    services: { type: 'string', default: '50000' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    'no-weight': { type: 'boolean', default: false },
  },
});
const engine = args.engine === 'postgresql' ? 'postgresql' : 'pglite';
const count = Number(args.services);
const connections = Number(args.connections);
const seconds = Number(args.seconds);
const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The searches the load cycles through: what people type and pick in the finder. */
const SEARCHES = [
  '/it/services',
  '/it/services?q=permeso+di+sogiorno',
  `/it/services?need=${needTermId('documents')}&province=237`,
  `/it/services?municipality=Bologna&language=ar`,
  '/it/services?free=true&open=true',
  '/it/services?lat=45.464&lon=9.190&radius=10',
  '/it/services?q=corsi+italiano&page=2',
  `/ar/services?need=${needTermId('asylum')}`,
];

async function openBenchDatabase(): Promise<{ database: Database; drop(): Promise<void>; where: string }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-bench-'));
    const database = await openPglite({ dataDir: dir });
    return { database, where: `PGlite in ${dir}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const server = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `crocevia_bench_${process.pid}`;
  await adminQuery(server, `drop database if exists ${name} with (force)`);
  await adminQuery(server, `create database ${name}`);
  const database = await openPostgres(urlForDatabase(server, name));
  return { database, where: `PostgreSQL database ${name} (pool of 10)`, drop: () => adminQuery(server, `drop database if exists ${name} with (force)`) };
}

/** Runs the use case behind each finder page (its SQL and nothing else) from `workers` loops at once, for a while. */
async function timeBareQueries(database: Database, workers: number, durationMs: number): Promise<number[]> {
  const catalog = createFinderCatalog(database.db);
  const prepared = SEARCHES.map((url) => parseFinderQuery(Object.fromEntries(new URL(url, 'http://x').searchParams)));
  const latencies: number[] = [];
  const deadline = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = w; Date.now() < deadline; i++) {
        const { query, errors } = prepared[i % prepared.length]!;
        const started = performance.now();
        await searchServices({ db: database.db, query, errors, catalog, now: new Date() });
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

const summary = (values: number[]) => `p50 ${ms(percentile(values, 0.5))}, p95 ${ms(percentile(values, 0.95))}, p99 ${ms(percentile(values, 0.99))} (${values.length} samples)`;

const bench = await openBenchDatabase();
try {
  out(`Crocevia finder benchmark — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  out(`Database: ${bench.where}`);
  const config = { ...loadConfig({ NODE_ENV: 'development' }), seedDemo: false, logLevel: 'silent', port: 0 };
  const crocevia = await createCrocevia({ config, modules, database: bench.database, logger: createLogger('silent') });
  const seeded = await seedPublishedServices(bench.database.db, count);
  out(`Seeded ${count} published services (${seeded.rows} finder rows) directly into the tables and the projection in ${(seeded.ms / 1000).toFixed(1)} s (${Object.entries(seeded.phases).map(([phase, t]) => `${phase} ${(t / 1000).toFixed(1)} s`).join(', ')})`);
  const sockets = new Set<Socket>();
  crocevia.app.server.on('connection', (socket: Socket) => sockets.add(socket));
  await crocevia.app.listen({ host: '127.0.0.1', port: 0 });
  const address = crocevia.app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  for (const search of SEARCHES) {
    const res = await fetch(baseUrl + search);
    const heading = /<h2 id="results-heading" class="h4">([^<]*)/.exec(await res.text());
    out(`  ${res.status} ${search} — ${heading?.[1]?.trim() ?? ''}`);
  }

  out('');
  out('Bare queries: the use case behind each page (vocabulary lookup for typos, the page of results, the count), no HTTP, no HTML.');
  const sequential = await timeBareQueries(bench.database, 1, 5000);
  out(`  1 at a time:        ${summary(sequential)}`);
  const bare = await timeBareQueries(bench.database, connections, seconds * 1000);
  out(`  ${connections} at a time:       ${summary(bare)}; ${(bare.length / seconds).toFixed(0)} searches/s`);

  out('');
  out(`HTTP: keep-alive connections cycling through the ${SEARCHES.length} finder URLs (accept-encoding br, cookies kept), a warm-up, then ${seconds} s (5 s for 1 connection); load loop in a worker thread.`);
  const single = await runLoad({ baseUrl, paths: SEARCHES, connections: 1, warmupSeconds: 1, seconds: 5, maxRequests: 200_000 });
  out(`  1 connection       ${summary(single.latenciesMs)}; HTTP / bare at 1: p50 ×${(percentile(single.latenciesMs, 0.5) / percentile(sequential, 0.5)).toFixed(2)}, p95 ×${(percentile(single.latenciesMs, 0.95) / percentile(sequential, 0.95)).toFixed(2)}`);
  const load = await runLoad({ baseUrl, paths: SEARCHES, connections, warmupSeconds: 2, seconds, maxRequests: 200_000 });
  out(`  ${connections} connections     ${summary(load.latenciesMs)}`);
  out(`  throughput         ${(load.latenciesMs.length / load.seconds).toFixed(0)} pages/s; errors ${load.errors}; statuses ${JSON.stringify(load.statuses)}; mean page ${(load.bodyBytes / Math.max(1, load.latenciesMs.length) / 1024).toFixed(1)} kB compressed`);
  const p50 = percentile(load.latenciesMs, 0.5) / percentile(bare, 0.5);
  const p95 = percentile(load.latenciesMs, 0.95) / percentile(bare, 0.95);
  out(`  HTTP / bare (same concurrency): p50 ×${p50.toFixed(2)}, p95 ×${p95.toFixed(2)}`);

  if (!args['no-weight']) {
    out('');
    out('First visit to /it/services with an empty cache (Chromium, bytes on the wire per response: headers + compressed body).');
    for (const viewport of ['phone', 'desktop'] as const) {
      const weight = await measureFirstVisit({ url: `${baseUrl}/it/services`, viewport });
      out(`  ${viewport.padEnd(7)} first visit ${(totalOf(weight.initial) / 1024).toFixed(1)} kB in ${weight.initial.length} responses (${describeTransfers(weight.initial)})`);
      out(`          scrolling to the map adds ${(totalOf(weight.afterScroll) / 1024).toFixed(1)} kB (${describeTransfers(weight.afterScroll) || 'nothing'})`);
    }
    const before = [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0);
    await measureFirstVisit({ url: `${baseUrl}/it/services`, viewport: 'phone', serviceWorker: 'allow' });
    const after = [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0);
    out(`  phone, counted on the server with the service worker at work (its offline copies included, map scrolled into view): ${((after - before) / 1024).toFixed(1)} kB`);
  }
  await crocevia.close();
} finally {
  await bench.database.close().catch(() => undefined);
  await bench.drop();
}
