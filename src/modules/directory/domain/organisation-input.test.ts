import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../kernel/http/errors.ts';
import { parseOrganisationProfile } from './organisation-input.ts';

const valid = { name: 'Associazione Pane e Parole', description: 'Corsi di italiano e accompagnamento ai servizi della città.' };
const options = { currentYear: 2026 };

function fieldsOf(body: Record<string, unknown>): string[] {
  try {
    parseOrganisationProfile(body, options);
  } catch (error) {
    if (error instanceof ValidationError) return error.fields.map((f) => `${f.field}:${f.messageKey}`);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('organisation profile', () => {
  it('reads a valid form: empty fields are absent, the tax code loses its spaces, phones keep their order', () => {
    const input = parseOrganisationProfile(
      { ...valid, alternateName: '  ', website: 'https://paneparole.example.org', taxId: ' 0123 2710 374 ', yearIncorporated: '1998', phone2Number: '051 123 4567', phone2Description: 'Segreteria' },
      options,
    );
    expect(input).toEqual({
      texts: { name: 'Associazione Pane e Parole', alternate_name: null, description: valid.description },
      website: 'https://paneparole.example.org',
      email: null,
      phones: [{ number: '051 123 4567', description: 'Segreteria' }],
      legalStatus: null,
      taxId: '01232710374',
      yearIncorporated: 1998,
    });
    expect(parseOrganisationProfile({ ...valid, taxId: 'rssmra80a01h501u' }, options).taxId).toBe('RSSMRA80A01H501U');
  });

  it('names each field at fault, in the order of the form', () => {
    expect(fieldsOf({ yearIncorporated: 'soon', taxId: '123', email: 'nobody', website: 'ftp://example.org', phone1Description: 'Centralino' })).toEqual([
      'name:validation.required',
      'description:validation.required',
      'website:validation.format.uri',
      'email:validation.format.email',
      'phone1Number:validation.required',
      'taxId:directory.staff.errors.taxId',
      'yearIncorporated:validation.type.integer',
    ]);
    expect(fieldsOf({ ...valid, phone1Number: '12' })).toEqual(['phone1Number:directory.staff.errors.phone']);
  });

  it('refuses a founding year in the future', () => {
    expect(fieldsOf({ ...valid, yearIncorporated: '2027' })).toEqual(['yearIncorporated:validation.maximum']);
    expect(parseOrganisationProfile({ ...valid, yearIncorporated: '2026' }, options).yearIncorporated).toBe(2026);
  });
});
