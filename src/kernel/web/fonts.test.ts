import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PUBLIC_LOCALES } from '../i18n/locales.ts';
import { analyseParagraph, breakPoints, FACES, facesOf, fontOf, hasGlyph, outlineText, textDirectionOf, visualPieces } from './fonts.ts';

/** What a line shows from left to right: each glyph fontkit lays out, piece after piece, as its characters. */
function drawn(text: string, direction: 'ltr' | 'rtl' | 'auto' = 'auto'): string[] {
  return visualPieces(analyseParagraph(text, direction)).flatMap((piece) =>
    fontOf(piece.face, 'regular').layout(piece.text).glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints)));
}

const faceIds = (text: string) => [...new Set(facesOf(text).map((f) => f.id))];

describe('fonts for every public language', () => {
  it('picks a face by script: Titillium for Latin, Noto for Cyrillic, Arabic and Urdu, Bengali, Chinese', () => {
    expect(faceIds('Città di Bologna, Shqipëri')).toEqual(['titillium-web']);
    expect(faceIds('Київ')).toEqual(['noto-sans']);
    expect(faceIds('مرحبا')).toEqual(['noto-sans-arabic']);
    expect(faceIds('شہری ے')).toEqual(['noto-sans-arabic']);
    expect(faceIds('বাংলা')).toEqual(['noto-sans-bengali']);
    expect(faceIds('中文')).toEqual(['noto-sans-sc']);
  });

  it('keeps spaces, digits and punctuation in the face around them, unless it lacks them', () => {
    expect(faceIds('Київ, 2023 «так»')).toEqual(['noto-sans']);
    expect(faceIds('外国居民，2023年')).toEqual(['noto-sans-sc']);
    // Noto Sans Arabic has no parentheses: they come from Titillium.
    expect(facesOf('(نسبة)').map((f) => f.id)).toEqual(['titillium-web', 'noto-sans-arabic', 'noto-sans-arabic', 'noto-sans-arabic', 'noto-sans-arabic', 'titillium-web']);
  });

  it('draws nothing for bidirectional marks and keeps them out of the choice of face', () => {
    // What Intl.NumberFormat('ar') makes of -2.3: a left-to-right mark, then the number.
    const negative = '\u200e-2.3';
    expect(faceIds(negative)).toEqual(['titillium-web']);
    expect(drawn(negative, 'rtl')).toEqual(['-', '2', '.', '3']);
    expect(faceIds('ب\u200dب')).toEqual(['noto-sans-arabic']);
  });

  it('has a glyph, in every weight, for every character of every interface string and country name', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const texts: string[] = [];
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (path.basename(dir) === 'locales' && entry.name.endsWith('.json')) texts.push(fs.readFileSync(full, 'utf8'));
      }
    };
    visit(root);
    const require = createRequire(import.meta.url);
    for (const locale of PUBLIC_LOCALES) texts.push(fs.readFileSync(require.resolve(`i18n-iso-countries/langs/${locale}.json`), 'utf8'));
    expect(texts.length).toBeGreaterThan(100);
    const characters = [...new Set(texts.join(''))].filter((c) => !/[\p{Cc}\p{Cf}]/u.test(c));
    const missing = characters.filter((c) => !FACES.some((face) => (['light', 'regular', 'semibold', 'bold'] as const).every((w) => fontOf(face, w).hasGlyphForCodePoint(c.codePointAt(0)!))));
    expect(missing).toEqual([]);
  });

  it('sets Arabic right to left, with numbers, Latin names and brackets the right way round', () => {
    expect(drawn('ب 2023')).toEqual(['2', '0', '2', '3', ' ', 'ب']);
    // Brackets are mirrored; the bracketed words stay in their place.
    expect(drawn('بب (جج)').join('')).toBe('(جج) بب');
    expect(drawn('رمز ABC-123').join('')).toBe('ABC-123 زمر');
    // Arabic-Indic digits read left to right too.
    expect(drawn('في ٢٠٢٦').join('')).toBe('٢٠٢٦ يف');
    // Joined: the initial form of beh is not its isolated glyph.
    const arabic = FACES.find((f) => f.id === 'noto-sans-arabic')!;
    const beh = fontOf(arabic, 'regular').glyphForCodePoint(0x628).id;
    expect(fontOf(arabic, 'regular').layout('بب').glyphs.map((g) => g.id)).not.toContain(beh);
  });

  it('keeps an Arabic phrase inside a left-to-right sentence in its own order', () => {
    expect(drawn('Residenti (ar: سكن) 2023').join('')).toBe('Residenti (ar: نكس) 2023');
    expect(drawn('Città 2023').join('')).toBe('Città 2023');
  });

  it('tells the direction of a text by its first letter', () => {
    expect(textDirectionOf('2023: المقيمون')).toBe('rtl');
    expect(textDirectionOf('Residenti: المقيمون')).toBe('ltr');
    expect(textDirectionOf('2023', 'rtl')).toBe('rtl');
  });

  it('breaks lines after spaces and between Chinese characters, not before closing punctuation', () => {
    expect(breakPoints('uno due  tre')).toEqual([4, 9]);
    const text = '外国居民，2023年';
    const points = breakPoints(text);
    expect(points).toContain(1);
    expect(points).not.toContain(text.indexOf('，'));
    expect(points).toContain(text.indexOf('，') + 1);
  });

  it('outlines text of every script as a path as wide as its glyphs', () => {
    for (const text of ['Bologna', 'Київ', 'مرحبا', 'বাংলা', '中文']) {
      const { d, width } = outlineText(text, { size: 20, weight: 'regular' });
      expect(d, text).toMatch(/^M[\d.-]/);
      expect(width, text).toBeGreaterThan(10);
    }
    expect(outlineText('', { size: 20, weight: 'bold' })).toEqual({ d: '', width: 0 });
    expect(hasGlyph(FACES[0]!, 'A'.codePointAt(0)!)).toBe(true);
  });
});
