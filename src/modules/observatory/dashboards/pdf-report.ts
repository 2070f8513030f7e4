// The PDF report of a territory: every panel's chart (a PNG drawn by resvg from the same SVG the page shows),
// its table, its sources, and the date; text in Titillium Web and, for other scripts, the kernel's Noto fonts,
// right to left (tables mirrored) in Arabic and Urdu.
import PDFDocument from 'pdfkit';
import { directionOf, type Locale } from '../../../kernel/i18n/locales.ts';
import { textDirectionOf, type Direction } from '../../../kernel/web/fonts.ts';
import { registerPdfFonts, writePdfText } from '../../../kernel/web/pdf-text.ts';
import { renderChartSvg } from './chart-svg.ts';
import type { Panel } from './panels.ts';
import { renderPng } from './png.ts';
import type { DataTable } from './tables.ts';

/** What the report says around the panels. */
export interface ReportText {
  title: string;
  generated: string;
  sourceLabel: string;
  licenceLabel: string;
  formatCell: (table: DataTable, row: number, column: number) => string;
  /** The report's language; without it, the direction is taken from the title. */
  locale?: Locale;
}

const MARGIN = 48;

function drawTable(doc: PDFKit.PDFDocument, table: DataTable, text: ReportText, direction: Direction): void {
  const width = doc.page.width - MARGIN * 2;
  const columns = table.columns.slice(0, 6);
  const first = Math.min(180, width / (columns.length + 1) + 40);
  const each = (width - first) / Math.max(1, columns.length);
  // Right to left, the row labels take the right edge and the columns run leftwards.
  const left = (offset: number, cellWidth: number) => (direction === 'rtl' ? MARGIN + width - offset - cellWidth : MARGIN + offset);
  const line = (cells: string[], isBold: boolean) => {
    if (doc.y > doc.page.height - MARGIN - 16) doc.addPage();
    const y = doc.y;
    const style = { size: 8, weight: isBold ? 'semibold' : 'regular', y, direction, isSingleLine: true } as const;
    writePdfText(doc, cells[0]!, { ...style, x: left(0, first - 4), width: first - 4, align: 'start' });
    cells.slice(1).forEach((c, i) => writePdfText(doc, c, { ...style, x: left(first + i * each, each - 4), width: each - 4, align: 'end' }));
    doc.x = MARGIN;
    doc.y = y + 12;
  };
  line([table.rowHeading, ...columns.map((c) => c.label)], true);
  table.rows.slice(0, 40).forEach((r, ri) => line([r.label, ...columns.map((_, ci) => text.formatCell(table, ri, ci))], false));
}

/** Renders the report as a PDF document (A4 portrait). */
export async function renderReportPdf(panels: (Panel & { mapSvg?: string })[], text: ReportText): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: text.title, Producer: 'Crocevia' }, lang: text.locale ?? 'it' });
  registerPdfFonts(doc);
  const direction = text.locale ? directionOf(text.locale) : textDirectionOf(text.title);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  const write = (value: string, options: { size: number; weight?: 'regular' | 'semibold' }) => writePdfText(doc, value, { ...options, x: MARGIN, width, direction });
  write(text.title, { size: 18, weight: 'semibold' });
  write(text.generated, { size: 10 });
  doc.moveDown();
  for (const panel of panels) {
    if (doc.y > doc.page.height / 2) doc.addPage();
    write(panel.title, { size: 12, weight: 'semibold' });
    doc.moveDown(0.3);
    const svg = panel.mapSvg ?? (panel.chart ? renderChartSvg(panel.chart) : null);
    if (svg) {
      const png = renderPng(svg, 2);
      const height = (png.readUInt32BE(20) / png.readUInt32BE(16)) * width;
      if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
      doc.image(png, MARGIN, doc.y, { width });
      doc.y += height + 6;
    }
    drawTable(doc, panel.table, text, direction);
    for (const s of panel.sources) write(`${text.sourceLabel}: ${s.attribution} — ${s.title} — ${text.licenceLabel}: ${s.licence}`, { size: 8 });
    doc.moveDown();
  }
  doc.end();
  return done;
}
