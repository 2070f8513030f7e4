import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { peopleRepository } from '../data/people-repository.ts';
import { loadEditionFor } from './access.ts';

/** Sets who teaches an edition: people holding the trainer role. Only they (and managers) see it. */
export async function assignTrainers(options: { ctx: ModuleContext; actor: Actor; editionId: string; personIds: string[] }): Promise<void> {
  const { ctx, actor } = options;
  const { edition } = await loadEditionFor(ctx.db, actor, options.editionId, 'manage');
  const trainers = new Set((await peopleRepository.listTrainers(ctx.db, null)).map((t) => t.id));
  const personIds = [...new Set(options.personIds)];
  if (personIds.some((id) => !trainers.has(id) && !edition.trainerIds.includes(id))) {
    throw new ValidationError([{ field: 'trainerIds', messageKey: 'training.staff.errors.notATrainer' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await editionRepository.setTrainers(trx, edition.id, personIds);
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: 'training.edition.trainers_assigned', entity: 'training.edition', entityId: edition.id, regionCode: edition.regionCode, details: { trainers: personIds.length } },
      trx,
    );
  });
}
