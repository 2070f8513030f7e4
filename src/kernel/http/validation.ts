import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema, Static } from '@sinclair/typebox';
import { ValidationError, type FieldError } from './errors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// Forms send strings: coerce them, and drop fields the schema does not know.
const formAjv = addFormats(new Ajv({ allErrors: true, coerceTypes: true, removeAdditional: true, useDefaults: true, strict: false }));
const cache = new WeakMap<TSchema, ValidateFunction>();

function fieldOf(error: ErrorObject): string {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return base ? `${base}.${missing}` : missing;
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return base ? `${base}.${extra}` : extra;
  }
  return base || '(body)';
}

/** Turns ajv errors into named fields with message keys (one error per field). */
export function fieldErrorsOf(errors: ErrorObject[] | null | undefined): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const error of errors ?? []) {
    const field = fieldOf(error);
    if (out.has(field)) continue;
    const params = error.params as Record<string, unknown>;
    let messageKey = `validation.${error.keyword}`;
    let values: FieldError['values'];
    switch (error.keyword) {
      case 'minLength':
      case 'maxLength':
      case 'minimum':
      case 'maximum':
      case 'minItems':
      case 'maxItems':
        values = { limit: Number(params.limit) };
        break;
      case 'format':
        messageKey = `validation.format.${String(params.format)}`;
        break;
      case 'type':
        messageKey = `validation.type.${String(params.type).split(',')[0]}`;
        break;
      case 'enum':
      case 'const':
      case 'anyOf':
        messageKey = 'validation.enum';
        break;
      case 'required':
      case 'pattern':
      case 'additionalProperties':
        break;
      default:
        messageKey = 'validation.invalid';
    }
    out.set(field, { field, messageKey, values });
  }
  return [...out.values()];
}

// Empty form fields mean "not given": drop them so optional fields stay optional and required ones say so.
function withoutEmptyStrings(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (typeof v === 'string' && v.trim() === '') continue;
    out[k] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** Validates a submitted form against a schema; throws ValidationError naming every field at fault. */
export function parseForm<S extends TSchema>(schema: S, input: unknown): Static<S> {
  let validate = cache.get(schema);
  if (!validate) {
    validate = formAjv.compile(schema);
    cache.set(schema, validate);
  }
  const data = structuredClone(withoutEmptyStrings(input ?? {}));
  if (!validate(data)) throw new ValidationError(fieldErrorsOf(validate.errors));
  return data as Static<S>;
}
