import { can, type Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { ConflictError, NotFoundError } from '../../../kernel/http/errors.ts';
import { serviceRepository, type ServiceHeader } from '../data/service-repository.ts';
import { abilitiesFor, targetOf, type ServiceAbilities } from '../policy.ts';

const PERMISSION_OF: Record<Exclude<keyof ServiceAbilities, 'canRead'>, string> = {
  canUpdate: 'directory.service.update',
  canSubmit: 'directory.service.submit',
  canPublish: 'directory.service.publish',
  canSendBack: 'directory.service.publish',
  canArchive: 'directory.service.archive',
  canRestore: 'directory.service.archive',
  canVerify: 'directory.service.verify',
  canTranslate: 'directory.translation.update',
};

/** A service the person may see, with what they may do to it. */
export interface VisibleService {
  header: ServiceHeader;
  abilities: ServiceAbilities;
}

/** Loads a service the person may see; anything else is "not found". */
export async function loadVisibleService(db: Db, actor: Actor, serviceId: string): Promise<VisibleService> {
  const header = /^[0-9a-f-]{36}$/i.test(serviceId) ? await serviceRepository.findHeader(db, serviceId) : null;
  if (!header) throw new NotFoundError();
  const abilities = abilitiesFor(actor, header);
  if (!abilities.canRead) throw new NotFoundError();
  return { header, abilities };
}

/**
 * Loads a service for an action: "not found" when the person may not do it at all, a conflict when
 * they could but the service is in the wrong state (e.g. submitting what is already in review).
 */
export async function loadServiceFor(db: Db, actor: Actor, serviceId: string, ability: Exclude<keyof ServiceAbilities, 'canRead'>): Promise<VisibleService> {
  const visible = await loadVisibleService(db, actor, serviceId);
  if (visible.abilities[ability]) return visible;
  if (can(actor, PERMISSION_OF[ability], targetOf(visible.header))) {
    throw new ConflictError([], 'directory.staff.errors.wrongState', { state: visible.header.workflowState });
  }
  throw new NotFoundError();
}
