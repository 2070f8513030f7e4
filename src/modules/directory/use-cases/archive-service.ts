import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { moveService } from './move-service.ts';

/** Archives a service: it leaves the public side. */
export async function archiveService(options: { db: Db; actor: Actor; serviceId: string; at?: Date }): Promise<void> {
  await moveService({ ...options, action: 'archive' });
}
