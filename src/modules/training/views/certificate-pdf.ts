import QRCode from 'qrcode';
import { directionOf, type Locale } from '../../../kernel/i18n/locales.ts';
import type { Translate } from '../../../kernel/i18n/messages.ts';
import type { FontWeight } from '../../../kernel/web/fonts.ts';
import { writePdfText, type PdfTextOptions } from '../../../kernel/web/pdf-text.ts';
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

/** Renders a certificate as a one-page landscape A4 PDF with its verification code and QR code, in its language. */
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
  const direction = directionOf(locale);
  const isRtl = direction === 'rtl';
  const width = doc.page.width - 96;
  const centred = (text: string, size: number, weight: FontWeight, extra: Partial<PdfTextOptions> = {}) =>
    writePdfText(doc, text, { x: 48, width, size, weight, align: 'center', direction, ...extra });
  doc.rect(24, 24, doc.page.width - 48, doc.page.height - 48).lineWidth(2).stroke(BLUE);
  doc.fillColor(BLUE);
  centred(print.ownerName.toUpperCase(), 12, 'semibold', { y: 48, characterSpacing: 1 });
  doc.moveDown(1.2).fillColor(INK);
  centred(t('training.certificate.pdf.title'), 30, 'bold');
  doc.moveDown(0.6);
  centred(t('training.certificate.pdf.certifies'), 13, 'regular');
  doc.moveDown(0.3);
  centred(c.holderName, 24, 'bold');
  doc.moveDown(0.3);
  centred(t('training.certificate.pdf.attended'), 13, 'regular');
  doc.moveDown(0.3).fillColor(BLUE);
  centred(`${textIn(c.pathTitle, locale)} (${c.pathCode})`, 18, 'semibold');
  doc.moveDown(0.3).fillColor(INK);
  centred(t('training.certificate.pdf.edition', { number: c.editionNumber, region: print.regionName, start: day(c.startsOn), end: day(c.endsOn) }), 12, 'regular');
  doc.moveDown(0.3);
  centred(t('training.certificate.pdf.hours', { attended: hoursOf(c.minutesAttended), planned: hoursOf(c.minutesPlanned) }), 12, 'semibold');

  // The competences take the start side (right in Arabic and Urdu), the QR code the other one.
  const top = doc.y + 18;
  const listWidth = width - 170;
  const listX = isRtl ? doc.page.width - 48 - listWidth : 48;
  writePdfText(doc, t('training.certificate.pdf.competences'), { x: listX, y: top, width: listWidth, size: 11, weight: 'semibold', direction });
  let y = doc.y + 4;
  for (const competence of c.competences) {
    const item = writePdfText(doc, textIn(competence, locale), { x: isRtl ? listX : listX + 20, y, width: listWidth - 20, size: 10, direction });
    doc.circle(isRtl ? listX + listWidth - 12 : listX + 12, item.firstBaseline - 3, 2).fill(INK);
    y = item.bottom;
  }

  const qr = await QRCode.toBuffer(print.verificationUrl, { type: 'png', margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const qrX = isRtl ? 48 : doc.page.width - 48 - 130;
  doc.image(qr, qrX, top, { width: 130 });
  writePdfText(doc, t('training.certificate.pdf.scan'), { x: qrX - 10, y: top + 134, width: 150, size: 8, align: 'center', direction });

  const footer = doc.page.height - 100;
  doc.fillColor(INK);
  writePdfText(doc, t('training.certificate.pdf.issued', { date: day(c.issuedAt.toISOString().slice(0, 10)) }), { x: 48, y: footer, width, size: 9, direction });
  writePdfText(doc, `${t('training.certificate.pdf.code')}: ${c.code}`, { x: 48, y: footer + 16, width, size: 11, weight: 'semibold', direction });
  doc.fillColor(BLUE);
  // The address reads left to right in every language; it sits on the start side.
  writePdfText(doc, print.verificationUrl, { x: 48, y: footer + 34, width, size: 9, direction: 'ltr', align: isRtl ? 'right' : 'left', link: print.verificationUrl, underline: true });
  return pdfBytes(doc);
}
