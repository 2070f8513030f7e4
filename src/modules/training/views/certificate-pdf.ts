import QRCode from 'qrcode';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { Translate } from '../../../kernel/i18n/messages.ts';
import type { Certificate } from '../data/records.ts';
import { hoursOf } from '../domain/attendance.ts';
import { textIn } from '../domain/content.ts';
import { newPdf, pdfBytes } from './pdf-kit.ts';

/** Everything the certificate prints besides the certificate itself. */
export interface CertificatePrint {
  certificate: Certificate;
  locale: Locale;
  t: Translate;
  regionName: string;
  platformName: string;
  ownerName: string;
  /** The public verification page of this certificate (also in the QR code). */
  verificationUrl: string;
}

const BLUE = '#0066cc';
const INK = '#17324d';

/** Renders a certificate as a one-page landscape A4 PDF with its verification code and QR code. */
export async function renderCertificatePdf(print: CertificatePrint): Promise<Buffer> {
  const { certificate: c, locale, t } = print;
  const day = (date: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  const doc = newPdf({
    size: 'A4',
    layout: 'landscape',
    margin: 48,
    info: { Title: `${t('training.certificate.pdf.title')} ${c.code}`, Author: print.platformName, Subject: textIn(c.pathTitle, locale) },
    lang: locale,
  });
  const width = doc.page.width - 96;
  doc.rect(24, 24, doc.page.width - 48, doc.page.height - 48).lineWidth(2).stroke(BLUE);
  doc.fillColor(BLUE).font('semibold').fontSize(12).text(print.ownerName.toUpperCase(), 48, 48, { width, align: 'center', characterSpacing: 1 });
  doc.moveDown(1.2).fillColor(INK).font('bold').fontSize(30).text(t('training.certificate.pdf.title'), { width, align: 'center' });
  doc.moveDown(0.6).font('regular').fontSize(13).text(t('training.certificate.pdf.certifies'), { width, align: 'center' });
  doc.moveDown(0.3).font('bold').fontSize(24).text(c.holderName, { width, align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(13).text(t('training.certificate.pdf.attended'), { width, align: 'center' });
  doc.moveDown(0.3).font('semibold').fontSize(18).fillColor(BLUE).text(`${textIn(c.pathTitle, locale)} (${c.pathCode})`, { width, align: 'center' });
  doc.moveDown(0.3).fillColor(INK).font('regular').fontSize(12).text(
    t('training.certificate.pdf.edition', { number: c.editionNumber, region: print.regionName, start: day(c.startsOn), end: day(c.endsOn) }),
    { width, align: 'center' },
  );
  doc.moveDown(0.3).font('semibold').text(
    t('training.certificate.pdf.hours', { attended: hoursOf(c.minutesAttended), planned: hoursOf(c.minutesPlanned) }),
    { width, align: 'center' },
  );

  const top = doc.y + 18;
  doc.font('semibold').fontSize(11).text(t('training.certificate.pdf.competences'), 48, top, { width: width - 170 });
  doc.font('regular').fontSize(10).list(c.competences.map((competence) => textIn(competence, locale)), 56, doc.y + 4, { width: width - 180, bulletRadius: 2 });

  const qr = await QRCode.toBuffer(print.verificationUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const qrX = doc.page.width - 48 - 130;
  doc.image(qr, qrX, top, { width: 130 });
  doc.font('regular').fontSize(8).text(t('training.certificate.pdf.scan'), qrX - 10, top + 134, { width: 150, align: 'center' });

  const footer = doc.page.height - 100;
  doc.font('regular').fontSize(9).fillColor(INK).text(t('training.certificate.pdf.issued', { date: day(c.issuedAt.toISOString().slice(0, 10)) }), 48, footer, { width });
  doc.font('semibold').fontSize(11).text(`${t('training.certificate.pdf.code')}: ${c.code}`, 48, footer + 16, { width });
  doc.font('regular').fontSize(9).fillColor(BLUE).text(print.verificationUrl, 48, footer + 34, { width, link: print.verificationUrl, underline: true });
  return pdfBytes(doc);
}
