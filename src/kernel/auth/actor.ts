/** A permission of the registry, named `module.resource.action`. */
export interface PermissionDef {
  key: string;
  /** Message key describing it, shown on the roles page. */
  descriptionKey: string;
}

/** Where a grant applies: the organisation of the membership, its whole region, or all of Italy. */
export type GrantScope = 'organisation' | 'region' | 'national';

/** A role: a named set of permissions applied at one scope. */
export interface RoleDef {
  key: string;
  labelKey: string;
  scope: GrantScope;
  permissions: string[];
  /** Organisation types that may hold this role (empty: any). */
  organisationTypes?: string[];
}

/** One permission granted to a person through a membership. */
export interface Grant {
  permission: string;
  scope: GrantScope;
  organisationId: string;
  regionCode: string;
}

/** A person's membership of an organisation, as shown in the interface. */
export interface ActorMembership {
  organisationId: string;
  organisationName: string;
  regionCode: string;
  roleKey: string;
}

/** The authenticated person behind a request, with everything authorization needs. */
export interface Actor {
  personId: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  hasTotp: boolean;
  memberships: ActorMembership[];
  grants: Grant[];
}

/** Turns a person id (from a session) into an Actor, or null when the person is gone or disabled. */
export type ActorLoader = (personId: string) => Promise<Actor | null>;

/** The record an action touches: its organisation and region. */
export interface Target {
  organisationId?: string | null;
  regionCode?: string | null;
}

function grantCovers(grant: Grant, target: Target | undefined): boolean {
  if (grant.scope === 'national') return true;
  if (!target) return true;
  if (grant.scope === 'region') return target.regionCode != null && target.regionCode === grant.regionCode;
  return target.organisationId != null && target.organisationId === grant.organisationId;
}

/** Whether the actor holds the permission for the target (or anywhere, without a target). */
export function can(actor: Actor | null | undefined, permission: string, target?: Target): boolean {
  if (!actor) return false;
  if (actor.isPlatformAdmin) return true;
  return actor.grants.some((g) => g.permission === permission && grantCovers(g, target));
}

/** Where an actor may use a permission, for filtering lists in SQL. */
export type Reach = { all: true } | { all: false; regionCodes: string[]; organisationIds: string[] };

/** The regions and organisations over which the actor holds the permission. */
export function reachOf(actor: Actor | null | undefined, permission: string): Reach {
  if (actor?.isPlatformAdmin) return { all: true };
  const regionCodes = new Set<string>();
  const organisationIds = new Set<string>();
  for (const g of actor?.grants ?? []) {
    if (g.permission !== permission) continue;
    if (g.scope === 'national') return { all: true };
    if (g.scope === 'region') regionCodes.add(g.regionCode);
    else organisationIds.add(g.organisationId);
  }
  return { all: false, regionCodes: [...regionCodes], organisationIds: [...organisationIds] };
}

/** Whether a reach covers nothing at all. */
export function isEmptyReach(reach: Reach): boolean {
  return !reach.all && reach.regionCodes.length === 0 && reach.organisationIds.length === 0;
}
