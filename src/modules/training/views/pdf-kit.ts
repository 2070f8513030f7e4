import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../../kernel/i18n/locales.ts';

const require = createRequire(import.meta.url);
const FONTS = path.join(path.dirname(require.resolve('bootstrap-italia/package.json')), 'dist', 'fonts', 'Titillium_Web');

/** The Titillium faces the PDFs use (the design system's font, shipped with Bootstrap Italia). */
export const PDF_FONTS = {
  regular: path.join(FONTS, 'titillium-web-v10-latin-ext_latin-regular.ttf'),
  semibold: path.join(FONTS, 'titillium-web-v10-latin-ext_latin-600.ttf'),
  bold: path.join(FONTS, 'titillium-web-v10-latin-ext_latin-700.ttf'),
  light: path.join(FONTS, 'titillium-web-v10-latin-ext_latin-300.ttf'),
};

// Titillium covers Latin scripts only: documents asked for in other scripts are written in English.
const LATIN_LOCALES: readonly Locale[] = ['it', 'en', 'fr', 'es', 'sq'];

/** The language a PDF is written in for a page language. */
export function pdfLocale(locale: Locale): Locale {
  return LATIN_LOCALES.includes(locale) ? locale : 'en';
}

/** A new PDF document with the Titillium faces registered. */
export function newPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({ ...options, font: PDF_FONTS.regular });
  doc.registerFont('regular', PDF_FONTS.regular);
  doc.registerFont('semibold', PDF_FONTS.semibold);
  doc.registerFont('bold', PDF_FONTS.bold);
  doc.registerFont('light', PDF_FONTS.light);
  return doc;
}

/** Ends a document and collects its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
