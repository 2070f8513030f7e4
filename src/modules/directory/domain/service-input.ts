import { Type, type Static } from '@sinclair/typebox';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { parseForm } from '../../../kernel/http/validation.ts';

const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/** The service details form (also the creation form, with organisationId). */
export const ServiceDetailsBody = Type.Object({
  name: Type.String({ minLength: 3, maxLength: 200 }),
  alternateName: optionalText(200),
  description: Type.String({ minLength: 10, maxLength: 5000 }),
  eligibility: optionalText(3000),
  applicationProcess: optionalText(3000),
  interpretationServices: optionalText(1000),
  alert: optionalText(1000),
  status: Type.Union([Type.Literal('active'), Type.Literal('inactive'), Type.Literal('defunct'), Type.Literal('temporarily closed')]),
  url: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  cost: Type.Union([Type.Literal('free'), Type.Literal('paid')]),
  feesDescription: optionalText(2000),
  minimumAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  maximumAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  documents: optionalText(5000),
  needs: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 12 }),
  languages: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { maxItems: 40 })),
  otherLanguages: optionalText(200),
  phone1Number: optionalText(40),
  phone1Description: optionalText(200),
  phone2Number: optionalText(40),
  phone2Description: optionalText(200),
});

/** The form fields of the details form, in page order (for the error summary and re-rendering). */
export const SERVICE_DETAIL_FIELDS = [
  'name',
  'alternateName',
  'description',
  'needs',
  'eligibility',
  'minimumAge',
  'maximumAge',
  'applicationProcess',
  'documents',
  'cost',
  'feesDescription',
  'languages',
  'otherLanguages',
  'interpretationServices',
  'phone1Number',
  'phone1Description',
  'phone2Number',
  'phone2Description',
  'url',
  'email',
  'status',
  'alert',
] as const;

/** The checked details of a service, ready to store (texts in the service's original language). */
export interface ServiceDetailsInput {
  texts: {
    name: string;
    alternate_name: string | null;
    description: string;
    eligibility_description: string | null;
    application_process: string | null;
    interpretation_services: string | null;
    alert: string | null;
    fees_description: string | null;
  };
  status: Static<typeof ServiceDetailsBody>['status'];
  url: string | null;
  email: string | null;
  isFree: boolean;
  minimumAge: number | null;
  maximumAge: number | null;
  documents: string[];
  needs: string[];
  languages: string[];
  phones: { number: string; description: string | null }[];
}

// Italian and international numbers: digits with spaces, dots, dashes or brackets, 6 to 15 digits.
const PHONE = /^\+?[0-9][0-9 ().\-/]{4,24}$/;

/** Whether a phone number looks dialable. */
export function isValidPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return PHONE.test(value.trim()) && digits.length >= 6 && digits.length <= 15;
}

const order = (field: string) => {
  const index = (SERVICE_DETAIL_FIELDS as readonly string[]).indexOf(field.split('.')[0]!);
  return index < 0 ? SERVICE_DETAIL_FIELDS.length : index;
};
const inFormOrder = (errors: FieldError[]) => [...errors].sort((a, b) => order(a.field) - order(b.field));

const asList = (value: unknown): unknown => (value === undefined || Array.isArray(value) ? value : [value]);

/** Checks the details form; throws ValidationError naming every field at fault. */
export function parseServiceDetails(body: Record<string, unknown>, known: { termIds: ReadonlySet<string>; languageCodes: ReadonlySet<string> }): ServiceDetailsInput {
  const errors: FieldError[] = [];
  let parsed: Static<typeof ServiceDetailsBody> | null = null;
  try {
    parsed = parseForm(ServiceDetailsBody, { ...body, needs: asList(body.needs) ?? [], languages: asList(body.languages) });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors.push(...error.fields);
  }
  const has = (field: string) => errors.some((e) => e.field === field || e.field.startsWith(`${field}.`));
  const text = (field: string) => (typeof body[field] === 'string' ? (body[field] as string).trim() : '');
  if (text('cost') === 'paid' && !text('feesDescription') && !has('feesDescription')) {
    errors.push({ field: 'feesDescription', messageKey: 'directory.staff.errors.feesRequired' });
  }
  if (text('url') && !has('url') && !/^https?:\/\//i.test(text('url'))) errors.push({ field: 'url', messageKey: 'validation.format.uri' });
  const min = Number(text('minimumAge'));
  const max = Number(text('maximumAge'));
  if (text('minimumAge') && text('maximumAge') && !has('minimumAge') && !has('maximumAge') && min > max) {
    errors.push({ field: 'maximumAge', messageKey: 'directory.staff.errors.ageOrder', values: { minimum: min } });
  }
  for (const n of [1, 2]) {
    const number = text(`phone${n}Number`);
    if (number && !has(`phone${n}Number`) && !isValidPhone(number)) errors.push({ field: `phone${n}Number`, messageKey: 'directory.staff.errors.phone' });
    if (!number && text(`phone${n}Description`)) errors.push({ field: `phone${n}Number`, messageKey: 'validation.required' });
  }
  const needs = (asList(body.needs) as unknown[] | undefined)?.map(String) ?? [];
  if (!has('needs') && needs.some((id) => !known.termIds.has(id))) errors.push({ field: 'needs', messageKey: 'validation.enum' });
  const checked = ((asList(body.languages) as unknown[] | undefined) ?? []).map(String);
  if (!has('languages') && checked.some((code) => !known.languageCodes.has(code))) errors.push({ field: 'languages', messageKey: 'validation.enum' });
  const others = text('otherLanguages')
    .split(/[\s,;]+/)
    .map((c) => c.toLowerCase())
    .filter(Boolean);
  const unknown = others.filter((code) => !known.languageCodes.has(code));
  if (unknown.length && !has('otherLanguages')) errors.push({ field: 'otherLanguages', messageKey: 'directory.staff.errors.languageUnknown', values: { codes: unknown.join(', ') } });
  if (errors.length || !parsed) throw new ValidationError(inFormOrder(errors));
  const orNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
  return {
    texts: {
      name: parsed.name,
      alternate_name: orNull(parsed.alternateName),
      description: parsed.description,
      eligibility_description: orNull(parsed.eligibility),
      application_process: orNull(parsed.applicationProcess),
      interpretation_services: orNull(parsed.interpretationServices),
      alert: orNull(parsed.alert),
      fees_description: orNull(parsed.feesDescription),
    },
    status: parsed.status,
    url: orNull(parsed.url),
    email: orNull(parsed.email),
    isFree: parsed.cost === 'free',
    minimumAge: parsed.minimumAge ?? null,
    maximumAge: parsed.maximumAge ?? null,
    documents: (parsed.documents ?? '')
      .split(/\r?\n/)
      .map((line) => line.replace(/^[-•*]\s*/, '').trim())
      .filter(Boolean),
    needs: [...new Set(parsed.needs)],
    languages: [...new Set([...(parsed.languages ?? []), ...others])].sort(),
    phones: [1, 2]
      .map((n) => ({ number: orNull(parsed[`phone${n}Number` as 'phone1Number']), description: orNull(parsed[`phone${n}Description` as 'phone1Description']) }))
      .filter((p): p is { number: string; description: string | null } => p.number !== null),
  };
}
