import { NotFoundError, ValidationError } from '../../../kernel/http/errors.ts';
import { adminRepository } from '../data/admin-repository.ts';
import { canGrantRole } from '../policy.ts';
import type { AdminCall } from './inputs.ts';
import { loadVisiblePerson } from './load-visible-person.ts';

/**
 * Takes a role away: only someone who could grant it may remove it. The last membership stays unless a
 * platform administrator removes it (otherwise the person would fall out of every administrator's sight).
 */
export async function removeMembership(options: AdminCall & { personId: string; membershipId: string }): Promise<void> {
  const { ctx, actor, personId, membershipId } = options;
  const { person, memberships, visibleMemberships } = await loadVisiblePerson({ ctx, actor, personId });
  const membership = visibleMemberships.find((m) => m.id === membershipId);
  const role = membership ? ctx.roles.find((r) => r.key === membership.roleKey) : undefined;
  if (!membership) throw new NotFoundError();
  const org = { id: membership.organisationId, type: membership.organisationType, regionCode: membership.regionCode };
  const isRemovable = role ? canGrantRole(actor, role, org) : actor.isPlatformAdmin;
  if (!isRemovable) throw new NotFoundError();
  if (memberships.length === 1 && !actor.isPlatformAdmin) {
    throw new ValidationError([{ field: 'membershipId', messageKey: 'accounts.staff.errors.lastMembership' }]);
  }

  await ctx.db.transaction().execute(async (trx) => {
    await adminRepository.deleteMembership(trx, membership.id);
    await ctx.audit.record(
      {
        actorPersonId: actor.personId,
        action: 'accounts.membership.removed',
        entity: 'accounts.membership',
        entityId: membership.id,
        regionCode: membership.regionCode,
        organisationId: membership.organisationId,
        details: { personId: person.id, roleKey: membership.roleKey },
      },
      trx,
    );
  });
}
