import { ValidationError } from '../../../kernel/http/errors.ts';
import { adminRepository, type Membership } from '../data/admin-repository.ts';
import { canManageMembershipsOf } from '../policy.ts';
import { checkRoleGrant } from './check-role-grant.ts';
import type { AdminCall, MembershipInput } from './inputs.ts';
import { loadVisiblePerson } from './load-visible-person.ts';

/** Gives a person a role in an organisation, when the policy lets the actor grant it there. */
export async function addMembership(options: AdminCall & { personId: string; input: MembershipInput }): Promise<Membership> {
  const { ctx, actor, personId, input } = options;
  const { person } = await loadVisiblePerson({ ctx, actor, personId });
  const { errors, organisation, role } = await checkRoleGrant({
    ctx,
    actor,
    organisationId: input.organisationId,
    roleKey: input.roleKey,
    isOrganisationUsable: (org) => canManageMembershipsOf(actor, org),
  });
  if (errors.length || !organisation || !role) throw new ValidationError(errors);

  return ctx.db.transaction().execute(async (trx) => {
    const id = await adminRepository.insertMembership(trx, { personId: person.id, organisationId: organisation.id, roleKey: role.key });
    if (!id) throw new ValidationError([{ field: 'roleKey', messageKey: 'accounts.staff.errors.membershipExists' }]);
    await ctx.audit.record(
      {
        actorPersonId: actor.personId,
        action: 'accounts.membership.added',
        entity: 'accounts.membership',
        entityId: id,
        regionCode: organisation.regionCode,
        organisationId: organisation.id,
        details: { personId: person.id, roleKey: role.key },
      },
      trx,
    );
    const added = (await adminRepository.listMembershipsOf(trx, person.id)).find((m) => m.id === id);
    if (!added) throw new Error('membership vanished inside its own transaction');
    return added;
  });
}
