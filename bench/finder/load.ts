import { Worker } from 'node:worker_threads';

/** What a load run measured: one latency per response received after the warm-up. */
export interface LoadResult {
  latenciesMs: number[];
  seconds: number;
  errors: number;
  statuses: Record<string, number>;
  /** Bytes of the response bodies as sent (compressed). */
  bodyBytes: number;
}

// The load loop runs in its own thread (its own event loop), so that it does not slow the server it measures.
const WORKER = String.raw`
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { baseUrl, paths, connections, warmupSeconds, seconds, maxRequests } = workerData;
const url = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
const statuses = {};
let errors = 0;
let bodyBytes = 0;
let isMeasuring = false;
let isStopped = false;
function once(path, cookie) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const request = http.request({ host: url.hostname, port: url.port, path, agent, headers: { 'accept-encoding': 'br, gzip', 'accept-language': 'it', cookie } }, (response) => {
      const set = response.headers['set-cookie'];
      let bytes = 0;
      response.on('data', (chunk) => { bytes += chunk.length; });
      response.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: response.statusCode, bytes, cookie: set ? set.map((c) => c.split(';')[0]).join('; ') : '' }));
      response.on('error', () => resolve({ ms: 0, status: 0, bytes: 0 }));
    });
    request.on('error', () => resolve({ ms: 0, status: 0, bytes: 0 }));
    request.end();
  });
}
async function loop(index) {
  let i = index;
  let cookie = '';
  while (!isStopped) {
    const result = await once(paths[i++ % paths.length], cookie);
    // Like a browser, keep the cookie the first page set (the anti-forgery seed).
    if (result.cookie) cookie = result.cookie;
    if (!isMeasuring || isStopped) continue;
    statuses[result.status] = (statuses[result.status] || 0) + 1;
    if (result.status !== 200) errors++;
    else { latencies.push(result.ms); bodyBytes += result.bytes; }
    if (latencies.length + errors >= maxRequests) isStopped = true;
  }
}
const loops = Array.from({ length: connections }, (_, i) => loop(i));
let measuredFrom = 0;
setTimeout(() => {
  isMeasuring = true;
  measuredFrom = Date.now();
  setTimeout(() => { isStopped = true; }, seconds * 1000);
}, warmupSeconds * 1000);
Promise.all(loops).then(() => {
  agent.destroy();
  parentPort.postMessage({ latenciesMs: latencies, seconds: (Date.now() - measuredFrom) / 1000, errors, statuses, bodyBytes });
});
`;

/**
 * Keeps `connections` requests in flight against a listening server, cycling through the paths, for a
 * warm-up and then `seconds` (or until `maxRequests` responses), over keep-alive HTTP/1.1 connections.
 */
export function runLoad(options: { baseUrl: string; paths: string[]; connections: number; warmupSeconds: number; seconds: number; maxRequests: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: options });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

/** The value below which a fraction of the sorted values fall (nearest rank). */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}
