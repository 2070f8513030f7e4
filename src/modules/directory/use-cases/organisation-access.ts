import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { organisationRepository, type OrganisationProfile } from '../data/organisation-repository.ts';
import { organisationAbilitiesFor, type OrganisationAbilities } from '../policy.ts';

/** An organisation profile the person may see, with what they may do to it. */
export interface VisibleOrganisation {
  profile: OrganisationProfile;
  abilities: OrganisationAbilities;
}

/** Loads an organisation's profile for reading or editing; anything the person may not do is "not found". */
export async function loadOrganisationFor(db: Db, actor: Actor, organisationId: string, ability: keyof OrganisationAbilities): Promise<VisibleOrganisation> {
  const profile = /^[0-9a-f-]{36}$/i.test(organisationId) ? await organisationRepository.findProfile(db, organisationId) : null;
  if (!profile) throw new NotFoundError();
  const abilities = organisationAbilitiesFor(actor, profile);
  if (!abilities[ability]) throw new NotFoundError();
  return { profile, abilities };
}
