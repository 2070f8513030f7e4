import { reachOf, type RoleDef } from '../../../kernel/auth/actor.ts';
import { adminRepository } from '../data/admin-repository.ts';
import { canGrantRole } from '../policy.ts';
import type { AdminCall } from './inputs.ts';

/** An organisation offered in a membership form. */
export interface OrganisationChoice {
  id: string;
  name: string;
  type: string;
  regionCode: string;
}

/**
 * What a membership form may offer: the organisations where the actor can give at least one role (and,
 * for a new person, create people), and the roles the actor can give in at least one of them.
 */
export async function listGrantChoices(options: AdminCall & { purpose: 'new-person' | 'membership' }): Promise<{ organisations: OrganisationChoice[]; roles: RoleDef[] }> {
  const { ctx, actor, purpose } = options;
  const permission = purpose === 'new-person' ? 'accounts.person.create' : 'accounts.membership.manage';
  const candidates = await adminRepository.listOrganisationChoices(ctx.db, reachOf(actor, permission));
  const organisations = candidates.filter((org) => ctx.roles.some((role) => canGrantRole(actor, role, org)));
  const roles = ctx.roles.filter((role) => organisations.some((org) => canGrantRole(actor, role, org)));
  return { organisations, roles };
}
