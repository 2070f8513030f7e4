import type { Db } from '../../../kernel/db/database.ts';
import { datasetRepository, type Dataset } from '../data/repository.ts';
import { loadVersionContext, observationRepository } from '../data/observations-repository.ts';
import { INDICATORS } from '../indicators/definitions.ts';
import { isSuppressed } from '../indicators/suppression.ts';
import type { CatalogEntry } from '../opendata/catalog.ts';
import { visibilityFor } from '../policy.ts';

const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';
const ANNUAL = 'http://publications.europa.eu/resource/authority/frequency/ANNUAL';
const INDICATOR_NUMBERS_FROM = 1000;

/** The published datasets with a ready version, in the order they were created (their catalogue numbers). */
async function publishedDatasets(db: Db): Promise<Dataset[]> {
  const { items } = await datasetRepository.listDatasets(db, { ...visibilityFor(null), limit: 1000, offset: 0 });
  return items.filter((d) => d.isPublished && d.currentVersionId !== null).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.key.localeCompare(b.key));
}

/** The catalogue entries: each published dataset (D.1, D.2, …) and each indicator whose datasets are all published (D.1000 + i). */
export async function listCatalogEntries(options: { db: Db; baseUrl: string }): Promise<CatalogEntry[]> {
  const datasets = await publishedDatasets(options.db);
  const entries: CatalogEntry[] = datasets.map((d, i) => ({
    number: i + 1,
    key: d.key,
    title: { it: d.title.it?.value ?? d.key, en: d.title.en?.value ?? d.title.it?.value ?? d.key },
    description: { it: d.description.it?.value ?? d.title.it?.value ?? d.key, en: d.description.en?.value ?? d.description.it?.value ?? d.key },
    modified: d.updatedAt,
    frequency: d.updateFrequency,
    themes: ['SOCI', 'REGI'],
    licenceUrl: d.licenceUrl ?? CC_BY,
    distributions: [{ url: `${options.baseUrl}/opendata/datasets/${d.key}.csv`, description: { it: 'Osservazioni della versione corrente (CSV)', en: 'Observations of the current version (CSV)' } }],
  }));
  const byKey = new Map(datasets.map((d) => [d.key, d]));
  INDICATORS.forEach((definition, i) => {
    const sources = Object.values(definition.measures).map((m) => byKey.get(m.dataset));
    if (sources.some((s) => !s)) return;
    const modified = sources.reduce((max, s) => (s!.updatedAt > max ? s!.updatedAt : max), new Date(0));
    entries.push({
      number: INDICATOR_NUMBERS_FROM + i,
      key: `indicator-${definition.key}`,
      title: { it: `Indicatore: ${definition.title.it}`, en: `Indicator: ${definition.title.en}` },
      description: {
        it: `${definition.title.it} (versione ${definition.version}), calcolato da: ${sources.map((s) => s!.title.it?.value ?? s!.key).join('; ')}.`,
        en: `${definition.title.en} (version ${definition.version}), computed from: ${sources.map((s) => s!.title.en?.value ?? s!.key).join('; ')}.`,
      },
      modified,
      frequency: ANNUAL,
      themes: ['SOCI', 'REGI'],
      licenceUrl: CC_BY,
      distributions: [{ url: `${options.baseUrl}/it/observatory/data/${definition.key}.csv?territory=IT`, description: { it: 'Valori per l\u2019Italia (CSV)', en: 'Values for Italy (CSV)' } }],
    });
  });
  return entries;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The observations of a published dataset's current version as CSV (one column per dimension, TIME_PERIOD,
 * OBS_VALUE, OBS_STATUS); null when not published. Counts of a place finer than a region broken down by
 * citizenship are suppressed below the threshold (OBS_VALUE empty, OBS_STATUS `c`, confidential).
 */
export async function exportDatasetCsv(options: { db: Db; key: string; suppressBelow: number }): Promise<string | null> {
  const dataset = await datasetRepository.findDataset(options.db, options.key);
  if (!dataset?.isPublished || dataset.currentVersionId === null) return null;
  const context = await loadVersionContext(options.db, dataset.currentVersionId);
  if (!context) return null;
  const dimensions = context.dimensions.filter((d) => d.position !== null).sort((a, b) => a.position! - b.position!);
  const territory = context.territoryDimension;
  const citizenship = context.dimensions.find((d) => d.role === 'citizenship');
  const fine = new Set(['province', 'autonomous_province', 'municipality']);
  const refs = new Map<string, Map<string, string | null>>();
  for (const c of context.codesById.values()) {
    const d = context.dimensions.find((x) => x.id === c.dimensionId)!;
    if (!refs.has(d.code)) refs.set(d.code, new Map());
    refs.get(d.code)!.set(c.code, c.refKind);
  }
  const lines = [[...dimensions.map((d) => d.code), 'TIME_PERIOD', 'OBS_VALUE', 'OBS_STATUS'].join(',')];
  const limit = 20_000;
  for (let offset = 0; ; offset += limit) {
    const { items } = await observationRepository.listObservations(options.db, context, { versionId: context.versionId, limit, offset });
    for (const o of items) {
      const isFine = territory && citizenship && fine.has(refs.get(territory.code)?.get(o.dimensions[territory.code]!) ?? '') && refs.get(citizenship.code)?.get(o.dimensions[citizenship.code]!) !== 'total';
      const hidden = Boolean(isFine) && isSuppressed(o.value, options.suppressBelow);
      lines.push([...dimensions.map((d) => csvField(o.dimensions[d.code] ?? '')), csvField(o.time), hidden || o.value === null ? '' : String(o.value), hidden ? 'c' : csvField(o.status ?? '')].join(','));
    }
    if (items.length < limit) break;
  }
  return `${lines.join('\r\n')}\r\n`;
}
