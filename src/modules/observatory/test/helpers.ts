// Helpers for the observatory's integration tests only (never imported by the application).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { TestApp, TestClient } from '../../../../test/support/test-app.ts';
import { SESSION_COOKIE, sessions } from '../../../kernel/auth/sessions.ts';
import { textFrom } from '../../../kernel/i18n/content.ts';
import { frequencyUri, SHIPPED_DATASETS, shippedFileUrl } from '../reference/catalogue.ts';
import { importDataset, type ImportResult } from '../use-cases/import-dataset.ts';
import { setDatasetPublished } from '../use-cases/publish-dataset.ts';
import type { SourceFormat } from '../importers/types.ts';
import type { TidyMapping } from '../importers/tidy-csv.ts';

/** A signed-in client for a new person holding a role in a new region-level organisation. */
export async function signIn(t: TestApp, options: { roleKey: string; regionCode: string; isPlatformAdmin?: boolean }): Promise<{ client: TestClient; personId: string }> {
  const tag = randomUUID().slice(0, 8);
  const { rows: people } = await sql<{ id: string }>`insert into accounts_people (email, full_name, is_platform_admin)
    values (${`analyst.${tag}@example.org`}, ${`Analista ${tag}`}, ${options.isPlatformAdmin ?? false}) returning id`.execute(t.ctx.db);
  const personId = people[0]!.id;
  const { rows: orgs } = await sql<{ id: string }>`insert into accounts_organisations (name, type, region_code)
    values (${`Regione prova ${tag}`}, 'region', ${options.regionCode}) returning id`.execute(t.ctx.db);
  await sql`insert into accounts_memberships (person_id, organisation_id, role_key) values (${personId}, ${orgs[0]!.id}, ${options.roleKey})`.execute(t.ctx.db);
  const { token } = await sessions.create(t.ctx.db, { personId, ttlHours: 8, isSecondFactorPending: false });
  const client = t.client();
  client.cookies.set(SESSION_COOKIE, token);
  return { client, personId };
}

/** The bytes of a shipped asset (assets/<path>). */
export function assetBytes(path: string): Buffer {
  return readFileSync(new URL(`../assets/${path}`, import.meta.url));
}

/** Imports a file from the command line's point of view (no actor), into a new national or regional dataset. */
export async function importFile(
  t: TestApp,
  options: { bytes: Uint8Array; name?: string; key?: string; title?: { it: string; en: string }; regionCode?: string | null; format?: SourceFormat; mapping?: TidyMapping; datasetId?: string; batchSize?: number; failAfterBatches?: number; isPublished?: boolean },
): Promise<ImportResult> {
  const result = await importDataset({
    db: t.ctx.db,
    audit: t.ctx.audit,
    actor: null,
    file: { name: options.name ?? 'test.csv', bytes: options.bytes },
    format: options.format,
    mapping: options.mapping,
    batchSize: options.batchSize,
    failAfterBatches: options.failAfterBatches,
    target: options.datasetId
      ? { datasetId: options.datasetId }
      : {
          newDataset: {
            key: options.key,
            title: textFrom(options.title ?? { it: `Dataset di prova ${options.key ?? ''}`, en: 'Test dataset' }),
            source: 'Istat',
            licence: 'CC-BY-4.0',
            attribution: 'Fonte: Istat',
            updateFrequency: frequencyUri('ANNUAL'),
            regionCode: options.regionCode ?? null,
          },
        },
  });
  if (options.isPublished) await setDatasetPublished({ db: t.ctx.db, audit: t.ctx.audit, actor: null, datasetId: result.datasetId, isPublished: true });
  return result;
}

/** Imports one of the shipped datasets under a key of the test's choosing. */
export async function importShipped(t: TestApp, shippedKey: string, options: { key?: string; regionCode?: string | null; isPublished?: boolean } = {}): Promise<ImportResult> {
  const shipped = SHIPPED_DATASETS.find((d) => d.key === shippedKey)!;
  return importFile(t, { bytes: readFileSync(shippedFileUrl(shipped)), name: shipped.file, key: options.key ?? shipped.key, title: shipped.title, format: shipped.format, mapping: shipped.mapping, regionCode: options.regionCode, isPublished: options.isPublished });
}

/** A multipart/form-data body with text fields and one file, as a browser sends it. */
export function multipart(fields: Record<string, string>, file: { name: string; bytes: Uint8Array; type?: string } | null): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----crocevia${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`));
    parts.push(Buffer.from(file.bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Counts the rows of the store's tables (to prove a refused or interrupted import left nothing behind). */
export async function storeCounts(t: TestApp): Promise<{ datasets: number; versions: number; codes: number; observations: number }> {
  const { rows } = await sql<{ datasets: string; versions: string; codes: string; observations: string }>`select
    (select count(*) from observatory_datasets) as datasets, (select count(*) from observatory_versions) as versions,
    (select count(*) from observatory_codes) as codes, (select count(*) from observatory_observations) as observations`.execute(t.ctx.db);
  const r = rows[0]!;
  return { datasets: Number(r.datasets), versions: Number(r.versions), codes: Number(r.codes), observations: Number(r.observations) };
}

/** A minimal CSV reader (quoted fields, BOM) to compute expected figures straight from the shipped files. */
export function readCsv(path: string): Record<string, string>[] {
  const text = assetBytes(path).toString('utf8').replace(/^\uFEFF/, '');
  const rows = text.split(/\r?\n/).filter(Boolean).map((line) => {
    const out: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') (field += '"'), i++;
        else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') out.push(field), (field = '');
      else field += ch;
    }
    out.push(field);
    return out;
  });
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}
