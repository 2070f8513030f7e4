import { can, reachOf, type Actor, type RoleDef } from '../../kernel/auth/actor.ts';
import { ORGANISATION_TYPES, type OrganisationType } from './permissions.ts';

/** An organisation as the policy needs it. */
export interface OrganisationRef {
  id: string;
  type: string;
  regionCode: string;
}

/** One membership of a person, with where its organisation sits. */
export interface MembershipRef {
  organisationId: string;
  regionCode: string;
}

/** A person as the policy needs it: platform administrator or not, and every membership. */
export interface PersonRef {
  isPlatformAdmin: boolean;
  memberships: MembershipRef[];
}

// Whoever may hand out this permission at region level appoints the administrators of a region: a national decision.
const ADMINISTRATION_PERMISSION = 'accounts.membership.manage';

const targetOf = (org: OrganisationRef) => ({ organisationId: org.id, regionCode: org.regionCode });

/** Whether the actor holds a permission at region or national scope over a region (not just in one organisation). */
function holdsOverRegion(actor: Actor, permission: string, regionCode: string): boolean {
  if (actor.isPlatformAdmin) return true;
  return actor.grants.some((g) => g.permission === permission && (g.scope === 'national' || (g.scope === 'region' && g.regionCode === regionCode)));
}

/** Whether the actor holds a permission over the whole country. */
function holdsNationally(actor: Actor, permission: string): boolean {
  return reachOf(actor, permission).all;
}

/** Whether the actor may enter the administration area at all (people are its core). */
export function canEnterAdministration(actor: Actor | null): boolean {
  return can(actor, 'accounts.person.read');
}

/** Whether the actor may see an organisation. */
export function canReadOrganisation(actor: Actor, org: OrganisationRef): boolean {
  return can(actor, 'accounts.organisation.read', targetOf(org));
}

/** Whether the actor may edit an organisation's details. */
export function canUpdateOrganisation(actor: Actor, org: OrganisationRef): boolean {
  return can(actor, 'accounts.organisation.update', targetOf(org));
}

/** Whether the actor may create an organisation of a type in a region: regions only by platform administrators. */
export function canCreateOrganisation(actor: Actor, placement: { type: string; regionCode: string }): boolean {
  if (placement.type === 'region') return actor.isPlatformAdmin;
  return can(actor, 'accounts.organisation.create', { regionCode: placement.regionCode });
}

/** Whether the actor may create organisations somewhere (shows the "new organisation" button). */
export function canCreateAnyOrganisation(actor: Actor): boolean {
  return can(actor, 'accounts.organisation.create');
}

/** The organisation types the actor may create. */
export function creatableOrganisationTypes(actor: Actor): OrganisationType[] {
  return ORGANISATION_TYPES.filter((type) => type !== 'region' || actor.isPlatformAdmin);
}

/** Whether the actor may see members of an organisation. */
export function canReadMembersOf(actor: Actor, org: OrganisationRef): boolean {
  return can(actor, 'accounts.person.read', targetOf(org));
}

/** Whether the actor may see a person: at least one membership in an organisation whose people they may read. */
export function canReadPerson(actor: Actor, person: PersonRef): boolean {
  if (person.memberships.length === 0) return holdsNationally(actor, 'accounts.person.read');
  return person.memberships.some((m) => can(actor, 'accounts.person.read', m));
}

/**
 * Whether the actor may change a person's name, e-mail, language and active flag: every membership of the
 * person must be within the actor's reach, and only platform administrators edit platform administrators.
 */
export function canEditPersonProfile(actor: Actor, person: PersonRef): boolean {
  if (person.isPlatformAdmin && !actor.isPlatformAdmin) return false;
  if (person.memberships.length === 0) return holdsNationally(actor, 'accounts.person.update');
  return person.memberships.every((m) => can(actor, 'accounts.person.update', m));
}

/** Whether the actor may create a person whose first membership is in this organisation. */
export function canCreatePersonIn(actor: Actor, org: OrganisationRef): boolean {
  return can(actor, 'accounts.person.create', targetOf(org));
}

/** Whether the actor may create people somewhere. */
export function canCreateAnyPerson(actor: Actor): boolean {
  return can(actor, 'accounts.person.create');
}

/** Only platform administrators make (or unmake) platform administrators. */
export function canSetPlatformAdmin(actor: Actor): boolean {
  return actor.isPlatformAdmin;
}

/** Whether the actor manages memberships of an organisation (before looking at the role). */
export function canManageMembershipsOf(actor: Actor, org: OrganisationRef): boolean {
  return can(actor, 'accounts.membership.manage', targetOf(org));
}

/** Whether a role may be held in an organisation of this type. */
export function isRoleAllowedFor(role: RoleDef, organisationType: string): boolean {
  return !role.organisationTypes || role.organisationTypes.length === 0 || role.organisationTypes.includes(organisationType);
}

/**
 * Whether the actor may give (or take away) a role in an organisation: they manage the organisation's
 * memberships, the role fits the organisation's type, and they hold every permission of the role at the
 * role's scope (no escalation). Region-wide administrative roles and national roles: platform level only.
 */
export function canGrantRole(actor: Actor, role: RoleDef, org: OrganisationRef): boolean {
  if (!canManageMembershipsOf(actor, org) || !isRoleAllowedFor(role, org.type)) return false;
  // A regional administrator staffs the region: they give any module's organisation or region role there
  // (an operator, an editor, an analyst), but never the administration of the region itself.
  const isRegionAdministrator = holdsOverRegion(actor, ADMINISTRATION_PERMISSION, org.regionCode);
  switch (role.scope) {
    case 'organisation':
      return isRegionAdministrator || role.permissions.every((p) => can(actor, p, targetOf(org)));
    case 'region':
      if (role.permissions.includes(ADMINISTRATION_PERMISSION) && !holdsNationally(actor, ADMINISTRATION_PERMISSION)) return false;
      return isRegionAdministrator || role.permissions.every((p) => holdsOverRegion(actor, p, org.regionCode));
    case 'national':
      return actor.isPlatformAdmin;
  }
}

/** The roles the actor may give in an organisation. */
export function grantableRoles(actor: Actor, roles: RoleDef[], org: OrganisationRef): RoleDef[] {
  return roles.filter((role) => canGrantRole(actor, role, org));
}

/** Whether the actor may read an audit entry, by the region and organisation it was recorded under. */
export function canReadAuditEntry(actor: Actor, entry: { regionCode: string | null; organisationId: string | null }): boolean {
  if (entry.regionCode === null && entry.organisationId === null) return holdsNationally(actor, 'accounts.audit.read');
  return can(actor, 'accounts.audit.read', entry);
}

/** Whether the actor may read the roles page. */
export function canReadRoles(actor: Actor): boolean {
  return can(actor, 'accounts.role.read');
}

/** Whether the actor may read the audit log somewhere. */
export function canReadAudit(actor: Actor): boolean {
  return can(actor, 'accounts.audit.read');
}
