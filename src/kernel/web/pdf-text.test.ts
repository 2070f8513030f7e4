import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { pdfTextRuns, pdfVisualLines, readRightToLeft } from '../../../test/support/pdf-text.ts';
import { registerPdfFonts, writePdfText, type PdfTextOptions } from './pdf-text.ts';

/** A one-page A4 document (margins 48) with the texts written one under the other in a box 400 wide. */
async function pdfOf(texts: [string, Partial<PdfTextOptions>?][]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48 });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const [text, options] of texts) writePdfText(doc, text, { x: 100, width: 400, size: 12, ...options });
  doc.end();
  return done;
}

describe('writing PDF text in every public language', () => {
  it('sets each script in its font, Latin in Titillium Web', async () => {
    const lines = pdfVisualLines(await pdfOf([['Attestato di partecipazione'], ['Сертифікат учасника'], ['参加证书'], ['অংশগ্রহণের সনদ'], ['شهادة مشاركة'], ['شرکت کا سرٹیفکیٹ']]));
    expect(lines.map((l) => l.runs.map((r) => r.font))).toEqual([
      ['TitilliumWeb-Regular'], ['NotoSans-Regular'], ['NotoSansCJKsc-Regular'], ['NotoSansBengali-Regular'], ['NotoSansArabic-Regular'], ['NotoSansArabic-Regular'],
    ]);
    expect(lines[0]!.text).toBe('Attestato di partecipazione');
    expect(lines[1]!.text).toBe('Сертифікат учасника');
    expect(lines[2]!.text).toBe('参加证书');
    // Bengali vowel signs are drawn before their consonant: the same characters, reordered.
    expect([...lines[3]!.text].sort()).toEqual([...'অংশগ্রহণের সনদ'].sort());
    expect(readRightToLeft(lines[4]!.runs)).toBe('شهادة مشاركة');
    expect(readRightToLeft(lines[5]!.runs)).toBe('شرکت کا سرٹیفکیٹ');
  });

  it('writes Arabic right to left, aligned right, with a code and numbers reading left to right', async () => {
    const [label, dates] = pdfVisualLines(await pdfOf([['رمز التحقق: K7Q2-M9XP', { direction: 'rtl' }], ['من 1 مارس 2026', { direction: 'rtl' }]]));
    const code = label!.runs.find((r) => r.font.startsWith('TitilliumWeb'))!;
    const arabic = label!.runs.find((r) => r.font.startsWith('NotoSansArabic'))!;
    expect(code.glyphs.join('')).toBe('K7Q2-M9XP');
    expect(code.x).toBeLessThan(arabic.x);
    expect(readRightToLeft([arabic])).toBe('رمز التحقق: ');
    expect(arabic.x).toBeGreaterThan(300);
    expect(dates!.runs.map((r) => r.glyphs.join(''))).toEqual(['2026', ' سرام ', '1', ' نم']);
  });

  it('wraps a long right-to-left paragraph with its first words on the first line', async () => {
    const paragraph = 'تعرض هذه الصفحة بيانات المرصد الإقليمي للهجرة في إميليا رومانيا وتحدث كل سنة من مصادر رسمية موثوقة';
    const lines = pdfVisualLines(await pdfOf([[paragraph, { width: 200, direction: 'rtl' }]]));
    expect(lines.length).toBeGreaterThan(1);
    expect(readRightToLeft(lines[0]!.runs).startsWith('تعرض هذه')).toBe(true);
    expect(lines.map((l) => readRightToLeft(l.runs)).join(' ')).toBe(paragraph);
  });

  it('wraps Chinese between characters and cuts a single line with an ellipsis', async () => {
    const chinese = '本页显示艾米利亚-罗马涅大区移民观察站的数据，包括外国居民人数，每年更新。';
    const lines = pdfVisualLines(await pdfOf([[chinese, { width: 150 }], ['A long line that cannot fit in the box', { width: 120, isSingleLine: true }]]));
    const cut = lines.pop()!;
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.text).join('')).toBe(chinese);
    // No line starts with the closing punctuation of the one before.
    expect(lines.every((l) => !/^[，。]/.test(l.text))).toBe(true);
    expect(cut.text).toMatch(/^A long line .*…$/);
    expect(cut.text.length).toBeLessThan('A long line that cannot fit in the box'.length);
  });

  it('adds a page when the text runs past the bottom margin', async () => {
    const runs = pdfTextRuns(await pdfOf(Array.from({ length: 60 }, (_, i): [string] => [`مرحبا ${i}`])));
    expect(new Set(runs.map((r) => r.page))).toEqual(new Set([0, 1]));
  });
});
