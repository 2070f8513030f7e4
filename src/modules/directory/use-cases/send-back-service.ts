import type { Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { moveService } from './move-service.ts';

/** Sends a service in review back to draft, with a note telling the operator what to change. */
export async function sendBackService(options: { db: Db; actor: Actor; serviceId: string; note: string; at?: Date }): Promise<void> {
  await moveService({ ...options, action: 'sendBack' });
}
