import type { Db } from '../../../kernel/db/database.ts';
import type { Certificate } from './records.ts';
import { json, trainingDb } from './tables.ts';

/** The snapshot written when a certificate is issued. */
export type CertificateValues = Omit<Certificate, 'id' | 'issuedAt' | 'revokedAt' | 'revocationReason'> & { issuedBy: string | null; issuedAt: Date };

const COLUMNS = [
  'id', 'code', 'application_id', 'edition_id', 'holder_name', 'path_code', 'path_title', 'competences', 'edition_number', 'region_code',
  'starts_on', 'ends_on', 'minutes_attended', 'minutes_planned', 'issued_at', 'revoked_at', 'revocation_reason',
] as const;

type CertificateRow = {
  id: string; code: string; application_id: string; edition_id: string; holder_name: string; path_code: string;
  path_title: Certificate['pathTitle']; competences: Certificate['competences']; edition_number: number; region_code: string;
  starts_on: string; ends_on: string; minutes_attended: number; minutes_planned: number; issued_at: Date;
  revoked_at: Date | null; revocation_reason: string | null;
};

function toCertificate(row: CertificateRow): Certificate {
  return {
    id: row.id,
    code: row.code,
    applicationId: row.application_id,
    editionId: row.edition_id,
    holderName: row.holder_name,
    pathCode: row.path_code,
    pathTitle: row.path_title,
    competences: row.competences,
    editionNumber: row.edition_number,
    regionCode: row.region_code,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    minutesAttended: row.minutes_attended,
    minutesPlanned: row.minutes_planned,
    issuedAt: row.issued_at,
    revokedAt: row.revoked_at,
    revocationReason: row.revocation_reason,
  };
}

/** Certificates: snapshots of what was certified, found by their verification code. */
export const certificateRepository = {
  /** Inserts a certificate; returns its id. */
  async insert(db: Db, values: CertificateValues): Promise<string> {
    const row = await trainingDb(db)
      .insertInto('training_certificates')
      .values({
        code: values.code,
        application_id: values.applicationId,
        edition_id: values.editionId,
        holder_name: values.holderName,
        path_code: values.pathCode,
        path_title: json(values.pathTitle),
        competences: json(values.competences),
        edition_number: values.editionNumber,
        region_code: values.regionCode,
        starts_on: values.startsOn,
        ends_on: values.endsOn,
        minutes_attended: values.minutesAttended,
        minutes_planned: values.minutesPlanned,
        issued_at: values.issuedAt,
        issued_by: values.issuedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** The certificate with a verification code, or null. */
  async findByCode(db: Db, code: string): Promise<Certificate | null> {
    const row = await trainingDb(db).selectFrom('training_certificates').select(COLUMNS).where('code', '=', code).executeTakeFirst();
    return row ? toCertificate(row as CertificateRow) : null;
  },

  /** One certificate, or null. */
  async find(db: Db, id: string): Promise<Certificate | null> {
    const row = await trainingDb(db).selectFrom('training_certificates').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toCertificate(row as CertificateRow) : null;
  },

  /** The certificate of an application, or null. */
  async findByApplication(db: Db, applicationId: string): Promise<Certificate | null> {
    const row = await trainingDb(db).selectFrom('training_certificates').select(COLUMNS).where('application_id', '=', applicationId).executeTakeFirst();
    return row ? toCertificate(row as CertificateRow) : null;
  },

  /** An edition's certificates. */
  async listByEdition(db: Db, editionId: string): Promise<Certificate[]> {
    const rows = await trainingDb(db).selectFrom('training_certificates').select(COLUMNS).where('edition_id', '=', editionId).orderBy('holder_name').execute();
    return rows.map((r) => toCertificate(r as CertificateRow));
  },

  /** Revokes a certificate with a reason. */
  async revoke(db: Db, id: string, values: { reason: string; by: string; at: Date }): Promise<void> {
    await trainingDb(db)
      .updateTable('training_certificates')
      .set({ revoked_at: values.at, revoked_by: values.by, revocation_reason: values.reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },
};
