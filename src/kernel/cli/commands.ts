import type { CliCommand, ModuleManifest } from '../module.ts';
import { seedDemo } from '../app.ts';
import { getSetting, putSetting } from '../settings.ts';
import { writeBackup, readBackup, BackupError } from '../db/backup.ts';
import { printDemoLogins } from '../demo.ts';

/** The kernel's CLI commands. */
export function kernelCommands(modules: ModuleManifest[]): CliCommand[] {
  return [
    {
      name: 'serve',
      summary: 'Start the web server (default command); seeds the demo on an empty database unless SEED_DEMO=false',
      usage: 'npx crocevia serve',
      needsDatabase: false,
      async run(_args, ctx) {
        const { serve } = await import('../serve.ts');
        return serve(ctx.config, modules);
      },
    },
    {
      name: 'migrate',
      summary: 'Apply pending database migrations and load reference data (regions, provinces, municipalities, countries, languages)',
      usage: 'npx crocevia migrate',
      needsDatabase: true,
      async run() {
        process.stdout.write('Database migrated and reference data loaded.\n');
        return 0;
      },
    },
    {
      name: 'seed-demo',
      summary: 'Load the demo data (two regions, organisations of every type, people with each role) into an empty database',
      usage: 'npx crocevia seed-demo',
      needsDatabase: true,
      async run(_args, ctx) {
        if ((await getSetting<boolean>(ctx.db, 'demo')) === true) {
          process.stderr.write('The demo is already loaded in this database.\n');
          return 1;
        }
        const logins = await seedDemo(ctx, modules);
        await putSetting(ctx.db, 'initialised_at', new Date().toISOString());
        printDemoLogins(logins, ctx.config.baseUrl);
        return 0;
      },
    },
    {
      name: 'backup',
      summary: 'Write a logical backup of every table to a file (gzip-compressed JSON lines), on PGlite or PostgreSQL',
      usage: 'npx crocevia backup <file>',
      needsDatabase: true,
      async run(args, ctx) {
        const file = args[0];
        if (!file) {
          process.stderr.write('Usage: npx crocevia backup <file>\n');
          return 64;
        }
        const summary = await writeBackup(ctx.db, file);
        process.stdout.write(`Backup written to ${file}: ${summary.tables} tables, ${summary.rows} rows.\n`);
        return 0;
      },
    },
    {
      name: 'restore',
      summary: 'Replace every table with the content of a backup file (all or nothing)',
      usage: 'npx crocevia restore <file>',
      needsDatabase: true,
      async run(args, ctx) {
        const file = args[0];
        if (!file) {
          process.stderr.write('Usage: npx crocevia restore <file>\n');
          return 64;
        }
        try {
          const summary = await readBackup(ctx.db, file);
          process.stdout.write(`Restored ${summary.tables} tables, ${summary.rows} rows from ${file}.\n`);
          return 0;
        } catch (error) {
          if (!(error instanceof BackupError)) throw error;
          process.stderr.write(`crocevia: ${error.message}\n`);
          return 65; // EX_DATAERR: the input file is at fault, and the database is unchanged
        }
      },
    },
  ];
}
