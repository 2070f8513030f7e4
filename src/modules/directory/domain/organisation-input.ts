import { Type, type Static } from '@sinclair/typebox';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';
import { isValidPhone } from './service-input.ts';

const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/** The organisation profile form: the HSDS organization fields an organisation keeps itself. */
export const OrganisationProfileBody = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 200 }),
  alternateName: optionalText(200),
  description: Type.String({ minLength: 10, maxLength: 5000 }),
  website: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  phone1Number: optionalText(40),
  phone1Description: optionalText(200),
  phone2Number: optionalText(40),
  phone2Description: optionalText(200),
  legalStatus: optionalText(200),
  taxId: optionalText(20),
  yearIncorporated: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2100 })),
});

/** The fields of the profile form, in page order (for the error summary and its labels). */
export const ORGANISATION_PROFILE_FIELDS = [
  'name',
  'alternateName',
  'description',
  'website',
  'email',
  'phone1Number',
  'phone1Description',
  'phone2Number',
  'phone2Description',
  'legalStatus',
  'taxId',
  'yearIncorporated',
] as const;

/** The checked profile, ready to store (texts in the organisation's original language). */
export interface OrganisationProfileInput {
  texts: { name: string; alternate_name: string | null; description: string };
  website: string | null;
  email: string | null;
  phones: { number: string; description: string | null }[];
  legalStatus: string | null;
  taxId: string | null;
  yearIncorporated: number | null;
}

// An Italian tax code of an organisation (codice fiscale / partita IVA: 11 digits) or of a person (16 characters).
const TAX_ID = /^(?:\d{11}|[A-Z0-9]{16})$/;

const order = (field: string) => {
  const index = (ORGANISATION_PROFILE_FIELDS as readonly string[]).indexOf(field);
  return index < 0 ? ORGANISATION_PROFILE_FIELDS.length : index;
};

/** Checks the profile form; throws ValidationError naming every field at fault, in page order. */
export function parseOrganisationProfile(body: Record<string, unknown>, options: { currentYear: number }): OrganisationProfileInput {
  const errors: FieldError[] = [];
  let parsed: Static<typeof OrganisationProfileBody> | null = null;
  try {
    parsed = parseForm(OrganisationProfileBody, body);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors.push(...error.fields);
  }
  const has = (field: string) => errors.some((e) => e.field === field);
  const text = (field: string) => (typeof body[field] === 'string' ? (body[field] as string).trim() : '');
  if (text('website') && !has('website') && !/^https?:\/\//i.test(text('website'))) errors.push({ field: 'website', messageKey: 'validation.format.uri' });
  for (const n of [1, 2]) {
    const number = text(`phone${n}Number`);
    if (number && !has(`phone${n}Number`) && !isValidPhone(number)) errors.push({ field: `phone${n}Number`, messageKey: 'directory.staff.errors.phone' });
    if (!number && text(`phone${n}Description`)) errors.push({ field: `phone${n}Number`, messageKey: 'validation.required' });
  }
  const taxId = text('taxId').replace(/\s+/g, '').toUpperCase();
  if (taxId && !has('taxId') && !TAX_ID.test(taxId)) errors.push({ field: 'taxId', messageKey: 'directory.staff.errors.taxId' });
  if (parsed?.yearIncorporated !== undefined && parsed.yearIncorporated > options.currentYear) {
    errors.push({ field: 'yearIncorporated', messageKey: 'validation.maximum', values: { limit: options.currentYear } });
  }
  if (errors.length || !parsed) throw new ValidationError([...errors].sort((a, b) => order(a.field) - order(b.field)));
  const orNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
  return {
    texts: { name: parsed.name, alternate_name: orNull(parsed.alternateName), description: parsed.description },
    website: orNull(parsed.website),
    email: orNull(parsed.email),
    phones: [1, 2]
      .map((n) => ({ number: orNull(parsed[`phone${n}Number` as 'phone1Number']), description: orNull(parsed[`phone${n}Description` as 'phone1Description']) }))
      .filter((p): p is { number: string; description: string | null } => p.number !== null),
    legalStatus: orNull(parsed.legalStatus),
    taxId: taxId || null,
    yearIncorporated: parsed.yearIncorporated ?? null,
  };
}
