import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { enforceRateLimit } from '../../../kernel/http/rate-limit.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { territory } from '../../territory/index.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import { peopleRepository } from '../data/people-repository.ts';
import { isCallOpen } from '../domain/edition-states.ts';
import type { Profile, RoleLevel } from '../domain/vocabulary.ts';
import { applicationMail } from '../mail/mail-values.ts';
import { sendAll } from '../mail/outbox.ts';
import { isUuid } from './access.ts';

/** An application as the public form sends it (already shaped by the route's schema). */
export interface ApplicationInput {
  fullName: string;
  email: string;
  profile: Profile;
  organisationId?: string;
  organisationName?: string;
  roleLevel: RoleLevel;
  jobTitle?: string;
  regionCode: string;
  motivation: string;
  accessibilityNeeds?: string;
  languages?: string;
}

/** Applications per address of the client per hour: enough for a desk helping people apply, not for a flood. */
export const APPLY_LIMIT = { windowSeconds: 3600, max: 40 };

const DUPLICATE: FieldError = { field: 'email', messageKey: 'training.apply.errors.duplicate' };

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

/**
 * Receives an application to an edition whose call is open. The applicant is linked to the person with the
 * same e-mail address, or a person without password is created (they set one from the admission e-mail).
 * Accessibility needs are encrypted at rest. A second application from one address to one edition is refused.
 */
export async function submitApplication(options: { ctx: ModuleContext; editionId: string; input: ApplicationInput; locale: Locale; clientKey: string }): Promise<string> {
  const { ctx, input } = options;
  const edition = isUuid(options.editionId) ? await editionRepository.find(ctx.db, options.editionId) : null;
  if (!edition || edition.state === 'draft') throw new NotFoundError();
  if (!isCallOpen(edition.state)) throw new ConflictError([], 'training.apply.errors.callClosed');
  await enforceRateLimit(ctx.db, `training.apply:${ctx.crypto.hmac(options.clientKey, 'training.rate-limit')}`, APPLY_LIMIT);

  const errors: FieldError[] = [];
  const email = input.email.trim().toLowerCase();
  const organisation = input.organisationId ? await peopleRepository.findOrganisation(ctx.db, input.organisationId) : null;
  if (input.organisationId && !organisation) errors.push({ field: 'organisationId', messageKey: 'validation.enum' });
  if (!input.organisationId && !input.organisationName?.trim()) errors.push({ field: 'organisationName', messageKey: 'training.apply.errors.organisationRequired' });
  if (!(await territory.findRegion(ctx.db, input.regionCode))) errors.push({ field: 'regionCode', messageKey: 'validation.enum' });
  if (errors.length === 0 && (await applicationRepository.hasApplied(ctx.db, edition.id, email))) errors.push(DUPLICATE);
  if (errors.length) throw new ValidationError(errors);

  const path = await pathRepository.find(ctx.db, edition.pathId);
  if (!path) throw new NotFoundError();
  let applicationId: string;
  try {
    applicationId = await ctx.db.transaction().execute(async (trx) => {
      const person = await peopleRepository.findOrCreateByEmail(trx, { email, fullName: input.fullName.trim(), locale: options.locale });
      const id = await applicationRepository.insert(trx, {
        editionId: edition.id,
        personId: person.id,
        email,
        fullName: input.fullName.trim(),
        profile: input.profile,
        organisationId: organisation?.id ?? null,
        organisationName: organisation?.name ?? input.organisationName!.trim(),
        roleLevel: input.roleLevel,
        jobTitle: input.jobTitle?.trim() || null,
        regionCode: input.regionCode,
        motivation: input.motivation.trim(),
        accessibilityEnc: input.accessibilityNeeds?.trim() ? ctx.crypto.encrypt(input.accessibilityNeeds.trim(), 'training.accessibility') : null,
        languages: input.languages?.trim() || null,
        locale: options.locale,
      });
      await ctx.audit.record(
        { actorPersonId: person.id, action: 'training.application.received', entity: 'training.application', entityId: id, regionCode: edition.regionCode, details: { profile: input.profile, isNewPerson: person.isNew } },
        trx,
      );
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError([DUPLICATE]);
    throw error;
  }
  const application = await applicationRepository.find(ctx.db, applicationId);
  if (application) await sendAll(ctx, [applicationMail(ctx.config, 'received', { application, edition, path })]);
  return applicationId;
}
