import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { evaluationRepository } from '../data/evaluation-repository.ts';
import { loadEditionFor } from './access.ts';

/** A trainer or manager gives the groups of an edition a project work, optionally with a due date within the edition. */
export async function createAssignment(options: { ctx: ModuleContext; actor: Actor; editionId: string; title: string; description: string; dueOn?: string }): Promise<string> {
  const { ctx, actor } = options;
  const { edition } = await loadEditionFor(ctx.db, actor, options.editionId);
  const errors: FieldError[] = [];
  if (edition.state === 'completed') errors.push({ field: 'title', messageKey: 'training.staff.errors.editionCompleted' });
  if (options.dueOn && (options.dueOn < edition.startsOn || options.dueOn > edition.endsOn)) {
    errors.push({ field: 'dueOn', messageKey: 'training.staff.errors.dueOutsideEdition', values: { start: edition.startsOn, end: edition.endsOn } });
  }
  if (errors.length) throw new ValidationError(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await evaluationRepository.insertAssignment(trx, {
      editionId: edition.id,
      title: options.title.trim(),
      description: options.description.trim(),
      dueOn: options.dueOn || null,
      createdBy: actor.personId,
    });
    await ctx.audit.record({ actorPersonId: actor.personId, action: 'training.assignment.created', entity: 'training.edition', entityId: edition.id, regionCode: edition.regionCode }, trx);
    return id;
  });
}
