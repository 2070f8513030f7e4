import { describe, expect, it } from 'vitest';
import { pdfTextRuns, pdfVisualLines, readRightToLeft } from '../../../../test/support/pdf-text.ts';
import type { Panel } from './panels.ts';
import { renderReportPdf } from './pdf-report.ts';

function panel(title: string, rowHeading: string, labels: string[]): Panel {
  return {
    key: 'foreign-residents-by-citizenship',
    title,
    table: {
      caption: title,
      rowHeading,
      columns: [{ key: '2022', label: '2022' }, { key: '2023', label: '2023' }],
      rows: labels.map((label, i) => ({ key: String(i), label, cells: [{ value: 1000 * (i + 1), isSuppressed: false }, { value: 1100 * (i + 1), isSuppressed: false }] })),
      unit: 'persons',
    },
    chart: { title, kind: 'bar', categories: labels, series: [{ name: '2023', values: labels.map((_, i) => i + 1) }] },
    sources: [{ title: 'Popolazione straniera residente', attribution: 'ISTAT', licence: 'CC BY 3.0 IT', licenceUrl: null }],
    hasSuppressed: false,
  };
}

const report = (locale: 'ar' | 'zh' | undefined, title: string, p: Panel) =>
  renderReportPdf([p], { title, generated: '2026', sourceLabel: 'S', licenceLabel: 'L', formatCell: (t, r, c) => String(t.rows[r]!.cells[c]!.value), locale });

describe('the observatory PDF report in every public language', () => {
  it('writes an Arabic report right to left, the table mirrored', async () => {
    const pdf = await report('ar', 'المرصد: إميليا رومانيا', panel('المقيمون الأجانب حسب الجنسية', 'الجنسية', ['المغرب', 'ألبانيا']));
    const lines = pdfVisualLines(pdf);
    expect(readRightToLeft(lines[0]!.runs)).toBe('المرصد: إميليا رومانيا');
    const panelTitle = lines.find((l) => l.runs.some((r) => r.font === 'NotoSansArabic-Bold' && readRightToLeft([r]) === 'المقيمون الأجانب حسب الجنسية'));
    expect(panelTitle).toBeDefined();
    // Row labels on the right, their numbers to the left.
    const morocco = lines.find((l) => l.runs.some((r) => readRightToLeft([r]) === 'المغرب'))!;
    const label = morocco.runs.find((r) => readRightToLeft([r]) === 'المغرب')!;
    const numbers = morocco.runs.filter((r) => /^\d+$/.test(r.glyphs.join('')));
    expect(numbers.map((r) => r.glyphs.join(''))).toEqual(['1100', '1000']);
    expect(Math.max(...numbers.map((r) => r.x))).toBeLessThan(label.x);
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('writes a Chinese report in the CJK font and an Italian one in Titillium Web', async () => {
    const zh = pdfVisualLines(await report('zh', '观察站：艾米利亚-罗马涅', panel('按国籍划分的外国居民', '国籍', ['摩洛哥', '阿尔巴尼亚'])));
    expect(zh[0]!.text).toBe('观察站：艾米利亚-罗马涅');
    expect(zh[0]!.runs[0]!.font).toBe('NotoSansCJKsc-Bold');
    const morocco = zh.find((l) => l.text.startsWith('摩洛哥'))!;
    expect(morocco.text).toBe('摩洛哥10001100');
    const it = pdfTextRuns(await report(undefined, 'Osservatorio: Emilia-Romagna', panel('Residenti stranieri', 'Cittadinanza', ['Marocco'])));
    expect(new Set(it.map((r) => r.font))).toEqual(new Set(['TitilliumWeb-SemiBold', 'TitilliumWeb-Regular']));
  });
});
