import { describe, expect, it } from 'vitest';
import { pickText, setText, textFrom, translationGaps } from './content.ts';

describe('translated content fields', () => {
  it('shows the requested language when it exists', () => {
    const text = textFrom({ it: 'Sportello', en: 'Help desk' });
    expect(pickText(text, 'en')).toMatchObject({ value: 'Help desk', locale: 'en', isFallback: false, status: 'reviewed' });
  });

  it('falls back visibly to the original language', () => {
    const text = textFrom({ fr: 'Guichet', it: 'Sportello' });
    expect(pickText(text, 'bn')).toMatchObject({ value: 'Guichet', locale: 'fr', isFallback: true, status: 'original' });
  });

  it('marks translations outdated when the original changes', () => {
    let text = textFrom({ it: 'Sportello', en: 'Help desk', ar: 'مكتب' });
    text = setText(text, 'it', 'Sportello unico', 'original');
    expect(text.en?.status).toBe('outdated');
    expect(text.ar?.status).toBe('outdated');
    expect(text.it?.status).toBe('original');
    expect(translationGaps(text)).toEqual({ missing: ['fr', 'es', 'zh', 'sq', 'uk', 'bn', 'ur'], outdated: ['en', 'ar'] });
  });

  it('keeps translations current when the original is saved unchanged', () => {
    let text = textFrom({ it: 'Sportello', en: 'Help desk' });
    text = setText(text, 'it', 'Sportello', 'original');
    expect(text.en?.status).toBe('reviewed');
  });

  it('refuses a second original language', () => {
    const text = textFrom({ it: 'Sportello' });
    expect(() => setText(text, 'en', 'Desk', 'original')).toThrow(/original/);
  });

  it('returns null for an empty field', () => {
    expect(pickText({}, 'it')).toBeNull();
    expect(pickText(null, 'it')).toBeNull();
  });
});
