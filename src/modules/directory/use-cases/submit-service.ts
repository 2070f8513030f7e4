import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { moveService } from './move-service.ts';

/** Sends a draft to the region's editors for review. */
export async function submitService(options: { db: Db; actor: Actor; serviceId: string; at?: Date }): Promise<void> {
  await moveService({ ...options, action: 'submit' });
}
