import type { Config } from '../config.ts';
import type { CliCommand, ModuleManifest } from '../module.ts';
import { openDatabase } from '../db/database.ts';
import { createContext, migrateAll, seedReference } from '../app.ts';
import { createLogger } from '../logger.ts';

/** Opens and migrates the database when the command needs it, runs the command, and closes everything. */
export async function withContext(options: { config: Config; modules: ModuleManifest[] }, command: CliCommand, args: string[]): Promise<number> {
  const { config, modules } = options;
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  if (!command.needsDatabase) {
    return command.run(args, { config, logger } as never);
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateAll(database, modules);
    const ctx = await createContext({ config, database, modules, logger });
    try {
      await seedReference(ctx, modules);
      return await command.run(args, ctx);
    } finally {
      await ctx.mailer.close();
    }
  } finally {
    await database.close();
  }
}
