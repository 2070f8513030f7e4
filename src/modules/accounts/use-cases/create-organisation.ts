import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { adminRepository, type Organisation, type OrganisationValues } from '../data/admin-repository.ts';
import { ORGANISATION_TYPES } from '../permissions.ts';
import { canCreateOrganisation } from '../policy.ts';
import { checkOrganisationPlacement, isUniqueViolation } from './check-organisation-placement.ts';
import type { AdminCall, OrganisationInput } from './inputs.ts';

const NAME_TAKEN: FieldError = { field: 'name', messageKey: 'accounts.staff.errors.organisationNameTaken' };

/** Creates an organisation in a region the actor administers, checked against the territory reference. */
export async function createOrganisation(options: AdminCall & { input: OrganisationInput }): Promise<Organisation> {
  const { ctx, actor, input } = options;
  const values: OrganisationValues = {
    name: input.name ?? '',
    type: input.type ?? '',
    regionCode: input.regionCode ?? '',
    provinceCode: input.provinceCode ?? null,
    municipalityCode: input.municipalityCode ?? null,
    taxCode: input.taxCode ?? null,
    ipaCode: input.ipaCode ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    isActive: input.isActive ?? true,
  };
  const errors: FieldError[] = [];
  if (!(ORGANISATION_TYPES as readonly string[]).includes(values.type)) errors.push({ field: 'type', messageKey: 'validation.enum' });
  else if (values.type === 'region' && !actor.isPlatformAdmin) errors.push({ field: 'type', messageKey: 'accounts.staff.errors.typeNotAllowed' });
  else if (!canCreateOrganisation(actor, values)) errors.push({ field: 'regionCode', messageKey: 'accounts.staff.errors.regionNotAllowed' });
  const placement = await checkOrganisationPlacement({ db: ctx.db, values });
  errors.push(...placement.errors.filter((e) => !errors.some((x) => x.field === e.field)));
  if (errors.length === 0 && (await adminRepository.isOrganisationNameTaken(ctx.db, values.regionCode, values.name))) errors.push(NAME_TAKEN);
  if (errors.length) throw new ValidationError(errors);
  values.provinceCode = placement.provinceCode;

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const id = await adminRepository.insertOrganisation(trx, values);
      await ctx.audit.record(
        { actorPersonId: actor.personId, action: 'accounts.organisation.created', entity: 'accounts.organisation', entityId: id, regionCode: values.regionCode, organisationId: id, details: { type: values.type } },
        trx,
      );
      const created = await adminRepository.findOrganisation(trx, id);
      if (!created) throw new Error('organisation vanished inside its own transaction');
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError([NAME_TAKEN]);
    throw error;
  }
}
