import { readFileSync } from 'node:fs';
import type { ModuleContext } from '../../../kernel/module.ts';
import { textFrom } from '../../../kernel/i18n/content.ts';
import { datasetRepository } from '../data/repository.ts';
import { frequencyUri, LICENCES, SHIPPED_DATASETS, shippedFileUrl } from '../reference/catalogue.ts';
import { loadLabelSources } from '../reference/label-sources.ts';
import { importDataset } from './import-dataset.ts';
import { setDatasetPublished } from './publish-dataset.ts';

/**
 * Imports the ISTAT files and the reception figures shipped in assets/ as published national datasets (keys in
 * SHIPPED_DATASETS). Skips the datasets that exist already, so it can run again. Answers how long it took.
 */
export async function seedObservatoryDemo(ctx: Pick<ModuleContext, 'db' | 'audit' | 'logger'>): Promise<{ imported: string[]; rows: number; ms: number }> {
  const started = performance.now();
  const sources = await loadLabelSources(ctx.db);
  const imported: string[] = [];
  let rows = 0;
  for (const shipped of SHIPPED_DATASETS) {
    if (await datasetRepository.isKeyTaken(ctx.db, shipped.key)) continue;
    const result = await importDataset({
      db: ctx.db,
      audit: ctx.audit,
      actor: null,
      file: { name: shipped.file.split('/').pop()!, bytes: readFileSync(shippedFileUrl(shipped)) },
      format: shipped.format,
      mapping: shipped.mapping,
      provenance: shipped.provenance,
      labelSources: sources,
      // Nothing else runs before the server listens: large batches, no room to leave for pages.
      batchSize: 50_000,
      target: {
        newDataset: {
          key: shipped.key,
          title: textFrom(shipped.title),
          description: textFrom(shipped.description),
          source: shipped.source,
          sourceUrl: shipped.sourceUrl,
          licence: shipped.licence,
          licenceUrl: LICENCES[shipped.licence] ?? null,
          attribution: shipped.attribution,
          updateFrequency: frequencyUri(shipped.frequency),
          regionCode: null,
        },
      },
    });
    await setDatasetPublished({ db: ctx.db, audit: ctx.audit, actor: null, datasetId: result.datasetId, isPublished: true });
    imported.push(shipped.key);
    rows += result.rowCount;
  }
  const ms = Math.round(performance.now() - started);
  ctx.logger.info({ datasets: imported.length, rows, ms }, 'observatory demo datasets imported');
  return { imported, rows, ms };
}
