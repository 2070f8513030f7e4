import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { organisationRepository } from '../data/organisation-repository.ts';

/**
 * The directory organisation of the one organisation whose profile the person keeps as its operator, made
 * from the accounts organisation on first use (as creating a service would); null when the person keeps
 * none or several (region editors, people in several organisations): they choose from the list.
 */
export async function findOwnOrganisation(options: { db: Db; actor: Actor }): Promise<string | null> {
  const { actor } = options;
  const own = new Set(actor.grants.filter((g) => g.permission === 'directory.organisation.update' && g.scope === 'organisation').map((g) => g.organisationId));
  if (own.size !== 1) return null;
  const membership = actor.memberships.find((m) => own.has(m.organisationId));
  if (!membership) return null;
  return options.db.transaction().execute((trx) =>
    organisationRepository.ensureForAccount(trx, { id: membership.organisationId, name: membership.organisationName, regionCode: membership.regionCode }),
  );
}
