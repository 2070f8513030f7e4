import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Type } from '@sinclair/typebox';
import type { CliCommand, ModuleContext } from '../../../kernel/module.ts';
import { AppError, ValidationError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import { textFrom } from '../../../kernel/i18n/content.ts';
import type { Translate } from '../../../kernel/i18n/messages.ts';
import { territory } from '../../territory/index.ts';
import { datasetRepository } from '../data/repository.ts';
import { sniffFile } from '../importers/parse-file.ts';
import { readCsv } from '../importers/csv-reader.ts';
import type { TidyMapping } from '../importers/tidy-csv.ts';
import { ImportRefusedError, type SourceFormat } from '../importers/types.ts';
import { frequencyUri, LICENCES, shippedDatasetFor } from '../reference/catalogue.ts';
import { importDataset } from '../use-cases/import-dataset.ts';
import { setDatasetPublished } from '../use-cases/publish-dataset.ts';
import { issueMessage } from '../views/components.ts';

const USAGE = 'npx crocevia stats import <file> [--dataset <id or key>] [--format sdmx|istat-legacy|tidy] [--mapping <json file>] [--region <code>] [--title <text>] [--key <key>] [--publish]';

// The shape of a mapping file (see TidyMapping); checked before use.
const MappingFile = Type.Object({
  encoding: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('utf-8'), Type.Literal('windows-1252')])),
  decimal: Type.Optional(Type.Union([Type.Literal('.'), Type.Literal(',')])),
  labelLocale: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
  columns: Type.Array(
    Type.Object({
      column: Type.String(),
      use: Type.Union(['dimension', 'time', 'value', 'status', 'label', 'ignore'].map((u) => Type.Literal(u))),
      role: Type.Optional(Type.Union(['territory', 'sex', 'citizenship', 'age', 'permit', 'other'].map((r) => Type.Literal(r)))),
      dimension: Type.Optional(Type.String()),
      labelOf: Type.Optional(Type.String()),
      code: Type.Optional(Type.String()),
      codelist: Type.Optional(Type.Union([Type.Literal('citizenship'), Type.Array(Type.String())])),
    }),
    { minItems: 1 },
  ),
});

function formatOf(option: string | undefined, bytes: Uint8Array): SourceFormat | undefined {
  if (option === undefined) return undefined;
  if (option === 'sdmx') {
    const detected = sniffFile(bytes).format;
    return detected === 'sdmx-csv-2' ? 'sdmx-csv-2' : 'sdmx-csv-1';
  }
  if (option === 'istat-legacy') return 'istat-legacy';
  if (option === 'tidy') return 'tidy-csv';
  throw new ValidationError([{ field: '--format', messageKey: 'validation.enum' }]);
}

/** The SDMX dataflow named in a file's first data row, if any. */
function structureIdOf(bytes: Uint8Array): string | null {
  const sniffed = sniffFile(bytes);
  const at = sniffed.header.findIndex((h) => h === 'DATAFLOW' || h === 'STRUCTURE_ID');
  if (at === -1) return null;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024));
  const records = readCsv(text, sniffed.separator);
  records.next();
  return records.next().value?.cells[at]?.split(': ')[0] ?? null;
}

/** Runs the command; prints the dataset id on stdout and the details on stderr. */
async function run(args: string[], ctx: ModuleContext): Promise<number> {
  const t: Translate = (key, values) => ctx.i18n.t('en', key, values);
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { dataset: { type: 'string' }, format: { type: 'string' }, mapping: { type: 'string' }, region: { type: 'string' }, title: { type: 'string' }, key: { type: 'string' }, publish: { type: 'boolean' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: ${USAGE}\n`);
    return 64;
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    process.stderr.write(`Usage: ${USAGE}\n`);
    return 64;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
    return 66;
  }
  const o = parsed.values;
  try {
    const format = formatOf(o.format, bytes);
    const mapping = o.mapping ? (parseForm(MappingFile, JSON.parse(readFileSync(o.mapping, 'utf8'))) as TidyMapping) : undefined;
    if ((format ?? sniffFile(bytes).format) === 'tidy-csv' && !mapping) {
      process.stderr.write('A tidy CSV needs --mapping <json file> (which columns are dimensions, time and values).\n');
      return 64;
    }
    const regionCode = o.region ?? null;
    if (regionCode !== null && !(await territory.findRegion(ctx.db, regionCode))) throw new ValidationError([{ field: '--region', messageKey: 'validation.enum' }]);
    const shipped = shippedDatasetFor(structureIdOf(bytes));
    const key = o.key ?? (shipped ? `${regionCode ? `r${regionCode}-` : ''}${shipped.key}` : undefined);
    const existing = o.dataset ? await datasetRepository.findDataset(ctx.db, o.dataset) : key ? await datasetRepository.findDataset(ctx.db, key) : null;
    if (o.dataset && !existing) {
      process.stderr.write(`No dataset ${o.dataset}.\n`);
      return 65;
    }
    const title = o.title ?? shipped?.title.it ?? path.basename(file).replace(/\.[^.]+$/, '');
    const result = await importDataset({
      db: ctx.db,
      audit: ctx.audit,
      actor: null,
      file: { name: path.basename(file), bytes },
      format,
      mapping,
      provenance: `Imported with npx crocevia stats import ${path.basename(file)}`,
      target: existing
        ? { datasetId: existing.id }
        : {
            newDataset: {
              key,
              title: textFrom(o.title || !shipped ? { it: title } : shipped.title),
              description: shipped ? textFrom(shipped.description) : undefined,
              source: shipped?.source ?? (format === 'tidy-csv' || (!format && sniffFile(bytes).format === 'tidy-csv') ? path.basename(file) : 'Istat'),
              sourceUrl: shipped?.sourceUrl ?? null,
              licence: shipped?.licence ?? 'CC-BY-4.0',
              licenceUrl: LICENCES[shipped?.licence ?? 'CC-BY-4.0'] ?? null,
              attribution: shipped?.attribution ?? 'Fonte: Istat',
              updateFrequency: frequencyUri(shipped?.frequency ?? 'ANNUAL'),
              regionCode,
            },
          },
    });
    if (o.publish) await setDatasetPublished({ db: ctx.db, audit: ctx.audit, actor: null, datasetId: result.datasetId, isPublished: true });
    process.stderr.write(`${result.isNewDataset ? 'Created' : 'Updated'} dataset ${result.datasetKey}: version ${result.versionNumber}, ${result.rowCount} observations${o.publish ? ', published' : ''}.\n`);
    process.stdout.write(`${result.datasetId}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ImportRefusedError) {
      process.stderr.write(`The file was refused (${error.issueCount} problem${error.issueCount === 1 ? '' : 's'}); nothing was imported.\n`);
      for (const issue of error.issues) process.stderr.write(`  row ${issue.row}${issue.column ? `, column ${issue.column}` : ''}: ${issueMessage(t, issue)}\n`);
      return 65;
    }
    if (error instanceof ValidationError) {
      for (const f of error.fields) process.stderr.write(`${f.field}: ${t(f.messageKey, f.values)}\n`);
      return 64;
    }
    if (error instanceof AppError) {
      process.stderr.write(`${t(error.titleKey)}${error.detailKey ? `: ${t(error.detailKey, error.detailValues)}` : ''}\n`);
      return 65;
    }
    if (error instanceof SyntaxError) {
      process.stderr.write(`The mapping file is not valid JSON: ${error.message}\n`);
      return 64;
    }
    throw error;
  }
}

/** `npx crocevia stats import <file>`: imports a statistics file as a dataset (or a new version of one) and prints its id. */
export const statsImportCommand: CliCommand = {
  name: 'stats import',
  summary: 'Import an ISTAT SDMX-CSV, legacy I.Stat or tidy CSV file as a dataset (or a new version of it); prints the dataset id',
  usage: USAGE,
  needsDatabase: true,
  run,
};
