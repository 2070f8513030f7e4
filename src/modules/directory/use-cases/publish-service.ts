import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { moveService } from './move-service.ts';

/** Publishes the working copy of a service: it becomes what the public sees. */
export async function publishService(options: { db: Db; actor: Actor; serviceId: string; at?: Date }): Promise<void> {
  await moveService({ ...options, action: 'publish' });
}
