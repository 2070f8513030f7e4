import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, where `node bin/crocevia.mjs` runs. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Every variable src/kernel/config.ts reads: a spawned process gets only those a test sets.
const CONFIG_VARIABLES = ['NODE_ENV', 'PORT', 'HOST', 'BASE_URL', 'DATA_DIR', 'DATABASE_URL', 'SMTP_URL', 'SMTP_CAPTURE_PORT', 'MAIL_FROM', 'LOG_LEVEL',
  'TRUST_PROXY', 'SECURE_COOKIES', 'SESSION_TTL_HOURS', 'SEED_DEMO', 'PLATFORM_NAME', 'OWNER_NAME', 'SECRET_KEY'];

/** The environment of a spawned Crocevia: this one without test settings, plus the given variables. */
export function croceviaEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (CONFIG_VARIABLES.includes(name) || name.startsWith('VITEST') || ['TEST_DATABASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(name)) delete env[name];
  }
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

/** What a finished command printed and how it exited. */
export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/crocevia.mjs <args>` to the end. */
export function runCrocevia(args: string[], env: Record<string, string>, timeoutMs = 180_000): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/crocevia.mjs', ...args], { cwd: ROOT, env: croceviaEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`crocevia ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A `crocevia serve` process listening on its own port. */
export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process wrote so far. */
  output(): string;
  /** Resolves when /healthz answers 200; rejects if the process exits first. */
  waitHealthy(timeoutMs?: number): Promise<void>;
  /** Sends a signal and waits for the exit; resolves with the code and how long it took. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** Starts `node bin/crocevia.mjs serve` on a free port with the given environment. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/crocevia.mjs', 'serve'], {
    cwd: ROOT,
    env: croceviaEnv({ SEED_DEMO: 'false', HOST: '127.0.0.1', ...env, PORT: String(port), BASE_URL: baseUrl }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  return {
    child,
    baseUrl,
    output: () => output,
    async waitHealthy(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (hasExited) throw new Error(`crocevia serve exited before it was healthy:\n${output}`);
        const ok = await fetch(`${baseUrl}/healthz`).then((r) => r.status === 200, () => false);
        if (ok) return;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`crocevia serve was not healthy after ${timeoutMs} ms:\n${output}`);
    },
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      const started = Date.now();
      if (!hasExited) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return { ...result, ms: Date.now() - started };
    },
  };
}
