import { createHash } from 'node:crypto';
import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Audit } from '../../../kernel/audit/audit.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { datasetRepository, type Dimension, type NewDatasetInput } from '../data/repository.ts';
import { observationRepository } from '../data/observations-repository.ts';
import type { TerritorialLevel } from '../data/tables.ts';
import { parseFile, type ParsedFile } from '../importers/parse-file.ts';
import type { TidyMapping } from '../importers/tidy-csv.ts';
import { ImportRefusedError, type ImportIssue, type SourceFormat } from '../importers/types.ts';
import { describeCodes, dimensionLabels, loadLabelSources, resolverOf, type LabelSources } from '../reference/label-sources.ts';
import { canImportInto } from '../policy.ts';
import { writeObservations } from './write-observations.ts';
import { discardVersion } from './discard-version.ts';

/** The result of an import: the dataset, its new version and how many observations it holds. */
export interface ImportResult {
  datasetId: string;
  datasetKey: string;
  versionId: number;
  versionNumber: number;
  rowCount: number;
  isNewDataset: boolean;
}

/** An import seconds without news is taken for dead: another may start, and a recovery may discard it. */
export const IMPORT_STALE_SECONDS = 120;

/**
 * Imports a file as a new version of a dataset (created when asked). All or nothing: the file is read and
 * checked whole first, and refused naming rows and columns; the observations are then written into a version
 * nobody reads until the last batch is in, when it becomes ready and current in one transaction. If anything
 * fails on the way, whatever was written is taken back and the previous version stays current.
 */
export async function importDataset(options: {
  db: Db;
  audit: Audit;
  /** Null: the command line or a background job, trusted (the job was authorised when it was queued). */
  actor: Actor | null;
  /** Who to record as importer when there is no actor (a job acting for its uploader). */
  importedBy?: string | null;
  file: { name: string; bytes: Uint8Array };
  format?: SourceFormat;
  mapping?: TidyMapping;
  target: { datasetId: string } | { newDataset: NewDatasetInput };
  provenance?: string | null;
  onProgress?: (written: number, total: number) => Promise<void>;
  batchSize?: number;
  /** Test hook: stops with an error after this many batches, as an interrupted import would. */
  failAfterBatches?: number;
  /** Hands over the version id as soon as it exists (the background job records it). */
  onVersionCreated?: (versionId: number) => Promise<void>;
  /** Territories and countries already loaded (several imports in a row share them). */
  labelSources?: LabelSources;
}): Promise<ImportResult> {
  const { db, actor } = options;
  const isCli = actor === null;
  const importedBy = actor?.personId ?? options.importedBy ?? null;
  const existing = 'datasetId' in options.target ? await datasetRepository.findDataset(db, options.target.datasetId) : null;
  if ('datasetId' in options.target) {
    if (!existing || (!isCli && !canImportInto(actor, existing.regionCode))) throw new NotFoundError();
  } else if (!isCli && !canImportInto(actor, options.target.newDataset.regionCode)) {
    throw new ValidationError([{ field: 'region', messageKey: 'observatory.staff.upload.regionNotAllowed' }]);
  }

  const sources = options.labelSources ?? (await loadLabelSources(db));
  const cube = await parseFile(options.file.bytes, {
    format: options.format,
    mapping: options.mapping,
    resolveTerritory: resolverOf(sources),
    citizenshipCodes: sources.citizenshipCodes,
  });
  if (cube.issueCount > 0) throw new ImportRefusedError(cube.issues, cube.issueCount);
  const mismatch = existing ? structureMismatch(cube, await datasetRepository.listDimensions(db, existing.id)) : null;
  if (mismatch) throw new ImportRefusedError([mismatch]);

  const hash = createHash('sha256').update(options.file.bytes).digest('hex');
  const described = cube.dimensions.map((d) => describeCodes(d, cube.layout.labelLocale, sources));
  let createdDatasetId: string | null = null;
  let versionId: number | null = null;
  try {
    const opened = await db.transaction().execute(async (trx) => {
      let datasetId = existing?.id ?? null;
      let dimensions: Dimension[];
      if (datasetId === null) {
        const input = (options.target as { newDataset: NewDatasetInput }).newDataset;
        const key = input.key ?? (await deriveKey(trx, cube, options.file.name, input.regionCode));
        if (input.key && (await datasetRepository.isKeyTaken(trx, key))) throw new ValidationError([{ field: 'key', messageKey: 'observatory.staff.upload.keyTaken' }]);
        datasetId = await datasetRepository.createDataset(trx, {
          ...input,
          key,
          structureId: cube.layout.structureId,
          territorialLevel: territorialLevelOf(cube),
          referencePeriod: null,
          createdBy: importedBy,
        });
        createdDatasetId = datasetId;
        dimensions = await datasetRepository.insertDimensions(trx, datasetId, [
          ...cube.dimensions.map((d, k) => ({ code: d.id, position: k + 1, role: d.role, labels: dimensionLabels(d) })),
          { code: cube.layout.time.id, position: null, role: 'time' as const, labels: dimensionLabels(cube.layout.time) },
        ]);
      } else {
        await datasetRepository.lockDataset(trx, datasetId);
        if (await datasetRepository.hasRunningImport(trx, datasetId, IMPORT_STALE_SECONDS)) throw new ConflictError([], 'observatory.staff.upload.importRunning');
        dimensions = await datasetRepository.listDimensions(trx, datasetId);
      }
      const version = await datasetRepository.createVersion(trx, {
        datasetId,
        importedBy,
        sourceFileName: options.file.name.slice(0, 255),
        sourceFileHash: hash,
        sourceFormat: cube.layout.format,
        sourceEncoding: cube.encoding,
        rowCount: cube.rowCount,
        provenance: options.provenance ?? null,
      });
      const codeIds: Map<string, number>[] = [];
      for (const [k, d] of cube.dimensions.entries()) {
        const dimension = dimensions.find((x) => x.code === d.id)!;
        codeIds.push(await datasetRepository.ensureCodes(trx, dimension.id, described[k]!, version.id));
      }
      return { datasetId, version, dimensions, codeIds };
    });
    versionId = opened.version.id;
    await options.onVersionCreated?.(versionId);

    await writeObservations({
      db,
      cube,
      versionId,
      positions: cube.dimensions.map((d) => opened.dimensions.find((x) => x.code === d.id)!.position!),
      codeIds: opened.codeIds,
      territoryPosition: opened.dimensions.find((x) => x.role === 'territory')?.position ?? null,
      batchSize: options.batchSize,
      onProgress: options.onProgress,
      failAfterBatches: options.failAfterBatches,
    });

    const dataset = await db.transaction().execute(async (trx) => {
      for (const [k, d] of cube.dimensions.entries()) {
        await datasetRepository.mergeCodeLabels(trx, opened.dimensions.find((x) => x.code === d.id)!.id, described[k]!);
      }
      const times = [...cube.times].sort();
      await datasetRepository.completeVersion(trx, {
        versionId: versionId!,
        datasetId: opened.datasetId,
        timeMin: times[0] ?? null,
        timeMax: times.at(-1) ?? null,
        codeIds: opened.codeIds.flatMap((m) => [...m.values()]),
        referencePeriod: times.length ? (times[0] === times.at(-1) ? times[0]! : `${times[0]}/${times.at(-1)}`) : null,
      });
      const saved = (await datasetRepository.findDataset(trx, opened.datasetId))!;
      await options.audit.record(
        {
          actorPersonId: importedBy,
          action: 'observatory.dataset.import',
          entity: 'observatory_dataset',
          entityId: opened.datasetId,
          regionCode: saved.regionCode,
          details: { version: opened.version.number, rows: cube.rowCount, file: options.file.name.slice(0, 255), sha256: hash, format: cube.layout.format, via: actor ? 'web' : options.importedBy ? 'job' : 'cli' },
        },
        trx,
      );
      return saved;
    });
    return { datasetId: dataset.id, datasetKey: dataset.key, versionId: versionId!, versionNumber: opened.version.number, rowCount: cube.rowCount, isNewDataset: createdDatasetId !== null };
  } catch (error) {
    if (versionId !== null) await discardVersion({ db, versionId, createdDatasetId });
    throw error;
  }
}

/** The issue of a file whose dimensions differ from the dataset's (its versions must stay comparable), or null. */
export function structureMismatch(cube: Pick<ParsedFile, 'dimensions'>, dimensions: Dimension[]): ImportIssue | null {
  const expected = dimensions.filter((d) => d.position !== null).map((d) => d.code).sort();
  const found = cube.dimensions.map((d) => d.id).sort();
  if (expected.join(',') === found.join(',')) return null;
  const differences = found.filter((f) => !expected.includes(f)).concat(expected.filter((e) => !found.includes(e)));
  return { kind: 'structure-mismatch', row: 1, column: differences.join(', '), value: expected.join(', ') };
}

/** The territorial level of a file: that of its territory codes below the national level, or `mixed`. */
function territorialLevelOf(cube: ParsedFile): TerritorialLevel {
  const territory = cube.dimensions.find((d) => d.role === 'territory');
  const levels = new Set((territory?.territories ?? []).map((t) => t?.level).filter((l) => l && l !== 'country' && l !== 'macro_area'));
  if (levels.size === 0) return 'country';
  if (levels.size > 1) return levels.size === 2 && levels.has('region') && levels.has('autonomous_province') ? 'region' : 'mixed';
  const [level] = levels;
  return level === 'autonomous_province' ? 'province' : (level as TerritorialLevel);
}

/** A key for a new dataset: from the SDMX dataflow or the file name, prefixed with the region, made unique. */
async function deriveKey(db: Db, cube: ParsedFile, fileName: string, regionCode: string | null): Promise<string> {
  const flow = cube.layout.structureId ? /:(?:\d+_\d+_)?(?:DF_)?([^(]+)/.exec(cube.layout.structureId)?.[1] : null;
  const stem = (flow ?? fileName.replace(/\.[^.]+$/, ''))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const base = `${regionCode ? `r${regionCode}-` : ''}${stem || 'dataset'}`.replace(/^-+/, '');
  for (let i = 1; ; i++) {
    const key = i === 1 ? base : `${base}-${i}`;
    if (!(await datasetRepository.isKeyTaken(db, key))) return key.length >= 3 ? key : `${key}-ds`;
  }
}
