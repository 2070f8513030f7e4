import type { Actor, PermissionDef, RoleDef } from '../../../kernel/auth/actor.ts';
import type { Translate } from '../../../kernel/i18n/messages.ts';
import type { Membership, Organisation, Person } from '../data/admin-repository.ts';
import type { VisiblePerson } from '../use-cases/load-visible-person.ts';
import { canEditPersonProfile } from '../policy.ts';

/** An organisation for the API. */
export function presentOrganisation(org: Organisation) {
  return { ...org, createdAt: org.createdAt.toISOString(), updatedAt: org.updatedAt.toISOString() };
}

/** A membership for the API. */
export function presentMembership(m: Membership) {
  return {
    id: m.id,
    organisationId: m.organisationId,
    organisationName: m.organisationName,
    organisationType: m.organisationType,
    regionCode: m.regionCode,
    roleKey: m.roleKey,
    createdAt: m.createdAt.toISOString(),
  };
}

/** A person in a list: identity and status only. */
export function presentPersonSummary(p: Person) {
  return { id: p.id, email: p.email, fullName: p.fullName, isActive: p.isActive, isPlatformAdmin: p.isPlatformAdmin };
}

/** A person with the memberships the actor may see and what the actor may do. */
export function presentPerson(actor: Actor, visible: VisiblePerson) {
  const { person } = visible;
  return {
    ...presentPersonSummary(person),
    preferredLocale: person.preferredLocale,
    lastLoginAt: person.lastLoginAt?.toISOString() ?? null,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
    isEditable: canEditPersonProfile(actor, visible.ref),
    memberships: visible.visibleMemberships.map(presentMembership),
    hiddenMembershipCount: visible.memberships.length - visible.visibleMemberships.length,
  };
}

/** A role, labelled and with its permissions described in the request's language. */
export function presentRole(t: Translate, role: RoleDef, permissions: PermissionDef[]) {
  return {
    key: role.key,
    label: t(role.labelKey),
    scope: role.scope,
    organisationTypes: role.organisationTypes ?? [],
    permissions: role.permissions.map((key) => {
      const def = permissions.find((p) => p.key === key);
      return { key, description: def ? t(def.descriptionKey) : key };
    }),
  };
}

/** The signed-in person as the API shows them to themselves. */
export function presentMe(actor: Actor) {
  return {
    person: { id: actor.personId, fullName: actor.name, email: actor.email, isPlatformAdmin: actor.isPlatformAdmin },
    memberships: actor.memberships,
    permissions: actor.grants,
  };
}
