import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { isLocale, type Locale } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { adminRepository, type Person } from '../data/admin-repository.ts';
import { canCreatePersonIn, canSetPlatformAdmin } from '../policy.ts';
import { checkRoleGrant } from './check-role-grant.ts';
import { isUniqueViolation } from './check-organisation-placement.ts';
import type { AdminCall, NewPersonInput } from './inputs.ts';

const EMAIL_TAKEN: FieldError = { field: 'email', messageKey: 'accounts.staff.errors.emailTaken' };

/** The new person, and whether their invitation e-mail went out. */
export interface CreatedPerson {
  person: Person;
  isInvitationSent: boolean;
}

/**
 * Creates a person with a first membership (or a platform administrator, by a platform administrator) and
 * e-mails them an invitation to choose their own password: administrators never type passwords.
 */
export async function createPerson(options: AdminCall & { input: NewPersonInput }): Promise<CreatedPerson> {
  const { ctx, actor, input } = options;
  const isPlatformAdmin = input.isPlatformAdmin === true;
  const locale: Locale = isLocale(input.preferredLocale) ? input.preferredLocale : 'it';
  const errors: FieldError[] = [];
  if (isPlatformAdmin && !canSetPlatformAdmin(actor)) errors.push({ field: 'isPlatformAdmin', messageKey: 'accounts.staff.errors.platformAdminNotAllowed' });
  const needsMembership = !isPlatformAdmin || input.organisationId !== undefined || input.roleKey !== undefined;
  const grant = needsMembership
    ? await checkRoleGrant({ ctx, actor, organisationId: input.organisationId, roleKey: input.roleKey, isOrganisationUsable: (org) => canCreatePersonIn(actor, org) })
    : { errors: [], organisation: null, role: null };
  errors.push(...grant.errors);
  if (await adminRepository.isEmailTaken(ctx.db, input.email)) errors.push(EMAIL_TAKEN);
  if (errors.length) throw new ValidationError(errors);
  const { organisation, role } = grant;

  let person: Person;
  try {
    person = await ctx.db.transaction().execute(async (trx) => {
      const id = await adminRepository.insertPerson(trx, { email: input.email, fullName: input.fullName, preferredLocale: locale, isPlatformAdmin });
      if (organisation && role) await adminRepository.insertMembership(trx, { personId: id, organisationId: organisation.id, roleKey: role.key });
      await ctx.audit.record(
        {
          actorPersonId: actor.personId,
          action: 'accounts.person.created',
          entity: 'accounts.person',
          entityId: id,
          regionCode: organisation?.regionCode ?? null,
          organisationId: organisation?.id ?? null,
          details: { roleKey: role?.key ?? null, isPlatformAdmin },
        },
        trx,
      );
      const created = await adminRepository.findPerson(trx, id);
      if (!created) throw new Error('person vanished inside its own transaction');
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError([EMAIL_TAKEN]);
    throw error;
  }
  const isInvitationSent = await sendInvitation(ctx, { person, locale, inviterName: actor.name, organisationName: organisation?.name ?? ctx.config.platformName });
  return { person, isInvitationSent };
}

// The account exists either way: a failed e-mail is reported to the administrator, who can ask for a reset link.
async function sendInvitation(ctx: ModuleContext, options: { person: Person; locale: Locale; inviterName: string; organisationName: string }): Promise<boolean> {
  const { person, locale } = options;
  const values = {
    name: person.fullName,
    inviter: options.inviterName,
    organisation: options.organisationName,
    platform: ctx.config.platformName,
    link: `${ctx.config.baseUrl}/${locale}/password/forgot`,
    email: person.email,
  };
  try {
    await ctx.mailer.send({
      to: person.email,
      subject: ctx.i18n.t(locale, 'accounts.staff.invitation.subject', values),
      text: ctx.i18n.t(locale, 'accounts.staff.invitation.body', values),
    });
    return true;
  } catch (error) {
    // SMTP errors may quote the address: log only their code.
    ctx.logger.error({ code: (error as { code?: unknown }).code ?? 'unknown', personId: person.id }, 'invitation e-mail not sent');
    return false;
  }
}
