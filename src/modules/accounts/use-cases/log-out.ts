import type { ModuleContext } from '../../../kernel/module.ts';
import { sessions, type SessionRecord } from '../../../kernel/auth/sessions.ts';

/** Ends a session (the browser's cookie then opens nothing). */
export async function logOut(options: { ctx: ModuleContext; session: SessionRecord | null }): Promise<void> {
  const { ctx, session } = options;
  if (!session) return;
  await ctx.db.transaction().execute(async (trx) => {
    await sessions.destroy(trx, session.idHash);
    await ctx.audit.record({ actorPersonId: session.personId, action: 'accounts.logout', entity: 'accounts.person', entityId: session.personId }, trx);
  });
}
