import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { directoryDb } from './repository.ts';

/** A weekly opening range: a weekday (MO…SU) and two 'HH:MM' times. */
export interface WeeklyRange {
  day: string;
  opens: string;
  closes: string;
}

/** A closure or special-hours period. */
export interface ExceptionInput {
  startsOn: string;
  endsOn: string;
  isClosed: boolean;
  opensAt: string | null;
  closesAt: string | null;
  reason: TranslatedText | null;
}

const hhmm = (time: string | null) => (time ?? '').slice(0, 5);

/**
 * What a service owns besides its own columns. Each `replace…` keeps the rows that did not change,
 * so HSDS identifiers stay stable across edits.
 */
export const servicePartsRepository = {
  async listDocuments(db: Db, serviceId: string) {
    return directoryDb(db).selectFrom('directory_required_documents').selectAll().where('service_id', '=', serviceId).orderBy('position').orderBy('id').execute();
  },

  /** Sets the documents to bring, in order (texts already merged with their translations). */
  async replaceDocuments(db: Db, serviceId: string, documents: TranslatedText[]): Promise<void> {
    const d = directoryDb(db);
    const existing = await this.listDocuments(db, serviceId);
    for (const [position, document] of documents.entries()) {
      const row = existing[position];
      if (row) await d.updateTable('directory_required_documents').set({ document, position }).where('id', '=', row.id).execute();
      else await d.insertInto('directory_required_documents').values({ service_id: serviceId, document, position }).execute();
    }
    const extra = existing.slice(documents.length).map((r) => r.id);
    if (extra.length) await d.deleteFrom('directory_required_documents').where('id', 'in', extra).execute();
  },

  /** Phones of the service itself (not of a location or contact). */
  async listPhones(db: Db, serviceId: string) {
    return directoryDb(db)
      .selectFrom('directory_phones')
      .selectAll()
      .where('service_id', '=', serviceId)
      .where('location_id', 'is', null)
      .where('contact_id', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute();
  },

  async replacePhones(db: Db, serviceId: string, phones: { number: string; description: TranslatedText | null }[]): Promise<void> {
    const d = directoryDb(db);
    const existing = await this.listPhones(db, serviceId);
    for (const [position, phone] of phones.entries()) {
      const row = existing[position];
      const values = { number: phone.number, description: phone.description, type: 'voice', position };
      if (row) await d.updateTable('directory_phones').set(values).where('id', '=', row.id).execute();
      else await d.insertInto('directory_phones').values({ ...values, service_id: serviceId }).execute();
    }
    const extra = existing.slice(phones.length).map((r) => r.id);
    if (extra.length) await d.deleteFrom('directory_phones').where('id', 'in', extra).execute();
  },

  async listLanguages(db: Db, serviceId: string) {
    return directoryDb(db).selectFrom('directory_languages').selectAll().where('service_id', '=', serviceId).orderBy('code').execute();
  },

  /** Sets the languages spoken at the service (ISO 639 codes with their English names). */
  async replaceLanguages(db: Db, serviceId: string, languages: { code: string; name: string }[]): Promise<void> {
    const d = directoryDb(db);
    const existing = await this.listLanguages(db, serviceId);
    const wanted = new Set(languages.map((l) => l.code));
    const gone = existing.filter((r) => !r.code || !wanted.has(r.code)).map((r) => r.id);
    if (gone.length) await d.deleteFrom('directory_languages').where('id', 'in', gone).execute();
    const have = new Set(existing.map((r) => r.code));
    const added = languages.filter((l) => !have.has(l.code));
    if (added.length) await d.insertInto('directory_languages').values(added.map((l) => ({ service_id: serviceId, code: l.code, name: l.name }))).execute();
  },

  async listNeedIds(db: Db, serviceId: string): Promise<string[]> {
    const rows = await directoryDb(db)
      .selectFrom('directory_attributes')
      .select('taxonomy_term_id')
      .where('link_id', '=', serviceId)
      .where('link_entity', '=', 'service')
      .orderBy('taxonomy_term_id')
      .execute();
    return rows.map((r) => r.taxonomy_term_id);
  },

  /** Sets the needs (taxonomy terms) a service answers, as HSDS attributes. */
  async replaceNeeds(db: Db, serviceId: string, termIds: string[]): Promise<void> {
    const d = directoryDb(db);
    const existing = await this.listNeedIds(db, serviceId);
    const gone = existing.filter((id) => !termIds.includes(id));
    if (gone.length) {
      await d.deleteFrom('directory_attributes').where('link_id', '=', serviceId).where('link_entity', '=', 'service').where('taxonomy_term_id', 'in', gone).execute();
    }
    const added = [...new Set(termIds)].filter((id) => !existing.includes(id));
    if (added.length) {
      await d
        .insertInto('directory_attributes')
        .values(added.map((termId) => ({ link_id: serviceId, link_entity: 'service', link_type: 'need', taxonomy_term_id: termId })))
        .execute();
    }
  },

  /** The service's weekly opening ranges (schedules with freq WEEKLY and one weekday). */
  async listWeeklyHours(db: Db, serviceId: string): Promise<(WeeklyRange & { id: string })[]> {
    const rows = await directoryDb(db)
      .selectFrom('directory_schedules')
      .select(['id', 'byday', 'opens_at', 'closes_at'])
      .where('service_id', '=', serviceId)
      .where('location_id', 'is', null)
      .where('service_at_location_id', 'is', null)
      .where('freq', '=', 'WEEKLY')
      .orderBy('byday')
      .orderBy('opens_at')
      .execute();
    return rows.map((r) => ({ id: r.id, day: r.byday ?? '', opens: hhmm(r.opens_at), closes: hhmm(r.closes_at) }));
  },

  async replaceWeeklyHours(db: Db, serviceId: string, ranges: WeeklyRange[]): Promise<void> {
    const d = directoryDb(db);
    const key = (r: WeeklyRange) => `${r.day} ${r.opens} ${r.closes}`;
    const existing = await this.listWeeklyHours(db, serviceId);
    const wanted = new Set(ranges.map(key));
    const gone = existing.filter((r) => !wanted.has(key(r))).map((r) => r.id);
    if (gone.length) await d.deleteFrom('directory_schedules').where('id', 'in', gone).execute();
    const have = new Set(existing.map(key));
    const added = ranges.filter((r) => !have.has(key(r)));
    if (added.length) {
      await d
        .insertInto('directory_schedules')
        .values(added.map((r) => ({ service_id: serviceId, freq: 'WEEKLY' as const, interval: 1, byday: r.day, opens_at: r.opens, closes_at: r.closes })))
        .execute();
    }
  },

  async listExceptions(db: Db, serviceId: string) {
    return directoryDb(db).selectFrom('directory_schedule_exceptions').selectAll().where('service_id', '=', serviceId).orderBy('starts_on').orderBy('id').execute();
  },

  async insertException(db: Db, serviceId: string, input: ExceptionInput): Promise<string> {
    const row = await directoryDb(db)
      .insertInto('directory_schedule_exceptions')
      .values({
        service_id: serviceId,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        is_closed: input.isClosed,
        opens_at: input.isClosed ? null : input.opensAt,
        closes_at: input.isClosed ? null : input.closesAt,
        reason: input.reason,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Deletes an exception of this service; false when there is none with that id. */
  async deleteException(db: Db, serviceId: string, exceptionId: string): Promise<boolean> {
    const result = await directoryDb(db).deleteFrom('directory_schedule_exceptions').where('id', '=', exceptionId).where('service_id', '=', serviceId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },
};
