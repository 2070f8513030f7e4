import { randomUUID } from 'node:crypto';
import type { Db } from '../../../kernel/db/database.ts';
import { textFrom } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { territory } from '../../territory/index.ts';
import { hsdsRepository } from '../data/hsds-repository.ts';
import { metadataRepository, type ChangeAuthor } from '../data/metadata-repository.ts';
import { tableSpec, WRITE_ORDER, type DatasetTable } from './catalogue.ts';
import { Dataset, Issues, type Issue } from './dataset.ts';
import { assignRegions, checkReferences, loadExisting, planWrites, type ImportSettings, type TablePlan } from './import-plan.ts';
import { settleServices } from './import-services.ts';
import { readSource } from './read-source.ts';
import { validateDataset } from './validate.ts';

/** Who the HSDS change log names for what an import writes. */
export const IMPORT_AUTHOR: ChangeAuthor = { personId: null, name: 'crocevia hsds import' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How an import went: refused (errors, nothing written) or written, with what it did. */
export interface ImportSummary {
  isImported: boolean;
  errors: Issue[];
  warnings: Issue[];
  created: Partial<Record<DatasetTable, number>>;
  updated: Partial<Record<DatasetTable, number>>;
  unchanged: Partial<Record<DatasetTable, number>>;
  publishedServiceIds: string[];
}

class ImportRefused extends Error {}

async function resolveAccount(trx: Db, accountId: string | undefined, dataset: Dataset, issues: Issues): Promise<Pick<ImportSettings, 'account' | 'linkedOrganisationId'>> {
  if (!accountId) return { account: null, linkedOrganisationId: null };
  const account = UUID.test(accountId) ? await hsdsRepository.findAccountOrganisation(trx, accountId) : null;
  if (!account) {
    issues.error('--organisation', '', `${accountId} is not the id of an accounts organisation`);
    return { account: null, linkedOrganisationId: null };
  }
  const alreadyLinked = await hsdsRepository.findOrganisationIdOfAccount(trx, account.id);
  const inFile = dataset.ids('organization');
  if (inFile.length > 1) {
    issues.error('--organisation', '', `links one organisation, and the file has ${inFile.length}`);
    return { account, linkedOrganisationId: null };
  }
  const linked = inFile[0] ?? alreadyLinked ?? randomUUID();
  if (inFile[0] && alreadyLinked && alreadyLinked !== inFile[0]) {
    issues.error(dataset.originOf('organization', inFile[0]), 'id', `the accounts organisation ${account.id} is already linked to the directory organisation ${alreadyLinked}`);
  }
  if (inFile[0] && UUID.test(inFile[0])) {
    const [stored] = await hsdsRepository.rowsByIds(trx, 'directory_organisations', [inFile[0]]);
    if (stored?.account_organisation_id && stored.account_organisation_id !== account.id) {
      issues.error(dataset.originOf('organization', inFile[0]), 'id', `this organisation is already linked to the accounts organisation ${String(stored.account_organisation_id)}`);
    }
  }
  for (const service of dataset.rows('service')) service.organization_id ??= linked;
  return { account, linkedOrganisationId: linked };
}

async function writePlans(trx: Db, plans: Map<DatasetTable, TablePlan>): Promise<void> {
  for (const table of WRITE_ORDER) {
    const plan = plans.get(table);
    if (!plan) continue;
    const { dbTable } = tableSpec(table);
    await hsdsRepository.insertRows(trx, dbTable, plan.inserts);
    for (const update of plan.updates) await hsdsRepository.updateRow(trx, dbTable, update.id, update.values);
  }
}

async function logChanges(trx: Db, plans: Map<DatasetTable, TablePlan>, at: Date): Promise<void> {
  for (const [table, plan] of plans) {
    for (const change of plan.changed) {
      await metadataRepository.record(trx, { resourceId: change.id, resourceType: table, actionType: change.action, changes: change.changes, author: IMPORT_AUTHOR, at });
    }
  }
}

/** The directory organisation of `--organisation` when neither the file nor the database holds it yet. */
async function createAccountOrganisation(settings: ImportSettings): Promise<void> {
  const { account, linkedOrganisationId: id, trx, dataset } = settings;
  if (!account || !id || dataset.has('organization', id)) return;
  if ((await hsdsRepository.existingIds(trx, 'directory_organisations', [id])).size > 0) return;
  await hsdsRepository.insertRows(trx, 'directory_organisations', [
    { id, account_organisation_id: account.id, region_code: settings.regionCode ?? account.regionCode, name: textFrom({ it: account.name }), original_locale: 'it' },
  ]);
}

function count(plans: Map<DatasetTable, TablePlan>, pick: (plan: TablePlan) => number): Partial<Record<DatasetTable, number>> {
  const out: Partial<Record<DatasetTable, number>> = {};
  for (const [table, plan] of plans) if (pick(plan) > 0) out[table] = pick(plan);
  return out;
}

function databaseIssue(error: unknown): Issue | null {
  const e = error as { code?: unknown; message?: unknown; detail?: unknown; table?: unknown; column?: unknown };
  if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
  return { where: `database${typeof e.table === 'string' ? ` table ${e.table}` : ''}`, field: typeof e.column === 'string' ? e.column : '', message: [e.message, e.detail].filter(Boolean).join(': ') };
}

/**
 * Imports an HSDS 3.0 file (JSON) or Tabular Data Package (a folder) in one transaction: every record is
 * checked first, and a file with any error is refused whole, nothing written. Records keep their HSDS ids,
 * so importing the same file again updates them; new services are drafts (published with `isPublish`)
 * in the region given, owned by the file's organisation (linked to `accountOrganisationId` when given).
 */
export async function importHsds(options: {
  db: Db;
  path: string;
  regionCode?: string;
  accountOrganisationId?: string;
  isPublish: boolean;
  language: Locale;
  now?: Date;
}): Promise<ImportSummary> {
  const now = options.now ?? new Date();
  const dataset = new Dataset();
  const issues = new Issues();
  const refused = (): ImportSummary => ({ isImported: false, errors: issues.errors, warnings: issues.warnings, created: {}, updated: {}, unchanged: {}, publishedServiceIds: [] });
  const source = readSource(options.path, { dataset, issues });
  if (!source) return refused();
  try {
    return await options.db.transaction().execute(async (trx) => {
      let regionCode: string | null = null;
      if (options.regionCode !== undefined) {
        if (await territory.findRegion(trx, options.regionCode)) regionCode = options.regionCode;
        else issues.error('--region', '', `${options.regionCode} is not an ISTAT region code (01 to 20)`);
      }
      const accountPart = await resolveAccount(trx, options.accountOrganisationId, dataset, issues);
      validateDataset(dataset, issues);
      if (issues.errors.length > 0) throw new ImportRefused();
      const settings: ImportSettings = { trx, dataset, issues, source, language: options.language, regionCode, ...accountPart, now };
      const existing = await loadExisting(trx, dataset);
      await checkReferences(settings);
      const regions = await assignRegions(settings, existing);
      if (issues.errors.length > 0) throw new ImportRefused();
      const plans = planWrites(settings, existing, regions);
      await createAccountOrganisation(settings);
      await writePlans(trx, plans);
      await logChanges(trx, plans, now);
      const publishedServiceIds = await settleServices({ settings, plans, existing, isPublish: options.isPublish, author: IMPORT_AUTHOR });
      return {
        isImported: true,
        errors: [],
        warnings: issues.warnings,
        created: count(plans, (p) => p.inserts.length),
        updated: count(plans, (p) => p.updates.length),
        unchanged: count(plans, (p) => p.unchanged),
        publishedServiceIds,
      };
    });
  } catch (error) {
    if (error instanceof ImportRefused) return refused();
    const issue = databaseIssue(error);
    if (!issue) throw error;
    issues.errors.push(issue);
    return refused();
  }
}
