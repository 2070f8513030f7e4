import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { I18n } from '../i18n/messages.ts';

/** The shared services a job may use besides the database (e.g. a reminder job sends mail). */
export interface JobServices {
  config: Config;
  mailer: Mailer;
  i18n: I18n;
}

/** What a job handler receives. */
export type JobContext = JobServices & { db: Db; logger: Logger };

/** Runs one job; throwing makes the queue retry it later. */
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

/** A background job queue kept in PostgreSQL, safe with several processes (FOR UPDATE SKIP LOCKED). */
export interface JobQueue {
  enqueue(name: string, payload?: Record<string, unknown>, options?: { runAt?: Date; singletonKey?: string; trx?: Db }): Promise<void>;
  /** Runs due jobs until none is left; returns how many ran. Used by the worker loop and by tests. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

interface JobRow {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** Creates the queue; recurring schedules are re-enqueued after each run. */
export function createJobQueue(options: {
  db: Db;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  schedules: Record<string, number>;
  services: JobServices;
  pollMs?: number;
}): JobQueue {
  const { db, logger, handlers, schedules } = options;
  const workerId = randomUUID();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let isStopping = false;

  async function enqueue(name: string, payload: Record<string, unknown> = {}, opts: { runAt?: Date; singletonKey?: string; trx?: Db } = {}) {
    if (!handlers[name]) throw new Error(`No handler for job ${name}`);
    await sql`insert into kernel_jobs (name, payload, run_at, singleton_key)
      values (${name}, ${JSON.stringify(payload)}::jsonb, ${opts.runAt ?? new Date()}, ${opts.singletonKey ?? null})
      on conflict (singleton_key) do nothing`.execute(opts.trx ?? db);
  }

  async function ensureSchedules() {
    for (const name of Object.keys(schedules)) await enqueue(name, {}, { singletonKey: `schedule:${name}` });
  }

  async function runOne(): Promise<boolean> {
    const job = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<JobRow>`
        select id, name, payload, attempts, max_attempts from kernel_jobs
        where done_at is null and run_at <= now() and attempts < max_attempts
        order by run_at, id limit 1 for update skip locked`.execute(trx);
      const row = rows[0];
      if (!row) return null;
      await sql`update kernel_jobs set locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1 where id = ${row.id}`.execute(trx);
      return row;
    });
    if (!job) return false;
    const handler = handlers[job.name];
    try {
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      await handler(job.payload, { ...options.services, db, logger: logger.child({ job: job.name, jobId: job.id }) });
      const every = schedules[job.name];
      if (every !== undefined) {
        // A recurring job keeps its singleton key and simply moves to its next run.
        await sql`update kernel_jobs set run_at = now() + make_interval(secs => ${every}), attempts = 0, locked_at = null, last_error = null where id = ${job.id}`.execute(db);
      } else {
        await sql`update kernel_jobs set done_at = now(), locked_at = null where id = ${job.id}`.execute(db);
      }
    } catch (error) {
      const delay = Math.min(3600, 30 * 2 ** job.attempts);
      logger.error({ err: error, job: job.name, jobId: job.id }, 'job failed');
      await sql`update kernel_jobs set locked_at = null, last_error = ${(error as Error).message},
        run_at = now() + make_interval(secs => ${delay}) where id = ${job.id}`.execute(db);
    }
    return true;
  }

  async function drain() {
    await ensureSchedules();
    let count = 0;
    while (!isStopping && (await runOne())) count++;
    return count;
  }

  return {
    enqueue,
    drain,
    start() {
      const tick = () => {
        running = drain()
          .catch((error) => logger.error({ err: error }, 'job worker error'))
          .finally(() => {
            running = null;
            if (!isStopping) timer = setTimeout(tick, options.pollMs ?? 5000);
          });
      };
      timer = setTimeout(tick, 1000);
    },
    async stop() {
      isStopping = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
