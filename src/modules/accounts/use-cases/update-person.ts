import { sessions } from '../../../kernel/auth/sessions.ts';
import { NotFoundError, ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { isLocale } from '../../../kernel/i18n/locales.ts';
import { adminRepository, type Person } from '../data/admin-repository.ts';
import { canEditPersonProfile, canSetPlatformAdmin } from '../policy.ts';
import { isUniqueViolation } from './check-organisation-placement.ts';
import type { AdminCall, PersonChanges } from './inputs.ts';
import { auditScopeOf, loadVisiblePerson } from './load-visible-person.ts';

const EMAIL_TAKEN: FieldError = { field: 'email', messageKey: 'accounts.staff.errors.emailTaken' };
const FIELDS = ['fullName', 'email', 'preferredLocale', 'isActive', 'isPlatformAdmin'] as const;

/** Changes a person's name, e-mail, language, active flag or platform role; disabling ends their sessions. */
export async function updatePerson(options: AdminCall & { personId: string; changes: PersonChanges }): Promise<Person> {
  const { ctx, actor, personId, changes } = options;
  const { person, ref, memberships } = await loadVisiblePerson({ ctx, actor, personId });
  if (!canEditPersonProfile(actor, ref)) throw new NotFoundError();

  const next = { ...person };
  for (const field of FIELDS) {
    if (changes[field] !== undefined) (next as Record<string, unknown>)[field] = changes[field];
  }
  const errors: FieldError[] = [];
  const isSelf = person.id === actor.personId;
  if (!isLocale(next.preferredLocale)) errors.push({ field: 'preferredLocale', messageKey: 'validation.enum' });
  if (next.isPlatformAdmin !== person.isPlatformAdmin && !canSetPlatformAdmin(actor)) {
    errors.push({ field: 'isPlatformAdmin', messageKey: 'accounts.staff.errors.platformAdminNotAllowed' });
  } else if (isSelf && person.isPlatformAdmin && !next.isPlatformAdmin) {
    errors.push({ field: 'isPlatformAdmin', messageKey: 'accounts.staff.errors.cannotDemoteSelf' });
  }
  if (isSelf && !next.isActive) errors.push({ field: 'isActive', messageKey: 'accounts.staff.errors.cannotDisableSelf' });
  const isEmailChanged = next.email.toLowerCase() !== person.email.toLowerCase();
  if (isEmailChanged && (await adminRepository.isEmailTaken(ctx.db, next.email, person.id))) errors.push(EMAIL_TAKEN);
  if (errors.length) throw new ValidationError(errors);

  const changed = FIELDS.filter((f) => next[f] !== person[f]);
  if (changed.length === 0) return person;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await adminRepository.updatePerson(trx, person.id, next);
      if (person.isActive && !next.isActive) await sessions.destroyAllOf(trx, person.id);
      await ctx.audit.record(
        { actorPersonId: actor.personId, action: 'accounts.person.updated', entity: 'accounts.person', entityId: person.id, ...auditScopeOf(memberships), details: { fields: changed } },
        trx,
      );
      const updated = await adminRepository.findPerson(trx, person.id);
      if (!updated) throw new Error('person vanished inside its own transaction');
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError([EMAIL_TAKEN]);
    throw error;
  }
}
