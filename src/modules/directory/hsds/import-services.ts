import type { Db } from '../../../kernel/db/database.ts';
import { hsdsRepository } from '../data/hsds-repository.ts';
import { metadataRepository, type ChangeAuthor } from '../data/metadata-repository.ts';
import { notifyPublicationChange } from '../data/repository.ts';
import { serviceRepository } from '../data/service-repository.ts';
import { buildServiceSnapshot } from '../data/snapshot-repository.ts';
import { stateAfterEdit } from '../domain/workflow.ts';
import type { DatasetTable } from './catalogue.ts';
import type { Existing, ImportSettings, TablePlan } from './import-plan.ts';

/** Tables whose rows belong to a service's working copy (what publishing freezes). */
const SERVICE_PARTS: ReadonlySet<DatasetTable> = new Set([
  'service_at_location',
  'phone',
  'schedule',
  'x_crocevia_schedule_exception',
  'language',
  'required_document',
  'cost_option',
  'service_area',
  'contact',
  'funding',
  'attribute',
]);

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The services whose working copy the import changed, directly or through a record they own. */
async function touchedServices(settings: ImportSettings, plans: Map<DatasetTable, TablePlan>, existing: Existing): Promise<Set<string>> {
  const { dataset, trx } = settings;
  const touched = new Set<string>();
  const salIds = new Set<string>();
  const linkIds = new Set<string>();
  for (const [table, plan] of plans) {
    if (table !== 'service' && !SERVICE_PARTS.has(table)) continue;
    for (const { id } of plan.changed) {
      if (table === 'service') {
        touched.add(id);
        continue;
      }
      const record = dataset.get(table, id) ?? {};
      const serviceId = str(record.service_id) ?? str(existing.get(table)?.get(id)?.service_id);
      if (serviceId) touched.add(serviceId);
      const salId = str(record.service_at_location_id);
      if (salId) salIds.add(salId);
      if (table === 'attribute' && str(record.link_id)) linkIds.add(str(record.link_id)!);
    }
  }
  const unknownSals = [...salIds].filter((id) => !dataset.has('service_at_location', id));
  for (const id of salIds) {
    const owner = str(dataset.get('service_at_location', id)?.service_id);
    if (owner) touched.add(owner);
  }
  for (const row of await hsdsRepository.rowsByIds(trx, 'directory_service_at_location', unknownSals)) touched.add(String(row.service_id));
  for (const id of linkIds) if (dataset.has('service', id)) touched.add(id);
  for (const id of await hsdsRepository.existingIds(trx, 'directory_services', [...linkIds])) touched.add(id);
  return touched;
}

async function publish(trx: Db, serviceId: string, before: string, author: ChangeAuthor, at: Date): Promise<void> {
  const snapshot = await buildServiceSnapshot(trx, serviceId, at);
  await serviceRepository.update(trx, serviceId, { workflow_state: 'published', review_note: null, published_at: at, published_snapshot: snapshot });
  await metadataRepository.record(trx, { resourceId: serviceId, resourceType: 'service', actionType: 'publish', changes: [{ field: 'workflow_state', before, after: 'published' }], author, at });
}

/** Organisations and locations the import changed (or changed a record of), whose public services show them live. */
function changedSharedRecords(settings: ImportSettings, plans: Map<DatasetTable, TablePlan>): { organisationIds: string[]; locationIds: string[] } {
  const organisationIds = new Set<string>();
  const locationIds = new Set<string>();
  for (const [table, plan] of plans) {
    for (const { id } of plan.changed) {
      const record = settings.dataset.get(table, id) ?? {};
      if (table === 'organization') organisationIds.add(id);
      if (table === 'location') locationIds.add(id);
      if (str(record.organization_id)) organisationIds.add(str(record.organization_id)!);
      if (str(record.location_id)) locationIds.add(str(record.location_id)!);
    }
  }
  return { organisationIds: [...organisationIds], locationIds: [...locationIds] };
}

/**
 * Brings the imported services to their editorial state: new ones stay drafts, and a published service
 * whose working copy changed reopens a draft (its published version stays public), as a staff edit would.
 * With `isPublish`, every service of the file that is new, changed or not yet published is published.
 * The public side hears of every service whose public view changed. Returns the services published.
 */
export async function settleServices(options: {
  settings: ImportSettings;
  plans: Map<DatasetTable, TablePlan>;
  existing: Existing;
  isPublish: boolean;
  author: ChangeAuthor;
}): Promise<string[]> {
  const { settings, plans, existing, author } = options;
  const { trx, dataset, now } = settings;
  const touched = await touchedServices(settings, plans, existing);
  const published: string[] = [];
  for (const id of new Set([...dataset.ids('service'), ...touched])) {
    const header = await serviceRepository.findHeader(trx, id);
    if (!header) continue;
    const state = header.workflowState;
    if (options.isPublish && dataset.has('service', id)) {
      if (state === 'archived') settings.issues.warn(dataset.originOf('service', id), '', 'the service is archived: not published');
      else if (state !== 'published' || touched.has(id)) {
        await publish(trx, id, state, author, now);
        published.push(id);
      }
      continue;
    }
    const next = touched.has(id) ? stateAfterEdit(state) : state;
    if (next !== state) {
      await serviceRepository.update(trx, id, { workflow_state: next });
      await metadataRepository.record(trx, { resourceId: id, resourceType: 'service', actionType: 'update', changes: [{ field: 'workflow_state', before: state, after: next }], author, at: now });
    }
  }
  const shared = changedSharedRecords(settings, plans);
  const refreshed = new Set([...published, ...(await hsdsRepository.publicServicesUsing(trx, shared))]);
  for (const id of refreshed) await notifyPublicationChange(trx, id);
  return published;
}
