import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../../kernel/module.ts';
import { isLocale, PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import { describeIssue } from './dataset.ts';
import { exportHsds, type ExportFormat } from './export-hsds.ts';
import { importHsds } from './import-hsds.ts';

const EXIT_USAGE = 64;
const EXIT_DATA = 65;

function usageError(command: CliCommand, message: string): number {
  process.stderr.write(`${command.name}: ${message}\nUsage: ${command.usage}\n`);
  return EXIT_USAGE;
}

function parseOrFail<T>(parse: () => T): T | Error {
  try {
    return parse();
  } catch (error) {
    return error as Error;
  }
}

function describeCounts(counts: Partial<Record<string, number>>): string {
  const parts = Object.entries(counts).map(([table, n]) => `${table} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}

/** `npx crocevia hsds import <path>`: imports HSDS 3.0 JSON or a Tabular Data Package, all or nothing. */
export const hsdsImportCommand: CliCommand = {
  name: 'hsds import',
  summary: 'Import an HSDS 3.0 JSON file or Tabular Data Package folder, all or nothing (services land as drafts unless --publish)',
  usage: `npx crocevia hsds import <path> [--region <ISTAT region code>] [--publish] [--organisation <accounts organisation id>] [--language <${PUBLIC_LOCALES.join('|')}>]`,
  needsDatabase: true,
  async run(args, ctx) {
    const parsed = parseOrFail(() =>
      parseArgs({ args, options: { region: { type: 'string' }, publish: { type: 'boolean' }, organisation: { type: 'string' }, language: { type: 'string' } }, allowPositionals: true, strict: true }),
    );
    if (parsed instanceof Error) return usageError(hsdsImportCommand, parsed.message);
    const [source, ...rest] = parsed.positionals;
    if (!source || rest.length > 0) return usageError(hsdsImportCommand, 'give exactly one file or folder to import.');
    const language = parsed.values.language ?? 'it';
    if (!isLocale(language)) return usageError(hsdsImportCommand, `--language must be one of ${PUBLIC_LOCALES.join(', ')} (the language of the file's texts).`);
    const summary = await importHsds({
      db: ctx.db,
      path: path.resolve(source),
      regionCode: parsed.values.region,
      accountOrganisationId: parsed.values.organisation,
      isPublish: parsed.values.publish === true,
      language,
    });
    for (const warning of summary.warnings) process.stderr.write(`warning: ${describeIssue(warning)}\n`);
    if (!summary.isImported) {
      process.stderr.write(`${source} was refused, nothing was written (${summary.errors.length} ${summary.errors.length === 1 ? 'error' : 'errors'}):\n`);
      for (const error of summary.errors) process.stderr.write(`  ${describeIssue(error)}\n`);
      return EXIT_DATA;
    }
    process.stdout.write(
      `Imported ${source}.\n  created: ${describeCounts(summary.created)}\n  updated: ${describeCounts(summary.updated)}\n  unchanged: ${describeCounts(summary.unchanged)}\n` +
        `  published services: ${summary.publishedServiceIds.length}\n`,
    );
    return 0;
  },
};

/** `npx crocevia hsds export <dir>`: writes services.json and the HSDS Tabular Data Package. */
export const hsdsExportCommand: CliCommand = {
  name: 'hsds export',
  summary: 'Export the public directory in HSDS 3.0: services.json and a Tabular Data Package (CSV); --all exports every working copy, drafts included',
  usage: 'npx crocevia hsds export <dir> [--format json|csv] [--all]',
  needsDatabase: true,
  async run(args, ctx) {
    const parsed = parseOrFail(() => parseArgs({ args, options: { format: { type: 'string' }, all: { type: 'boolean' } }, allowPositionals: true, strict: true }));
    if (parsed instanceof Error) return usageError(hsdsExportCommand, parsed.message);
    const [dir, ...rest] = parsed.positionals;
    if (!dir || rest.length > 0) return usageError(hsdsExportCommand, 'give exactly one folder to write to.');
    const format = parsed.values.format;
    if (format !== undefined && format !== 'json' && format !== 'csv') return usageError(hsdsExportCommand, '--format must be json or csv (without it, both are written).');
    const formats: ExportFormat[] = format ? [format] : ['json', 'csv'];
    const summary = await exportHsds({ db: ctx.db, dir: path.resolve(dir), formats, isAll: parsed.values.all === true });
    process.stdout.write(`Exported ${summary.services} ${parsed.values.all ? '' : 'public '}services to ${dir}: ${summary.files.length} files.\n  rows: ${describeCounts(summary.rows)}\n`);
    return 0;
  },
};
