import type { Db } from '../../../kernel/db/database.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { territory } from '../../territory/index.ts';
import { hsdsRepository } from '../data/hsds-repository.ts';
import { diffFlat, type FieldChange } from '../domain/flatten.ts';
import { CATALOGUE, WRITE_ORDER, tableSpec, type DatasetTable } from './catalogue.ts';
import type { Dataset, HsdsRecord, Issues } from './dataset.ts';
import { flattenRow, toDbValues, type DbRow } from './db-mapping.ts';
import { extensionOf } from './extension.ts';
import type { SourceKind } from './read-source.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WITH_REGION: ReadonlySet<DatasetTable> = new Set(['organization', 'service', 'location']);
const WITH_POSITION: ReadonlySet<DatasetTable> = new Set(['phone', 'required_document', 'taxonomy_term']);

/** What an import knows besides the file. */
export interface ImportSettings {
  trx: Db;
  dataset: Dataset;
  issues: Issues;
  source: SourceKind;
  language: Locale;
  /** `--region`, already checked. */
  regionCode: string | null;
  /** `--organisation`: the accounts organisation the file's organisation is linked to. */
  account: { id: string; name: string; regionCode: string } | null;
  /** The HSDS organization the account is linked to (in the file or created for it). */
  linkedOrganisationId: string | null;
  now: Date;
}

/** One record's change, for the HSDS change log. */
export interface RecordChange {
  id: string;
  action: 'create' | 'update';
  changes: FieldChange[];
}

/** What the import writes to one table. */
export interface TablePlan {
  inserts: DbRow[];
  updates: { id: string; values: DbRow }[];
  changed: RecordChange[];
  unchanged: number;
}

/** The rows already stored for the records of the file, by table and id. */
export type Existing = Map<DatasetTable, Map<string, DbRow>>;

/** Loads the stored rows of every record in the file. */
export async function loadExisting(trx: Db, dataset: Dataset): Promise<Existing> {
  const out: Existing = new Map();
  for (const [table, spec] of CATALOGUE) {
    const ids = dataset.ids(table).filter((id) => UUID.test(id));
    const rows = await hsdsRepository.rowsByIds(trx, spec.dbTable, ids);
    out.set(table, new Map(rows.map((r) => [String(r.id), r])));
  }
  return out;
}

/** Checks every reference of the file: to a record of the file, or one already stored. */
export async function checkReferences(settings: ImportSettings): Promise<void> {
  const { dataset, issues, trx } = settings;
  const wanted = new Map<DatasetTable, Set<string>>();
  for (const [table, spec] of CATALOGUE) {
    for (const record of dataset.rows(table)) {
      for (const ref of spec.references) {
        const value = record[ref.field];
        if (typeof value !== 'string' || !UUID.test(value) || dataset.has(ref.table, value)) continue;
        wanted.set(ref.table, (wanted.get(ref.table) ?? new Set()).add(value));
      }
    }
  }
  const known = new Map<DatasetTable, Set<string>>();
  for (const [table, ids] of wanted) known.set(table, await hsdsRepository.existingIds(trx, tableSpec(table).dbTable, [...ids]));
  if (settings.linkedOrganisationId) known.set('organization', (known.get('organization') ?? new Set()).add(settings.linkedOrganisationId));
  for (const [table, spec] of CATALOGUE) {
    for (const key of dataset.ids(table)) {
      const record = dataset.get(table, key)!;
      for (const ref of spec.references) {
        const value = record[ref.field];
        if (typeof value !== 'string' || !UUID.test(value) || dataset.has(ref.table, value) || known.get(ref.table)?.has(value)) continue;
        const where = dataset.originOf(table, key);
        if (ref.isEnforced) issues.error(where, ref.field, `no ${ref.table} ${value} in the file or the database`);
        else issues.warn(where, ref.field, `no ${ref.table} ${value} in the file or the database: kept as given`);
      }
    }
  }
}

/** Decides the region of every new organisation, service and location, and checks the codes the file names. */
export async function assignRegions(settings: ImportSettings, existing: Existing): Promise<Map<string, string>> {
  const { dataset, issues, trx } = settings;
  const regions = new Map<string, string>();
  const checked = new Map<string, boolean>();
  const isRegion = async (code: string) => {
    if (!checked.has(code)) checked.set(code, (await territory.findRegion(trx, code)) !== null);
    return checked.get(code)!;
  };
  for (const table of ['organization', 'location', 'service'] as const) {
    for (const key of dataset.ids(table)) {
      const record = dataset.get(table, key)!;
      const where = dataset.originOf(table, key);
      const extension = extensionOf(record);
      if (extension.region_code && !(await isRegion(extension.region_code))) issues.error(where, 'x_crocevia.region_code', `${extension.region_code} is not an Italian region`);
      if (extension.municipality_code && !(await territory.findMunicipality(trx, extension.municipality_code))) {
        issues.error(where, 'x_crocevia.municipality_code', `${extension.municipality_code} is not an ISTAT municipality`);
      }
      if (existing.get(table)?.has(key)) continue;
      let region = settings.regionCode ?? extension.region_code ?? settings.account?.regionCode ?? null;
      if (!region && table === 'service' && typeof record.organization_id === 'string') {
        region = regions.get(`organization/${record.organization_id}`) ?? (await organisationRegion(trx, record.organization_id));
      }
      if (region) regions.set(`${table}/${key}`, region);
      else issues.error(where, 'x_crocevia.region_code', `a new ${table} needs a region: pass --region <ISTAT region code>`);
    }
  }
  return regions;
}

async function organisationRegion(trx: Db, id: string): Promise<string | null> {
  const [row] = await hsdsRepository.rowsByIds(trx, 'directory_organisations', UUID.test(id) ? [id] : []);
  return typeof row?.region_code === 'string' ? row.region_code : null;
}

function creationColumns(settings: ImportSettings, table: DatasetTable, key: string, values: DbRow, regions: Map<string, string>, index: number): DbRow {
  const { now } = settings;
  const out: DbRow = {};
  if (WITH_REGION.has(table)) Object.assign(out, { region_code: regions.get(`${table}/${key}`), created_at: now, updated_at: values.updated_at ?? now });
  if (table === 'organization' && key === settings.linkedOrganisationId && settings.account) out.account_organisation_id = settings.account.id;
  if (table === 'service') out.workflow_state = 'draft';
  if (WITH_POSITION.has(table)) out.position = index;
  if (table === 'metadata') out.recorded_at = now;
  return out;
}

const stamp = (value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? new Date(value).toISOString() : null);

/** Computes, table by table, the rows to insert and update and what changed in each record. */
export function planWrites(settings: ImportSettings, existing: Existing, regions: Map<string, string>): Map<DatasetTable, TablePlan> {
  const plans = new Map<DatasetTable, TablePlan>();
  for (const table of WRITE_ORDER) {
    const plan: TablePlan = { inserts: [], updates: [], changed: [], unchanged: 0 };
    plans.set(table, plan);
    settings.dataset.ids(table).forEach((key, index) => {
      const record: HsdsRecord = settings.dataset.get(table, key)!;
      const before = existing.get(table)?.get(key);
      const values = toDbValues(table, record, { existing: before, language: settings.language, keepAbsent: settings.source === 'csv', now: settings.now });
      if (!before) {
        const row = { ...values, ...creationColumns(settings, table, key, values, regions, index) };
        plan.inserts.push(row);
        if (table !== 'metadata') plan.changed.push({ id: key, action: 'create', changes: diffFlat({}, flattenRow(table, row)) });
        return;
      }
      const changes = diffFlat(flattenRow(table, before), flattenRow(table, { ...before, ...values }));
      const isRestamped = table === 'service' && values.updated_at !== undefined && stamp(values.updated_at) !== stamp(before.updated_at);
      const isLinking = table === 'organization' && key === settings.linkedOrganisationId && settings.account && before.account_organisation_id == null;
      if (changes.length === 0 && !isRestamped && !isLinking) {
        plan.unchanged++;
        return;
      }
      const update: DbRow = { ...values };
      delete update.id;
      if (WITH_REGION.has(table)) update.updated_at = values.updated_at ?? settings.now;
      if (isLinking) update.account_organisation_id = settings.account!.id;
      plan.updates.push({ id: key, values: update });
      if (changes.length > 0 && table !== 'metadata') plan.changed.push({ id: key, action: 'update', changes });
    });
  }
  return plans;
}
