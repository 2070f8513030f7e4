import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import { PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import { CATALOGUE, type DatasetTable, type FieldSpec } from './catalogue.ts';
import { RELATIONS } from './relations.ts';

/** The `$id` of the response schema of an HSDS object. */
export const schemaId = (table: DatasetTable): string => `Hsds_${table}`;

const EXTENSION_ID = 'Hsds_x_crocevia';

function fieldSchema(field: FieldSpec): TSchema {
  const options = field.description ? { description: field.description } : {};
  switch (field.type) {
    case 'number':
      return Type.Number(options);
    case 'boolean':
      return Type.Boolean(options);
    case 'date':
      return Type.String({ ...options, format: 'date' });
    case 'datetime':
      return Type.String({ ...options, format: 'date-time' });
    case 'time':
      return Type.String({ ...options, format: 'time' });
    case 'string':
      return Type.String({ ...options, ...(field.format ? { format: field.format } : {}), ...(field.enum ? { enum: [...field.enum] } : {}) });
  }
}

const Translation = Type.Object({
  value: Type.String(),
  status: Type.Union(['original', 'machine', 'reviewed', 'outdated'].map((s) => Type.Literal(s))),
  updated_at: Type.Optional(Type.String({ format: 'date-time' })),
});

/** The Crocevia profile's `x_crocevia` property (see docs/hsds-profile.md). */
export const ExtensionSchema = Type.Object(
  {
    original_language: Type.Optional(Type.String({ description: "The language of the plain fields' original text (it, en, fr, es, ar, zh, sq, uk, bn, ur)" })),
    translations: Type.Optional(
      Type.Record(Type.String(), Type.Record(Type.String(), Translation), {
        description: 'Each translated field in every language other than the one shown in the plain field: value, status (machine, reviewed, outdated; original with ?lang=) and when it was written',
      }),
    ),
    region_code: Type.Optional(Type.String({ description: 'ISTAT code of the region whose directory holds the record' })),
    municipality_code: Type.Optional(Type.String({ description: 'ISTAT code of the municipality of a location' })),
    is_free: Type.Optional(Type.Boolean({ description: 'The service costs nothing to the person using it' })),
    last_verified_at: Type.Optional(Type.String({ format: 'date-time', description: 'When staff last confirmed the service information is right' })),
    published_at: Type.Optional(Type.String({ format: 'date-time', description: 'When the version shown was published' })),
    display_language: Type.Optional(Type.String({ description: 'With ?lang=: the language asked for, shown in the plain fields' })),
    fallback_languages: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'With ?lang=: fields shown in another language because the one asked for is missing, and that language' })),
    schedule_exceptions: Type.Optional(Type.Array(Type.Ref(schemaId('x_crocevia_schedule_exception')))),
  },
  { $id: EXTENSION_ID, description: "Crocevia's HSDS profile extension", additionalProperties: false },
);

function objectSchema(table: DatasetTable): TObject {
  const spec = CATALOGUE.get(table)!;
  const properties: Record<string, TSchema> = {};
  for (const field of spec.fields) properties[field.name] = Type.Optional(fieldSchema(field));
  for (const relation of RELATIONS[table]) {
    if (relation.key.startsWith('x_crocevia.')) continue;
    const ref = Type.Ref(schemaId(relation.table));
    properties[relation.key] = Type.Optional(relation.isMany ? Type.Array(ref) : ref);
  }
  properties.x_crocevia = Type.Optional(Type.Ref(EXTENSION_ID));
  // A service keeps fields HSDS 3.0 does not define (kept from imports in `extra`).
  return Type.Object(properties, { $id: schemaId(table), title: `HSDS ${table}`, additionalProperties: table === 'service' });
}

/** Every schema the HSDS routes refer to, for `app.addSchema`. */
export function hsdsSchemas(): TSchema[] {
  return [ExtensionSchema, ...[...CATALOGUE.keys()].map(objectSchema)];
}

/** A paginated HSDS list of some object (the `Page` of the HSDS API). */
export function pageSchema(table: DatasetTable): TObject {
  const count = (description: string) => Type.Integer({ description });
  return Type.Object({
    total_items: count('The total number of entities matching the request'),
    total_pages: count('Count of total pages'),
    page_number: count('The number of the current page'),
    size: count('The number of entities in the current page'),
    first_page: Type.Boolean(),
    last_page: Type.Boolean(),
    empty: Type.Boolean(),
    contents: Type.Array(Type.Ref(schemaId(table))),
  });
}

const uuid = (description: string) => Type.Optional(Type.String({ format: 'uuid', description }));

/** Query parameters every list accepts. */
export const listQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Page number (from 1)' })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Results per page (default 50, at most 500)' })),
  format: Type.Optional(Type.Literal('json', { description: 'Only json is served' })),
  lang: Type.Optional(Type.Union(PUBLIC_LOCALES.map((l) => Type.Literal(l)), { description: "Show translated fields in this language (with a fallback to the original); without it, plain fields hold the original text" })),
  search: Type.Optional(Type.String({ maxLength: 200, description: 'Words that must all appear in a name, alternate name or description, in any language (accents and case ignored)' })),
};

/** Filters of the service and service-at-location lists. */
export const serviceFilters = {
  taxonomy_term_id: uuid('Services with this taxonomy term or one below it'),
  taxonomy_id: uuid('Services with any term of this taxonomy'),
  organization_id: uuid('Services of this organization'),
  modified_after: Type.Optional(Type.String({ description: 'Services whose public version changed on or after this date (YYYY-MM-DD) or date and time (ISO 8601)' })),
  full: Type.Optional(Type.Boolean({ description: 'Return fully nested objects' })),
};

/** The `lang` parameter alone (for single objects). */
export const langQuery = Type.Object({ lang: listQuery.lang }, { additionalProperties: false });
