import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { evaluationRepository } from '../data/evaluation-repository.ts';
import { showMyEdition } from './show-my-edition.ts';

/** A member hands in (or updates) their group's work for an assignment while the edition runs. */
export async function submitGroupWork(options: { ctx: ModuleContext; actor: Actor; applicationId: string; assignmentId: string; body: string; linkUrl?: string; now?: Date }): Promise<void> {
  const { ctx } = options;
  const mine = await showMyEdition(options);
  const assignment = mine.assignments.find((a) => a.id === options.assignmentId);
  if (!mine.group || !assignment || !mine.window.canWorkInGroup) throw new ValidationError([{ field: 'body', messageKey: 'training.my.errors.groupWorkClosed' }]);
  const errors: FieldError[] = [];
  const body = options.body.trim();
  if (body.length < 10 || body.length > 10_000) errors.push({ field: 'body', messageKey: 'training.my.errors.bodyLength' });
  const linkUrl = options.linkUrl?.trim() || null;
  if (linkUrl && !/^https:\/\/\S+$/.test(linkUrl)) errors.push({ field: 'linkUrl', messageKey: 'validation.format.uri' });
  if (errors.length) throw new ValidationError(errors);
  await evaluationRepository.upsertSubmission(ctx.db, { assignmentId: assignment.id, groupId: mine.group.id, body, linkUrl, submittedBy: mine.application.id });
}
