import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError } from '../../../kernel/http/errors.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { ModuleContext } from '../../../kernel/module.ts';
import { territory } from '../../territory/index.ts';
import { certificateRepository } from '../data/certificate-repository.ts';
import type { Certificate } from '../data/records.ts';
import { renderCertificatePdf } from '../views/certificate-pdf.ts';
import { isUuid, loadEditionFor, loadOwnApplication } from './access.ts';

/**
 * The PDF of a certificate in the reader's language, for its holder (by their application) or a manager of its
 * edition (by id).
 * A revoked certificate is not handed out any more.
 */
export async function downloadCertificate(options: { ctx: ModuleContext; actor: Actor; locale: Locale; applicationId?: string; certificateId?: string }): Promise<{ pdf: Buffer; fileName: string }> {
  const { ctx, actor } = options;
  let certificate: Certificate | null = null;
  if (options.applicationId) {
    const application = await loadOwnApplication(ctx.db, actor, options.applicationId);
    certificate = await certificateRepository.findByApplication(ctx.db, application.id);
  } else if (options.certificateId && isUuid(options.certificateId)) {
    certificate = await certificateRepository.find(ctx.db, options.certificateId);
    if (certificate) await loadEditionFor(ctx.db, actor, certificate.editionId, 'manage');
  }
  if (!certificate || certificate.revokedAt) throw new NotFoundError();
  const { locale } = options;
  const region = await territory.findRegion(ctx.db, certificate.regionCode);
  const pdf = await renderCertificatePdf({
    certificate,
    locale,
    t: ctx.i18n.translator(locale),
    regionName: region?.name ?? certificate.regionCode,
    platformName: ctx.config.platformName,
    ownerName: ctx.config.ownerName,
    verificationUrl: `${ctx.config.baseUrl}/${locale}/certificates/${certificate.code}`,
  });
  return { pdf, fileName: `certificate-${certificate.code}.pdf` };
}
