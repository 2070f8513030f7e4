import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import { applicationRepository } from '../data/application-repository.ts';
import { isUuid, loadEditionFor } from './access.ts';

/** The edition of an application a manager may decide, to send them back to its selection screen. */
export async function locateApplication(options: { db: Db; actor: Actor; applicationId: string }): Promise<string> {
  const application = isUuid(options.applicationId) ? await applicationRepository.find(options.db, options.applicationId) : null;
  if (!application) throw new NotFoundError();
  await loadEditionFor(options.db, options.actor, application.editionId, 'manage');
  return application.editionId;
}
