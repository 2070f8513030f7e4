import PDFDocument from 'pdfkit';
import { primaryFace } from '../../../kernel/web/fonts.ts';
import { registerPdfFonts } from '../../../kernel/web/pdf-text.ts';

/**
 * A new PDF document with the kernel's faces registered: Titillium Web under `light`, `regular`, `semibold`
 * and `bold`, the Noto fonts for the other scripts (write text with the kernel's `writePdfText`).
 */
export function newPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({ ...options, font: primaryFace.files.regular });
  registerPdfFonts(doc);
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
