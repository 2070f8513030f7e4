import type { Db } from '../../../kernel/db/database.ts';
import type { Group } from './records.ts';
import { trainingDb } from './tables.ts';

/** Learning groups of an edition. */
export const groupRepository = {
  /** Replaces an edition's groups with new ones (member application ids per group, numbered from 1). */
  async replace(db: Db, editionId: string, groups: string[][]): Promise<void> {
    await trainingDb(db).deleteFrom('training_groups').where('edition_id', '=', editionId).execute();
    for (const [index, members] of groups.entries()) {
      const row = await trainingDb(db).insertInto('training_groups').values({ edition_id: editionId, number: index + 1 }).returning('id').executeTakeFirstOrThrow();
      if (members.length) {
        await trainingDb(db)
          .insertInto('training_group_members')
          .values(members.map((applicationId) => ({ application_id: applicationId, group_id: row.id })))
          .execute();
      }
    }
  },

  /** An edition's groups with their members, by number. */
  async listByEdition(db: Db, editionId: string): Promise<Group[]> {
    const rows = await trainingDb(db)
      .selectFrom('training_groups as g')
      .leftJoin('training_group_members as m', 'm.group_id', 'g.id')
      .select(['g.id', 'g.number', 'm.application_id'])
      .where('g.edition_id', '=', editionId)
      .orderBy('g.number')
      .orderBy('m.application_id')
      .execute();
    const groups = new Map<string, Group>();
    for (const row of rows) {
      const group = groups.get(row.id) ?? { id: row.id, number: row.number, memberIds: [] };
      if (row.application_id) group.memberIds.push(row.application_id);
      groups.set(row.id, group);
    }
    return [...groups.values()];
  },

  /** Moves a participant into a group (out of the one they were in). */
  async moveMember(db: Db, applicationId: string, groupId: string): Promise<void> {
    await trainingDb(db)
      .insertInto('training_group_members')
      .values({ application_id: applicationId, group_id: groupId })
      .onConflict((oc) => oc.column('application_id').doUpdateSet({ group_id: groupId }))
      .execute();
  },

  /** Takes a participant out of their group (after a withdrawal). */
  async removeMember(db: Db, applicationId: string): Promise<void> {
    await trainingDb(db).deleteFrom('training_group_members').where('application_id', '=', applicationId).execute();
  },

  /** Whether group work already exists (submissions or peer reviews), which re-forming would orphan. */
  async hasGroupWork(db: Db, editionId: string): Promise<boolean> {
    const submission = await trainingDb(db)
      .selectFrom('training_submissions as s')
      .innerJoin('training_groups as g', 'g.id', 's.group_id')
      .select('s.id')
      .where('g.edition_id', '=', editionId)
      .executeTakeFirst();
    if (submission) return true;
    const review = await trainingDb(db).selectFrom('training_peer_reviews').select('reviewer_id').where('edition_id', '=', editionId).executeTakeFirst();
    return review !== undefined;
  },
};
