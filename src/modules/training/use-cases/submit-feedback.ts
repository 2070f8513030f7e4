import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { evaluationRepository } from '../data/evaluation-repository.ts';
import { FEEDBACK_QUESTIONS } from '../domain/vocabulary.ts';
import { showMyEdition } from './show-my-edition.ts';

/**
 * A participant answers the satisfaction questionnaire of a session that took place (overall score only) or
 * of the whole edition once it is over (every question). Each questionnaire is answered once.
 */
export async function submitFeedback(options: { ctx: ModuleContext; actor: Actor; applicationId: string; sessionId: string | null; scores: Record<string, number>; comment?: string; now?: Date }): Promise<void> {
  const { ctx } = options;
  const mine = await showMyEdition(options);
  const isSession = options.sessionId !== null;
  const isOpen = isSession ? mine.window.pastSessionIds.includes(options.sessionId!) : mine.window.canAnswerEditionQuestionnaire;
  if (!isOpen) throw new ValidationError([{ field: 'overall', messageKey: 'training.my.errors.questionnaireClosed' }]);
  const questions = isSession ? (['overall'] as const) : FEEDBACK_QUESTIONS;
  const errors: FieldError[] = [];
  const scores: Record<string, number> = {};
  for (const q of questions) {
    const score = options.scores[q];
    if (score === undefined || !Number.isInteger(score) || score < 1 || score > 5) errors.push({ field: q, messageKey: 'training.my.errors.scoreRequired' });
    else scores[q] = score;
  }
  if ((options.comment ?? '').length > 2000) errors.push({ field: 'comment', messageKey: 'validation.maxLength', values: { limit: 2000 } });
  if (errors.length) throw new ValidationError(errors);
  const isWritten = await evaluationRepository.insertFeedback(ctx.db, {
    applicationId: mine.application.id,
    editionId: mine.edition.id,
    sessionId: options.sessionId,
    scores,
    comment: options.comment?.trim() || null,
  });
  if (!isWritten) throw new ValidationError([{ field: 'overall', messageKey: 'training.my.errors.alreadyAnswered' }]);
}
