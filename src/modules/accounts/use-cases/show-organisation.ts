import { NotFoundError } from '../../../kernel/http/errors.ts';
import { adminRepository, type Member, type Organisation } from '../data/admin-repository.ts';
import { canReadMembersOf, canReadOrganisation } from '../policy.ts';
import type { AdminCall } from './inputs.ts';

/** An organisation the actor may see, with its members when the actor may see people there. */
export async function showOrganisation(options: AdminCall & { organisationId: string }): Promise<{ organisation: Organisation; members: Member[] | null }> {
  const { ctx, actor, organisationId } = options;
  const organisation = await adminRepository.findOrganisation(ctx.db, organisationId);
  if (!organisation || !canReadOrganisation(actor, organisation)) throw new NotFoundError();
  const members = canReadMembersOf(actor, organisation) ? await adminRepository.listMembersOf(ctx.db, organisation.id) : null;
  return { organisation, members };
}
