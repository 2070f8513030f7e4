import { NotFoundError, ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { adminRepository, type Organisation, type OrganisationValues } from '../data/admin-repository.ts';
import { ORGANISATION_TYPES } from '../permissions.ts';
import { canCreateOrganisation, canReadOrganisation, canUpdateOrganisation, isRoleAllowedFor } from '../policy.ts';
import { checkOrganisationPlacement, isUniqueViolation } from './check-organisation-placement.ts';
import type { AdminCall, OrganisationInput } from './inputs.ts';

const NAME_TAKEN: FieldError = { field: 'name', messageKey: 'accounts.staff.errors.organisationNameTaken' };
const FIELDS = ['name', 'type', 'regionCode', 'provinceCode', 'municipalityCode', 'taxCode', 'ipaCode', 'email', 'website', 'isActive'] as const;

/** Changes an organisation the actor may update; moving it or changing its type is checked like a creation. */
export async function updateOrganisation(options: AdminCall & { organisationId: string; input: OrganisationInput }): Promise<Organisation> {
  const { ctx, actor, organisationId, input } = options;
  const current = await adminRepository.findOrganisation(ctx.db, organisationId);
  if (!current || !canReadOrganisation(actor, current) || !canUpdateOrganisation(actor, current)) throw new NotFoundError();

  const values: OrganisationValues = { ...current };
  for (const field of FIELDS) {
    if (input[field] !== undefined) (values as unknown as Record<string, unknown>)[field] = input[field];
  }
  const errors: FieldError[] = [];
  const isTypeChanged = values.type !== current.type;
  if (!(ORGANISATION_TYPES as readonly string[]).includes(values.type)) errors.push({ field: 'type', messageKey: 'validation.enum' });
  else if (isTypeChanged && (values.type === 'region' || current.type === 'region') && !actor.isPlatformAdmin) {
    errors.push({ field: 'type', messageKey: 'accounts.staff.errors.typeNotAllowed' });
  } else if (isTypeChanged) {
    const heldRoles = await adminRepository.listRoleKeysHeldIn(ctx.db, current.id);
    const isConflicting = ctx.roles.some((role) => heldRoles.includes(role.key) && !isRoleAllowedFor(role, values.type));
    if (isConflicting) errors.push({ field: 'type', messageKey: 'accounts.staff.errors.typeConflictsWithRoles' });
  }
  if (values.regionCode !== current.regionCode && !canCreateOrganisation(actor, values)) {
    errors.push({ field: 'regionCode', messageKey: 'accounts.staff.errors.regionNotAllowed' });
  }
  const placement = await checkOrganisationPlacement({ db: ctx.db, values });
  errors.push(...placement.errors.filter((e) => !errors.some((x) => x.field === e.field)));
  if (errors.length === 0 && (await adminRepository.isOrganisationNameTaken(ctx.db, values.regionCode, values.name, current.id))) errors.push(NAME_TAKEN);
  if (errors.length) throw new ValidationError(errors);
  values.provinceCode = placement.provinceCode;

  const changed = FIELDS.filter((f) => values[f] !== current[f]);
  if (changed.length === 0) return current;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await adminRepository.updateOrganisation(trx, current.id, values);
      await ctx.audit.record(
        { actorPersonId: actor.personId, action: 'accounts.organisation.updated', entity: 'accounts.organisation', entityId: current.id, regionCode: values.regionCode, organisationId: current.id, details: { fields: changed } },
        trx,
      );
      const updated = await adminRepository.findOrganisation(trx, current.id);
      if (!updated) throw new Error('organisation vanished inside its own transaction');
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError([NAME_TAKEN]);
    throw error;
  }
}
