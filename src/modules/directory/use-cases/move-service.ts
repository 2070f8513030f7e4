import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { metadataRepository } from '../data/metadata-repository.ts';
import { notifyPublicationChange } from '../data/repository.ts';
import { serviceRepository } from '../data/service-repository.ts';
import { buildServiceSnapshot } from '../data/snapshot-repository.ts';
import type { FieldChange } from '../domain/flatten.ts';
import { stateAfter, type WorkflowAction } from '../domain/workflow.ts';
import type { ServiceAbilities } from '../policy.ts';
import { loadServiceFor } from './service-access.ts';

const ABILITY: Record<WorkflowAction, Exclude<keyof ServiceAbilities, 'canRead'>> = {
  submit: 'canSubmit',
  publish: 'canPublish',
  sendBack: 'canSendBack',
  archive: 'canArchive',
  restore: 'canRestore',
};

/**
 * Moves a service through the workflow in one transaction. Publishing freezes the working copy as the
 * published snapshot; archiving hides it; restoring an archived service reopens a draft that must be
 * published again. The public side hears of every change that can alter what it shows.
 */
export async function moveService(options: { db: Db; actor: Actor; serviceId: string; action: WorkflowAction; note?: string; at?: Date }): Promise<void> {
  const { actor, action } = options;
  const at = options.at ?? new Date();
  const note = options.note?.trim() ?? '';
  if (action === 'sendBack' && note === '') throw new ValidationError([{ field: 'note', messageKey: 'validation.required' }]);
  if (note.length > 2000) throw new ValidationError([{ field: 'note', messageKey: 'validation.maxLength', values: { limit: 2000 } }]);
  await options.db.transaction().execute(async (trx) => {
    await serviceRepository.lock(trx, options.serviceId);
    const { header } = await loadServiceFor(trx, actor, options.serviceId, ABILITY[action]);
    const next = stateAfter(action);
    const changes: FieldChange[] = [{ field: 'workflow_state', before: header.workflowState, after: next }];
    if (action === 'publish') {
      const snapshot = await buildServiceSnapshot(trx, header.id, at);
      await serviceRepository.update(trx, header.id, { workflow_state: next, review_note: null, published_at: at, published_snapshot: snapshot });
    } else if (action === 'restore') {
      await serviceRepository.update(trx, header.id, { workflow_state: next, published_at: null, published_snapshot: null });
    } else if (action === 'sendBack') {
      await serviceRepository.update(trx, header.id, { workflow_state: next, review_note: note });
      changes.push({ field: 'review_note', before: header.reviewNote ?? '', after: note });
    } else {
      await serviceRepository.update(trx, header.id, { workflow_state: next, ...(action === 'submit' ? { review_note: null } : {}) });
    }
    await metadataRepository.record(trx, { resourceId: header.id, resourceType: 'service', actionType: action, changes, author: { personId: actor.personId, name: actor.name }, at });
    if (action === 'publish' || action === 'archive' || action === 'restore') await notifyPublicationChange(trx, header.id);
  });
}
