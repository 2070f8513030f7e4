import type { Actor, RoleDef } from '../../../kernel/auth/actor.ts';
import type { FieldError } from '../../../kernel/http/errors.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { adminRepository, type Organisation } from '../data/admin-repository.ts';
import { canGrantRole, isRoleAllowedFor } from '../policy.ts';

/**
 * Checks that a role may be given in an organisation by the actor. An organisation beyond reach reads exactly
 * like one that does not exist. Field names: organisationId, roleKey.
 */
export async function checkRoleGrant(options: {
  ctx: ModuleContext;
  actor: Actor;
  organisationId: string | undefined;
  roleKey: string | undefined;
  /** The extra condition on the organisation (e.g. may create people there). */
  isOrganisationUsable(org: Organisation): boolean;
}): Promise<{ errors: FieldError[]; organisation: Organisation | null; role: RoleDef | null }> {
  const { ctx, actor, organisationId, roleKey } = options;
  const errors: FieldError[] = [];
  let organisation: Organisation | null = null;
  if (!organisationId) {
    errors.push({ field: 'organisationId', messageKey: 'validation.required' });
  } else {
    organisation = await adminRepository.findOrganisation(ctx.db, organisationId);
    if (!organisation || !organisation.isActive || !options.isOrganisationUsable(organisation)) {
      errors.push({ field: 'organisationId', messageKey: 'validation.enum' });
      organisation = null;
    }
  }
  const role = roleKey ? (ctx.roles.find((r) => r.key === roleKey) ?? null) : null;
  if (!roleKey) errors.push({ field: 'roleKey', messageKey: 'validation.required' });
  else if (!role) errors.push({ field: 'roleKey', messageKey: 'validation.enum' });
  else if (organisation && !isRoleAllowedFor(role, organisation.type)) errors.push({ field: 'roleKey', messageKey: 'accounts.staff.errors.roleNotForType' });
  else if (organisation && !canGrantRole(actor, role, organisation)) errors.push({ field: 'roleKey', messageKey: 'accounts.staff.errors.roleNotAllowed' });
  return { errors, organisation, role };
}
