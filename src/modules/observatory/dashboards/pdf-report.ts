// The PDF report of a territory: every panel's chart (a PNG drawn by resvg from the same SVG the page shows),
// its table, its sources, and the date; text in Titillium Web.
import PDFDocument from 'pdfkit';
import { renderChartSvg } from './chart-svg.ts';
import type { Panel } from './panels.ts';
import { renderPng, TITILLIUM } from './png.ts';
import type { DataTable } from './tables.ts';

/** What the report says around the panels. */
export interface ReportText {
  title: string;
  generated: string;
  sourceLabel: string;
  licenceLabel: string;
  formatCell: (table: DataTable, row: number, column: number) => string;
}

const MARGIN = 48;

function drawTable(doc: PDFKit.PDFDocument, table: DataTable, text: ReportText): void {
  const width = doc.page.width - MARGIN * 2;
  const columns = table.columns.slice(0, 6);
  const first = Math.min(180, width / (columns.length + 1) + 40);
  const each = (width - first) / Math.max(1, columns.length);
  const line = (cells: string[], isBold: boolean) => {
    if (doc.y > doc.page.height - MARGIN - 16) doc.addPage();
    const y = doc.y;
    doc.font(isBold ? 'semibold' : 'regular').fontSize(8);
    doc.text(cells[0]!, MARGIN, y, { width: first - 4, lineBreak: false, ellipsis: true });
    cells.slice(1).forEach((c, i) => doc.text(c, MARGIN + first + i * each, y, { width: each - 4, align: 'right', lineBreak: false }));
    doc.x = MARGIN;
    doc.y = y + 12;
  };
  line([table.rowHeading, ...columns.map((c) => c.label)], true);
  table.rows.slice(0, 40).forEach((r, ri) => line([r.label, ...columns.map((_, ci) => text.formatCell(table, ri, ci))], false));
}

/** Renders the report as a PDF document (A4 portrait). */
export async function renderReportPdf(panels: (Panel & { mapSvg?: string })[], text: ReportText): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: text.title, Producer: 'Crocevia' }, lang: 'it' });
  doc.registerFont('regular', TITILLIUM.regular);
  doc.registerFont('semibold', TITILLIUM.semibold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('semibold').fontSize(18).text(text.title);
  doc.font('regular').fontSize(10).text(text.generated).moveDown();
  const width = doc.page.width - MARGIN * 2;
  for (const panel of panels) {
    if (doc.y > doc.page.height / 2) doc.addPage();
    doc.font('semibold').fontSize(12).text(panel.title, MARGIN).moveDown(0.3);
    const svg = panel.mapSvg ?? (panel.chart ? renderChartSvg(panel.chart) : null);
    if (svg) {
      const png = renderPng(svg, 2);
      const height = (png.readUInt32BE(20) / png.readUInt32BE(16)) * width;
      if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
      doc.image(png, MARGIN, doc.y, { width });
      doc.y += height + 6;
    }
    drawTable(doc, panel.table, text);
    doc.font('regular').fontSize(8);
    for (const s of panel.sources) doc.text(`${text.sourceLabel}: ${s.attribution} — ${s.title} — ${text.licenceLabel}: ${s.licence}`, MARGIN, doc.y, { width });
    doc.moveDown();
  }
  doc.end();
  return done;
}
