import type { Db } from '../../../kernel/db/database.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import type { Certificate } from '../data/records.ts';
import { normaliseCertificateCode } from '../domain/codes.ts';

/** What the public verification page may show: everything for a valid certificate, no personal data otherwise. */
export type Verification =
  | { status: 'valid'; certificate: Certificate }
  | { status: 'revoked'; code: string; revokedAt: Date; reason: string }
  | { status: 'unknown' };

/** Looks a verification code up (typed loosely or read from the QR code). */
export async function verifyCertificate(options: { db: Db; code: string }): Promise<Verification> {
  const code = normaliseCertificateCode(options.code);
  const certificate = code ? await certificateRepository.findByCode(options.db, code) : null;
  if (!certificate) return { status: 'unknown' };
  if (certificate.revokedAt) return { status: 'revoked', code: certificate.code, revokedAt: certificate.revokedAt, reason: certificate.revocationReason ?? '' };
  return { status: 'valid', certificate };
}
