import { sql, type Updateable } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { Reach } from '../../../kernel/auth/actor.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { SERVICE_TEXT_FIELDS, type ServiceTextField } from '../domain/flatten.ts';
import { directoryDb, type ServiceTable } from './repository.ts';
import { withinReach } from './service-repository.ts';

/** A service whose texts need work in one language. */
export interface TranslationCandidate {
  id: string;
  name: TranslatedText;
  organisationName: TranslatedText;
  originalLocale: string;
  workflowState: string;
  texts: Record<ServiceTextField, TranslatedText | null>;
  documents: { id: string; document: TranslatedText | null }[];
}

// A field needs work in a language when it has text but not in that language, or only an outdated one.
const gap = (column: string, locale: Locale) =>
  sql<boolean>`(${sql.ref(column)} is not null and (${sql.ref(column)} -> ${locale} is null or ${sql.ref(column)} -> ${locale} ->> 'status' = 'outdated'))`;

/** Reads for the translators' view. */
export const translationRepository = {
  /** Services within a reach (not archived, written in another language) with a missing or outdated text in a language. */
  async listCandidates(db: Db, filter: { reach: Reach; locale: Locale; limit: number; offset: number }): Promise<{ items: TranslationCandidate[]; total: number }> {
    const { locale } = filter;
    const fieldGaps = SERVICE_TEXT_FIELDS.map((f) => gap(`s.${f}`, locale));
    const documentGap = sql<boolean>`exists (select 1 from directory_required_documents d where d.service_id = s.id and ${gap('d.document', locale)})`;
    const q = directoryDb(db)
      .selectFrom('directory_services as s')
      .innerJoin('directory_organisations as o', 'o.id', 's.organization_id')
      .where(withinReach(filter.reach))
      .where('s.workflow_state', '<>', 'archived')
      .where('s.original_locale', '<>', locale)
      .where(sql<boolean>`(${sql.join([...fieldGaps, documentGap], sql` or `)})`);
    const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
    const rows = await q
      .select(['s.id', 's.name', 'o.name as organisationName', 's.original_locale as originalLocale', 's.workflow_state as workflowState', ...SERVICE_TEXT_FIELDS.map((f) => `s.${f}` as const)])
      .orderBy('s.is_public', 'desc')
      .orderBy('s.updated_at', 'desc')
      .orderBy('s.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    const ids = rows.map((r) => r.id);
    const documents = ids.length
      ? await directoryDb(db).selectFrom('directory_required_documents').select(['id', 'service_id', 'document']).where('service_id', 'in', ids).orderBy('position').orderBy('id').execute()
      : [];
    const items = rows.map((r) => ({
      id: r.id,
      name: r.name,
      organisationName: r.organisationName,
      originalLocale: r.originalLocale,
      workflowState: r.workflowState,
      texts: Object.fromEntries(SERVICE_TEXT_FIELDS.map((f) => [f, r[f]])) as Record<ServiceTextField, TranslatedText | null>,
      documents: documents.filter((d) => d.service_id === r.id).map((d) => ({ id: d.id, document: d.document })),
    }));
    return { items, total: Number(total?.n ?? 0) };
  },

  /** Writes translated texts of a service and of its documents. */
  async writeTexts(db: Db, serviceId: string, texts: Partial<Record<ServiceTextField, TranslatedText | null>>, documents: { id: string; document: TranslatedText | null }[]): Promise<void> {
    if (Object.keys(texts).length) await directoryDb(db).updateTable('directory_services').set(texts as Updateable<ServiceTable>).where('id', '=', serviceId).execute();
    for (const doc of documents) {
      await directoryDb(db).updateTable('directory_required_documents').set({ document: doc.document }).where('id', '=', doc.id).where('service_id', '=', serviceId).execute();
    }
  },
};
