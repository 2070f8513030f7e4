import type { Actor } from '../../../kernel/auth/actor.ts';
import { ValidationError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import { newCertificateCode } from '../domain/codes.ts';
import { applicationMail } from '../mail/mail-values.ts';
import { sendAll } from '../mail/outbox.ts';
import { loadEditionFor } from './access.ts';
import { attendanceTotals } from './show-attendance.ts';

/**
 * Issues a certificate to every participant of a completed edition whose attendance reaches the threshold
 * and who has none yet. Each is a snapshot (name, path, competences, dates, hours) with a verification code.
 */
export async function issueCertificates(options: { ctx: ModuleContext; actor: Actor; editionId: string; now?: Date }): Promise<{ issued: number; belowThreshold: number }> {
  const { ctx, actor } = options;
  const now = options.now ?? new Date();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { edition, path } = await loadEditionFor(trx, actor, options.editionId, 'manage', { forUpdate: true });
    if (edition.state !== 'completed') throw new ValidationError([{ field: 'certificates', messageKey: 'training.staff.errors.notCompleted' }]);
    const { participants, totals } = await attendanceTotals(trx, edition);
    const existing = new Set((await certificateRepository.listByEdition(trx, edition.id)).map((c) => c.applicationId));
    const eligible = participants.filter((p) => totals.get(p.id)!.isEligible);
    const toIssue = eligible.filter((p) => !existing.has(p.id));
    for (const participant of toIssue) {
      const total = totals.get(participant.id)!;
      await certificateRepository.insert(trx, {
        code: newCertificateCode(),
        applicationId: participant.id,
        editionId: edition.id,
        holderName: participant.fullName,
        pathCode: path.code,
        pathTitle: path.title,
        competences: path.competences,
        editionNumber: edition.number,
        regionCode: edition.regionCode,
        startsOn: edition.startsOn,
        endsOn: edition.endsOn,
        minutesAttended: total.minutesAttended,
        minutesPlanned: total.minutesPlanned,
        issuedAt: now,
        issuedBy: actor.personId,
      });
    }
    await ctx.audit.record(
      { actorPersonId: actor.personId, action: 'training.certificates.issued', entity: 'training.edition', entityId: edition.id, regionCode: edition.regionCode, details: { issued: toIssue.length } },
      trx,
    );
    const mails = toIssue.map((application) => applicationMail(ctx.config, 'certificate', { application, edition, path }));
    return { issued: toIssue.length, belowThreshold: participants.length - eligible.length, mails };
  });
  await sendAll(ctx, result.mails);
  return { issued: result.issued, belowThreshold: result.belowThreshold };
}
