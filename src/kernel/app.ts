import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { mergeMigrations, migrateToLatest } from './db/migrator.ts';
import { kernelMigrations } from './db/kernel-migrations.ts';
import { createLogger } from './logger.ts';
import { createMailer } from './mail/mailer.ts';
import { createAudit } from './audit/audit.ts';
import { createEventBus } from './events/bus.ts';
import { createJobQueue, type JobHandler } from './jobs/queue.ts';
import { I18n, type MessageSource } from './i18n/messages.ts';
import { buildServer } from './http/server.ts';
import { getSetting, loadSecret, putSetting } from './settings.ts';
import type { DemoLogin, ModuleContext, ModuleManifest } from './module.ts';
import { sessions } from './auth/sessions.ts';
import { createCrypto } from './crypto.ts';
import { purgeRateLimits } from './http/rate-limit.ts';

/** A running Crocevia: the HTTP server, the context modules share, and how to stop it. */
export interface Crocevia {
  app: FastifyInstance;
  ctx: ModuleContext;
  database: Database;
  modules: ModuleManifest[];
  /** Demo log-ins created by this boot (empty when the database already had data). */
  demoLogins: DemoLogin[];
  close(): Promise<void>;
}

/** The kernel's own message files. */
export const kernelMessages: MessageSource = { prefix: null, dir: new URL('./i18n/locales/', import.meta.url) };

/** Every message source: the kernel's and each module's, prefixed with the module name. */
export function messageSources(modules: ModuleManifest[]): MessageSource[] {
  return [kernelMessages, ...modules.map((m) => ({ prefix: m.name, dir: m.localesDir }))];
}

/** Applies every pending migration of the kernel and the modules. */
export async function migrateAll(database: Database, modules: ModuleManifest[]): Promise<string[]> {
  const merged = mergeMigrations([
    { owner: 'kernel', migrations: kernelMigrations },
    ...modules.map((m) => ({ owner: m.name, migrations: m.migrations ?? {} })),
  ]);
  return migrateToLatest(database.db, merged);
}

/** Builds the context modules share, over an open and migrated database. */
export async function createContext(options: { config: Config; database: Database; modules: ModuleManifest[]; logger: Logger }): Promise<ModuleContext> {
  const { config, database, modules, logger } = options;
  const jobHandlers: Record<string, JobHandler> = {
    'kernel.purge': async ({}, { db }) => {
      await sessions.purgeExpired(db);
      await purgeRateLimits(db);
    },
  };
  const schedules: Record<string, number> = { 'kernel.purge': 3600 };
  for (const m of modules) {
    Object.assign(jobHandlers, m.jobs ?? {});
    Object.assign(schedules, m.schedules ?? {});
  }
  const secret = await loadSecret(database.db, config.secretKey);
  const mailer = await createMailer({ db: database.db, smtpUrl: config.smtpUrl, capturePort: config.smtpCapturePort, from: config.mailFrom, logger });
  const i18n = new I18n(messageSources(modules));
  return {
    config,
    db: database.db,
    dbKind: database.kind,
    logger,
    mailer,
    events: createEventBus(logger),
    jobs: createJobQueue({ db: database.db, logger, handlers: jobHandlers, schedules, services: { config, mailer, i18n } }),
    audit: createAudit(database.db),
    i18n,
    crypto: createCrypto(secret),
    secret,
    roles: modules.flatMap((m) => m.roles ?? []),
    permissions: modules.flatMap((m) => m.permissions ?? []),
  };
}

/** Loads reference data of every module (idempotent). */
export async function seedReference(ctx: ModuleContext, modules: ModuleManifest[]): Promise<void> {
  for (const m of modules) await m.seedReference?.(ctx);
}

/** Seeds the demo of every module and marks the database as a demo. */
export async function seedDemo(ctx: ModuleContext, modules: ModuleManifest[]): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const m of modules) logins.push(...((await m.seedDemo?.(ctx)) ?? []));
  await putSetting(ctx.db, 'demo', true);
  return logins;
}

/** Opens the database, migrates, seeds (demo on an empty database if configured) and builds the server. */
export async function createCrocevia(options: {
  config: Config;
  modules: ModuleManifest[];
  database?: Database;
  logger?: Logger;
}): Promise<Crocevia> {
  const { config, modules } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrateAll(database, modules);
    const ctx = await createContext({ config, database, modules, logger });
    await seedReference(ctx, modules);
    let demoLogins: DemoLogin[] = [];
    const isFirstBoot = (await getSetting<string>(database.db, 'initialised_at')) === null;
    if (isFirstBoot) {
      await putSetting(database.db, 'initialised_at', new Date().toISOString());
      if (config.seedDemo) demoLogins = await seedDemo(ctx, modules);
    }
    let isDemo = (await getSetting<boolean>(database.db, 'demo')) === true;
    const provider = modules.find((m) => m.actorLoader);
    const actorLoader = provider?.actorLoader ? provider.actorLoader(ctx) : null;
    const app = await buildServer({
      config,
      database,
      logger,
      i18n: ctx.i18n,
      secret: ctx.secret,
      navigation: modules.flatMap((m) => m.navigation ?? []),
      actorLoader,
      isDemo: () => isDemo,
    });
    for (const m of modules) await m.routes?.(app, ctx);
    // Refresh the demo flag now and then, in case another process seeded or cleared it.
    const demoTimer = setInterval(() => {
      getSetting<boolean>(database.db, 'demo').then((v) => (isDemo = v === true), () => undefined);
    }, 60_000);
    demoTimer.unref();
    return {
      app,
      ctx,
      database,
      modules,
      demoLogins,
      async close() {
        clearInterval(demoTimer);
        await ctx.jobs.stop();
        await app.close();
        await ctx.mailer.close();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}
