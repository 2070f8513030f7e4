import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { metadataRepository } from '../data/metadata-repository.ts';
import { serviceRepository } from '../data/service-repository.ts';
import { buildServiceSnapshot } from '../data/snapshot-repository.ts';
import { taxonomyRepository } from '../data/taxonomy-repository.ts';
import { diffFlat, flattenSnapshot, type FieldChange, type FlatRecord } from '../domain/flatten.ts';
import { stateAfterEdit } from '../domain/workflow.ts';

/** The working copy of a service reduced to named values (terms named by their code). */
export async function flattenWorkingCopy(db: Db, serviceId: string, at: Date): Promise<FlatRecord> {
  const [snapshot, codes] = await Promise.all([buildServiceSnapshot(db, serviceId, at), taxonomyRepository.termCodes(db)]);
  return flattenSnapshot(snapshot, (id) => codes.get(id) ?? id);
}

/**
 * Runs an edit of a service's working copy inside the caller's transaction: locks the service, records
 * every changed field in the HSDS metadata, and reopens a draft when a published service changes (the
 * published snapshot stays public until the next publication).
 */
export async function applyServiceEdit(options: {
  trx: Db;
  serviceId: string;
  actor: Actor;
  at: Date;
  actionType?: string;
  edit: () => Promise<void>;
}): Promise<FieldChange[]> {
  const { trx, serviceId, actor, at } = options;
  if (!(await serviceRepository.lock(trx, serviceId))) throw new NotFoundError();
  const before = await flattenWorkingCopy(trx, serviceId, at);
  await options.edit();
  const after = await flattenWorkingCopy(trx, serviceId, at);
  const changes = diffFlat(before, after);
  if (changes.length === 0) return changes;
  await metadataRepository.record(trx, {
    resourceId: serviceId,
    resourceType: 'service',
    actionType: options.actionType ?? 'update',
    changes,
    author: { personId: actor.personId, name: actor.name },
    at,
  });
  const row = await serviceRepository.findHeader(trx, serviceId);
  await serviceRepository.update(trx, serviceId, {
    workflow_state: stateAfterEdit(row!.workflowState),
    updated_at: at,
    updated_by: actor.personId,
  });
  return changes;
}
