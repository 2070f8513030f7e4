import { NotFoundError } from '../../../kernel/http/errors.ts';
import { adminRepository, type Membership, type Person } from '../data/admin-repository.ts';
import { canReadOrganisation, canReadPerson, type PersonRef } from '../policy.ts';
import type { AdminCall } from './inputs.ts';

/** A person the actor may see, with every membership (for the policy) and the ones the actor may see. */
export interface VisiblePerson {
  person: Person;
  ref: PersonRef;
  memberships: Membership[];
  visibleMemberships: Membership[];
}

/** Loads a person, or throws NotFoundError when they do not exist or are beyond the actor's reach. */
export async function loadVisiblePerson(options: AdminCall & { personId: string }): Promise<VisiblePerson> {
  const { ctx, actor, personId } = options;
  const person = await adminRepository.findPerson(ctx.db, personId);
  if (!person) throw new NotFoundError();
  const memberships = await adminRepository.listMembershipsOf(ctx.db, person.id);
  const ref: PersonRef = { isPlatformAdmin: person.isPlatformAdmin, memberships };
  if (!canReadPerson(actor, ref)) throw new NotFoundError();
  const visibleMemberships = memberships.filter((m) => canReadOrganisation(actor, { id: m.organisationId, type: m.organisationType, regionCode: m.regionCode }));
  return { person, ref, memberships, visibleMemberships };
}

/** The region and organisation to record an audit entry about a person under (only when they are unambiguous). */
export function auditScopeOf(memberships: { organisationId: string; regionCode: string }[]): { regionCode: string | null; organisationId: string | null } {
  const regions = new Set(memberships.map((m) => m.regionCode));
  const organisations = new Set(memberships.map((m) => m.organisationId));
  return {
    regionCode: regions.size === 1 ? [...regions][0]! : null,
    organisationId: organisations.size === 1 ? [...organisations][0]! : null,
  };
}
