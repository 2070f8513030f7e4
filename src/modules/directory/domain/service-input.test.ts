import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { isValidPhone, parseServiceDetails } from './service-input.ts';

const TERM = '7b0c9f0e-1b2c-5d3e-8f4a-000000000001';
const known = { termIds: new Set([TERM]), languageCodes: new Set(['it', 'en', 'ar', 'bn', 'ti']) };
const valid = { name: 'Sportello immigrazione', description: 'Informazioni e pratiche per il permesso di soggiorno.', status: 'active', cost: 'free', needs: TERM };

function fieldsOf(body: Record<string, unknown>): string[] {
  try {
    parseServiceDetails(body, known);
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.map((f) => `${f.field}:${f.messageKey}`);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('service details', () => {
  it('reads a valid form: one need as a single value, documents one per line, other languages by code', () => {
    const input = parseServiceDetails({ ...valid, documents: '- Passaporto\n\n• Codice fiscale ', languages: 'ar', otherLanguages: 'ti, BN', phone1Number: '+39 051 123 4567' }, known);
    expect(input.needs).toEqual([TERM]);
    expect(input.documents).toEqual(['Passaporto', 'Codice fiscale']);
    expect(input.languages).toEqual(['ar', 'bn', 'ti']);
    expect(input.isFree).toBe(true);
    expect(input.phones).toEqual([{ number: '+39 051 123 4567', description: null }]);
  });

  it('names each field at fault', () => {
    expect(fieldsOf({ ...valid, name: '', needs: undefined })).toEqual(['name:validation.required', 'needs:validation.minItems']);
    expect(fieldsOf({ ...valid, minimumAge: '18', maximumAge: '16' })).toEqual(['maximumAge:directory.staff.errors.ageOrder']);
    expect(fieldsOf({ ...valid, cost: 'paid' })).toEqual(['feesDescription:directory.staff.errors.feesRequired']);
    expect(fieldsOf({ ...valid, phone2Number: 'call us' })).toEqual(['phone2Number:directory.staff.errors.phone']);
    expect(fieldsOf({ ...valid, email: 'not-an-address', url: 'ftp://x' })).toEqual(['url:validation.format.uri', 'email:validation.format.email']);
    expect(fieldsOf({ ...valid, otherLanguages: 'xx, ar' })).toEqual(['otherLanguages:directory.staff.errors.languageUnknown']);
    expect(fieldsOf({ ...valid, needs: ['7b0c9f0e-1b2c-5d3e-8f4a-000000000099'] })).toEqual(['needs:validation.enum']);
  });

  it('checks phone numbers', () => {
    expect(isValidPhone('051 2194400')).toBe(true);
    expect(isValidPhone('+39 (091) 740-1234')).toBe(true);
    expect(isValidPhone('12345')).toBe(false);
    expect(isValidPhone('+39 051 abc')).toBe(false);
  });
});
