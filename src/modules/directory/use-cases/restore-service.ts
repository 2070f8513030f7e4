import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { moveService } from './move-service.ts';

/** Restores an archived service as a draft (it must be published again). */
export async function restoreService(options: { db: Db; actor: Actor; serviceId: string; at?: Date }): Promise<void> {
  await moveService({ ...options, action: 'restore' });
}
