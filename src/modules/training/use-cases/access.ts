import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { editionRepository } from '../data/edition-repository.ts';
import { pathRepository } from '../data/path-repository.ts';
import type { Application, Edition, Path, Session } from '../data/records.ts';
import { sessionRepository } from '../data/session-repository.ts';
import { editionAbilities, type EditionAbilities } from '../policy.ts';

/** An edition an actor may see, with its path and what they may do in it. */
export interface EditionAccess {
  edition: Edition;
  path: Path;
  abilities: EditionAbilities;
}

/**
 * Loads an edition for a staff page; "not found" when it does not exist or the actor may not see it, or
 * when the page needs managing (`need: 'manage'`) and they only teach it.
 */
export async function loadEditionFor(db: Db, actor: Actor, editionId: string, need: 'see' | 'manage' = 'see', options: { forUpdate?: boolean } = {}): Promise<EditionAccess> {
  const edition = isUuid(editionId) ? await editionRepository.find(db, editionId, options) : null;
  if (!edition) throw new NotFoundError();
  const abilities = editionAbilities(actor, edition);
  if (!abilities.canSee || (need === 'manage' && !abilities.canManage)) throw new NotFoundError();
  const path = await pathRepository.find(db, edition.pathId);
  if (!path) throw new NotFoundError();
  return { edition, path, abilities };
}

/** Loads a session and its edition for a staff page (see loadEditionFor). */
export async function loadSessionFor(db: Db, actor: Actor, sessionId: string, need: 'see' | 'manage' = 'see'): Promise<EditionAccess & { session: Session }> {
  const session = isUuid(sessionId) ? await sessionRepository.find(db, sessionId) : null;
  if (!session) throw new NotFoundError();
  return { ...(await loadEditionFor(db, actor, session.editionId, need)), session };
}

/** Loads one of the actor's own applications; "not found" for anyone else's. */
export async function loadOwnApplication(db: Db, actor: Actor, applicationId: string): Promise<Application> {
  const application = isUuid(applicationId) ? await applicationRepository.find(db, applicationId) : null;
  if (!application || application.personId !== actor.personId) throw new NotFoundError();
  return application;
}

/** Whether a text is a UUID (ids in URLs are checked before they reach the database). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
