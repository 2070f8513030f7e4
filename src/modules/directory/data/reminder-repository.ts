import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import { accountsPeople } from '../../accounts/index.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { directoryDb } from './repository.ts';

/** A stale service due for a reminder to its owners. */
export interface StaleService {
  id: string;
  name: TranslatedText;
  organisationId: string;
  accountOrganisationId: string | null;
  organisationEmail: string | null;
  lastVerifiedAt: Date | null;
}

/** A person to remind: an operator of the owning organisation. */
export interface Recipient {
  accountOrganisationId: string;
  email: string;
  preferredLocale: string;
}

/** Reads and writes of the stale-records reminder job. */
export const reminderRepository = {
  /** Services (not archived) unverified since before the cut-off and not reminded since then either. */
  async listDue(db: Db, cutOff: Date, limit: number): Promise<StaleService[]> {
    return directoryDb(db)
      .selectFrom('directory_services as s')
      .innerJoin('directory_organisations as o', 'o.id', 's.organization_id')
      .select([
        's.id',
        's.name',
        's.organization_id as organisationId',
        'o.account_organisation_id as accountOrganisationId',
        'o.email as organisationEmail',
        's.last_verified_at as lastVerifiedAt',
      ])
      .where('s.workflow_state', '<>', 'archived')
      .where(sql<boolean>`coalesce(s.last_verified_at, s.created_at) < ${cutOff}`)
      .where((eb) => eb.or([eb('s.verification_reminded_at', 'is', null), eb('s.verification_reminded_at', '<', cutOff)]))
      .orderBy('s.organization_id')
      .orderBy(sql`coalesce(s.last_verified_at, s.created_at)`)
      .limit(limit)
      .execute();
  },

  /** The active people holding the directory operator role in these accounts organisations, and the organisations' own e-mail addresses (from the accounts module). */
  async listRecipients(db: Db, accountOrganisationIds: string[]): Promise<{ operators: Recipient[]; organisationEmails: Map<string, string> }> {
    const members = await accountsPeople.listMembersWithRole(db, { organisationIds: accountOrganisationIds, roleKey: 'directory_operator' });
    const operators = members.map((m) => ({ accountOrganisationId: m.organisationId, email: m.email, preferredLocale: m.preferredLocale ?? 'it' }));
    return { operators, organisationEmails: await accountsPeople.organisationEmails(db, accountOrganisationIds) };
  },

  async markReminded(db: Db, serviceIds: string[], at: Date): Promise<void> {
    if (serviceIds.length) await directoryDb(db).updateTable('directory_services').set({ verification_reminded_at: at }).where('id', 'in', serviceIds).execute();
  },
};
