import { describe, expect, it } from 'vitest';
import { ISO_639_1, ISO_639_3_EXTRAS } from './iso-639-data.ts';
import { listLanguages } from './languages.ts';
import { PUBLIC_LOCALES } from './public-locales.ts';

const languages = listLanguages();
const language = (code: string) => languages.find((l) => l.code === code);

describe('ISO 639 data', () => {
  it('has the 184 ISO 639-1 codes, each with a distinct ISO 639-3 code', () => {
    expect(ISO_639_1).toHaveLength(184);
    expect(new Set(ISO_639_1.map(([code]) => code)).size).toBe(184);
    expect(ISO_639_1.every(([code, iso6393]) => /^[a-z]{2}$/.test(code) && /^[a-z]{3}$/.test(iso6393))).toBe(true);
    expect(new Set(ISO_639_1.map(([, iso6393]) => iso6393)).size).toBe(184);
  });

  it('adds only ISO 639-3 codes that have no ISO 639-1 code', () => {
    const iso6393 = new Set(ISO_639_1.map(([, code]) => code));
    for (const [code] of ISO_639_3_EXTRAS) {
      expect(code).toMatch(/^[a-z]{3}$/);
      expect(iso6393.has(code)).toBe(false);
    }
  });
});

describe('listLanguages', () => {
  it('lists ISO 639-1 languages and migrant languages without a 639-1 code, sorted and unique', () => {
    expect(languages).toHaveLength(184 + ISO_639_3_EXTRAS.length);
    const codes = languages.map((l) => l.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ['pcm', 'mnk', 'snk', 'dyu', 'ckb', 'prs', 'bin', 'dje', 'mos', 'kri']) {
      expect(language(code)).toMatchObject({ code, iso6393: code });
    }
  });

  it('uses the 639-1 code where one exists and keeps the 639-3 code alongside', () => {
    expect(language('bn')?.iso6393).toBe('ben');
    expect(language('ar')?.iso6393).toBe('ara');
    expect(language('ti')?.iso6393).toBe('tir');
    expect(language('ff')?.iso6393).toBe('ful');
    expect(language('ben')).toBeUndefined();
  });

  it('gives a non-empty name in every public locale and an autonym for every language', () => {
    for (const l of languages) {
      expect(l.autonym.trim()).not.toBe('');
      for (const locale of PUBLIC_LOCALES) expect(l.names[locale].trim()).not.toBe('');
    }
  });

  it('never shows the same name for two languages in one locale', () => {
    for (const locale of PUBLIC_LOCALES) {
      const names = languages.map((l) => l.names[locale]);
      expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    }
  });

  it('takes autonyms and localised names from ICU', () => {
    expect(language('bn')?.autonym).toBe('বাংলা');
    expect(language('ar')?.autonym).toBe('العربية');
    expect(language('sq')?.autonym).toBe('shqip');
    expect(language('uk')?.autonym).toBe('українська');
    expect(language('it')?.names).toMatchObject({ it: 'italiano', en: 'Italian', fr: 'italien' });
    expect(language('ar')?.names.it).toBe('arabo');
    expect(language('wo')?.names.fr).toBe('wolof');
    expect(language('pcm')?.names.it).toBe('pidgin nigeriano');
  });

  it('falls back to the data where ICU has no name or a misleading one', () => {
    expect(language('mnk')?.names.it).toBe('Mandinka');
    expect(language('sh')?.names.it).toBe('Serbo-Croatian');
    expect(language('sh')?.autonym).toBe('srpskohrvatski');
    expect(language('tw')?.names.en).toBe('Twi');
    expect(language('la')?.autonym).toBe('Latina');
    expect(language('syl')?.autonym).toBe('সিলেটি');
  });
});
