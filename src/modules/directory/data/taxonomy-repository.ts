import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { NeedTermRow } from '../reference/needs-taxonomy.ts';
import { directoryDb } from './repository.ts';

/** A taxonomy term as staff and public pages list it. */
export interface TermItem {
  id: string;
  code: string | null;
  name: TranslatedText;
  description: TranslatedText;
  parentId: string | null;
  position: number;
}

/** Taxonomy reads and the reference load of the needs taxonomy. */
export const taxonomyRepository = {
  /** Inserts or updates the needs taxonomy and its terms (reference data, idempotent). */
  async upsertNeeds(
    db: Db,
    taxonomy: { id: string; name: TranslatedText; description: TranslatedText; uri: null; version: string },
    terms: NeedTermRow[],
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const d = directoryDb(trx);
      await d
        .insertInto('directory_taxonomies')
        .values(taxonomy)
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), description: eb.ref('excluded.description'), version: eb.ref('excluded.version') })))
        .execute();
      await d
        .insertInto('directory_taxonomy_terms')
        .values(terms)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            code: eb.ref('excluded.code'),
            name: eb.ref('excluded.name'),
            description: eb.ref('excluded.description'),
            parent_id: eb.ref('excluded.parent_id'),
            taxonomy: eb.ref('excluded.taxonomy'),
            language: eb.ref('excluded.language'),
            taxonomy_id: eb.ref('excluded.taxonomy_id'),
            position: eb.ref('excluded.position'),
          })),
        )
        .execute();
    });
  },

  /** Every term of a taxonomy, parents first, in display order. */
  async listTerms(db: Db, taxonomyId: string): Promise<TermItem[]> {
    const rows = await directoryDb(db)
      .selectFrom('directory_taxonomy_terms')
      .select(['id', 'code', 'name', 'description', 'parent_id', 'position'])
      .where('taxonomy_id', '=', taxonomyId)
      .orderBy(sql`parent_id is not null`)
      .orderBy('position')
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, description: r.description, parentId: r.parent_id, position: r.position }));
  },

  /** Every term's code by id (for readable change logs). */
  async termCodes(db: Db): Promise<Map<string, string>> {
    const rows = await directoryDb(db).selectFrom('directory_taxonomy_terms').select(['id', 'code']).execute();
    return new Map(rows.map((r) => [r.id, r.code ?? r.id]));
  },
};
