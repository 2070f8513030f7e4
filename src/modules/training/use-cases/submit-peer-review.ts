import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { evaluationRepository } from '../data/evaluation-repository.ts';
import { showMyEdition } from './show-my-edition.ts';

/** A participant rates (1–5, with an optional comment) the contribution of another member of their own group. */
export async function submitPeerReview(options: { ctx: ModuleContext; actor: Actor; applicationId: string; revieweeId: string; score: number; comment?: string; now?: Date }): Promise<void> {
  const { ctx } = options;
  const mine = await showMyEdition(options);
  const isGroupmate = mine.group?.members.some((m) => m.id === options.revieweeId && m.id !== mine.application.id) ?? false;
  if (!isGroupmate || !(mine.window.canWorkInGroup || mine.edition.state === 'completed')) {
    throw new ValidationError([{ field: `score_${options.revieweeId}`, messageKey: 'training.my.errors.notInYourGroup' }]);
  }
  if (!Number.isInteger(options.score) || options.score < 1 || options.score > 5) {
    throw new ValidationError([{ field: `score_${options.revieweeId}`, messageKey: 'training.my.errors.scoreRequired' }]);
  }
  await evaluationRepository.upsertPeerReview(ctx.db, {
    reviewerId: mine.application.id,
    revieweeId: options.revieweeId,
    editionId: mine.edition.id,
    score: options.score,
    comment: options.comment?.trim().slice(0, 1000) || null,
  });
}
