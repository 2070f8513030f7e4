import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { evaluationRepository } from '../data/evaluation-repository.ts';
import { showMyEdition } from './show-my-edition.ts';

/** A participant scores themself 1–5 on each competence of the path, before the class and after it. Once per phase. */
export async function submitSelfAssessment(options: { ctx: ModuleContext; actor: Actor; applicationId: string; phase: 'before' | 'after'; scores: (number | undefined)[]; now?: Date }): Promise<void> {
  const { ctx, phase } = options;
  const mine = await showMyEdition(options);
  const isOpen = phase === 'before' ? mine.window.canAssessBefore : mine.window.canAssessAfter;
  if (!isOpen) throw new ValidationError([{ field: 'competence_0', messageKey: 'training.my.errors.assessmentClosed' }]);
  const errors: FieldError[] = [];
  const scores = mine.path.competences.map((_, i) => {
    const score = options.scores[i];
    if (score === undefined || !Number.isInteger(score) || score < 1 || score > 5) errors.push({ field: `competence_${i}`, messageKey: 'training.my.errors.scoreRequired' });
    return score ?? 0;
  });
  if (errors.length) throw new ValidationError(errors);
  if (!(await evaluationRepository.insertSelfAssessment(ctx.db, { applicationId: mine.application.id, phase, scores }))) {
    throw new ValidationError([{ field: 'competence_0', messageKey: 'training.my.errors.alreadyAnswered' }]);
  }
}
