import { describe, expect, it } from 'vitest';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import { mergeText, toDbValues, toHsds } from './db-mapping.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const NOW = new Date('2026-11-26T10:00:00.000Z');
const stored: TranslatedText = {
  it: { value: 'Sportello', status: 'original', updatedAt: T0 },
  en: { value: 'Desk', status: 'reviewed', updatedAt: T0 },
};

describe('mergeText', () => {
  it('keeps the stored text, dates included, when the original did not change', () => {
    expect(mergeText(stored, 'Sportello', 'it', undefined, NOW)).toEqual(stored);
  });

  it('keeps the exact original (spaces included) and marks translations outdated when it changes', () => {
    expect(mergeText(stored, 'Sportello stranieri ', 'it', undefined, NOW)).toEqual({
      it: { value: 'Sportello stranieri ', status: 'original', updatedAt: NOW.toISOString() },
      en: { value: 'Desk', status: 'outdated', updatedAt: T0 },
    });
  });

  it('stores the translations a file brings, and starts afresh when the original language changes', () => {
    expect(mergeText(stored, 'Sportello', 'it', { en: { value: 'Front desk', status: 'machine', updated_at: T0 } }, NOW)?.en).toEqual({ value: 'Front desk', status: 'machine', updatedAt: T0 });
    expect(mergeText(stored, 'Desk', 'en', undefined, NOW)).toEqual({ en: { value: 'Desk', status: 'original', updatedAt: NOW.toISOString() } });
    expect(mergeText(stored, null, 'it', undefined, NOW)).toBeNull();
  });
});

describe('toHsds', () => {
  const row = { id: 'a', name: stored, description: { it: { value: 'Descrizione', status: 'original', updatedAt: T0 } }, status: 'active', original_locale: 'it', region_code: '08', is_free: true, extra: { wait_time: '1 week' }, updated_at: new Date(T0) };

  it('puts the original text in the plain fields and every other language in the extension', () => {
    expect(toHsds('service', row)).toEqual({
      id: 'a',
      name: 'Sportello',
      description: 'Descrizione',
      status: 'active',
      wait_time: '1 week',
      last_modified: T0,
      x_crocevia: { original_language: 'it', translations: { name: { en: { value: 'Desk', status: 'reviewed', updated_at: T0 } } }, region_code: '08', is_free: true },
    });
  });

  it('shows a language asked for, naming the fields that fell back to the original', () => {
    const shown = toHsds('service', row, { displayLocale: 'en' });
    expect(shown).toMatchObject({ name: 'Desk', description: 'Descrizione' });
    expect(shown.x_crocevia).toMatchObject({
      display_language: 'en',
      fallback_languages: { description: 'it' },
      translations: { name: { it: { value: 'Sportello', status: 'original' } } },
    });
  });
});

describe('toDbValues', () => {
  it('leaves out what the file does not say: links always, every field of a CSV without the column', () => {
    const record = { id: 'p', number: '1', service_id: 's' };
    const options = { existing: undefined, language: 'it' as const, now: NOW };
    expect(toDbValues('phone', record, { ...options, keepAbsent: false })).toEqual({ id: 'p', number: '1', service_id: 's', extension: null, type: null, description: null });
    expect(toDbValues('phone', record, { ...options, keepAbsent: true })).toEqual({ id: 'p', number: '1', service_id: 's' });
  });

  it('keeps legacy and unknown service fields in extra, and last_modified as the update time', () => {
    const values = toDbValues('service', { id: 's', name: 'N', status: 'active', fees: 'ten', capacities: [1], last_modified: T0, x_crocevia: { is_free: false } }, { existing: undefined, language: 'en', keepAbsent: false, now: NOW });
    expect(values).toMatchObject({ extra: { fees: 'ten', capacities: [1] }, updated_at: T0, is_free: false, original_locale: 'en', name: { en: { value: 'N', status: 'original' } } });
  });
});
