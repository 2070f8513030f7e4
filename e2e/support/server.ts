import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminQuery, urlForDatabase } from '../../test/support/databases.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A real Crocevia process the browser tests talk to. */
export interface RunningServer {
  baseUrl: string;
  /** Which engine it runs on. */
  database: 'pglite' | 'postgresql';
  /** What the process printed so far (the demo log-ins, warnings). */
  output(): string;
  /** Sends SIGTERM, waits for the process to end, and removes its data. */
  stop(): Promise<void>;
}

/** Asks the system for a port nobody listens on. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`crocevia serve exited (${child.exitCode ?? child.signalCode}) before answering /healthz:\n${output()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`crocevia serve did not answer /healthz within ${timeoutMs} ms:\n${output()}`);
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts `node bin/crocevia.mjs serve` on a free port with demo data: on a fresh PGlite folder, or, when
 * TEST_DATABASE_URL is set, on a freshly created PostgreSQL database on that server (dropped by stop()).
 */
export async function startServer(): Promise<RunningServer> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crocevia-e2e-'));
  const serverUrl = process.env.TEST_DATABASE_URL || null;
  const databaseName = `crocevia_e2e_${process.pid}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    BASE_URL: baseUrl,
    DATA_DIR: path.join(tempDir, 'data'),
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  if (serverUrl) {
    await adminQuery(serverUrl, `drop database if exists ${databaseName} with (force)`);
    await adminQuery(serverUrl, `create database ${databaseName}`);
    env.DATABASE_URL = urlForDatabase(serverUrl, databaseName);
  }

  const child = spawn(process.execPath, [path.join(ROOT, 'bin/crocevia.mjs'), 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const output = () => printed;

  const cleanUp = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 15_000);
    fs.rmSync(tempDir, { recursive: true, force: true });
    if (serverUrl) await adminQuery(serverUrl, `drop database if exists ${databaseName} with (force)`);
  };
  try {
    await waitForHealth(baseUrl, child, output, 120_000);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return { baseUrl, database: serverUrl ? 'postgresql' : 'pglite', output, stop: cleanUp };
}
