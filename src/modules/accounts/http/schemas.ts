import { Type, type TSchema } from '@sinclair/typebox';
import { PUBLIC_LOCALES } from '../../../kernel/i18n/locales.ts';
import { ORGANISATION_TYPES, type OrganisationType } from '../permissions.ts';

// OpenAPI 3.1 and ajv both read type arrays: simpler errors than an anyOf of string and null.
function nullable<T extends TSchema>(schema: T) {
  return Type.Unsafe<T['static'] | null>({ ...schema, type: [(schema as { type?: string }).type ?? 'string', 'null'] });
}

const OrganisationType = Type.Unsafe<OrganisationType>({ type: 'string', enum: [...ORGANISATION_TYPES] });
const Locale = Type.Unsafe<(typeof PUBLIC_LOCALES)[number]>({ type: 'string', enum: [...PUBLIC_LOCALES] });
const Id = Type.String({ format: 'uuid' });
const RoleKey = Type.String({ pattern: '^[a-z][a-z0-9_]{1,62}$' });
const DateTime = Type.String({ format: 'date-time' });

const organisationFields = {
  name: Type.String({ minLength: 2, maxLength: 200 }),
  type: OrganisationType,
  regionCode: Type.String({ pattern: '^[0-9]{2}$', examples: ['08'] }),
  provinceCode: nullable(Type.String({ pattern: '^[0-9]{3}$', examples: ['237'] })),
  municipalityCode: nullable(Type.String({ pattern: '^[0-9]{6}$', examples: ['037006'] })),
  taxCode: nullable(Type.String({ pattern: '^([0-9]{11}|[A-Za-z0-9]{16})$', description: 'Codice fiscale: 11 digits, or 16 characters' })),
  ipaCode: nullable(Type.String({ pattern: '^[A-Za-z0-9_]{2,20}$', description: 'Code in the index of public administrations (IPA)' })),
  email: nullable(Type.String({ format: 'email', maxLength: 254 })),
  website: nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300 })),
  isActive: Type.Boolean(),
};

/** A new organisation (API body and form). */
export const NewOrganisationBody = Type.Object(
  {
    name: organisationFields.name,
    type: organisationFields.type,
    regionCode: organisationFields.regionCode,
    provinceCode: Type.Optional(organisationFields.provinceCode),
    municipalityCode: Type.Optional(organisationFields.municipalityCode),
    taxCode: Type.Optional(organisationFields.taxCode),
    ipaCode: Type.Optional(organisationFields.ipaCode),
    email: Type.Optional(organisationFields.email),
    website: Type.Optional(organisationFields.website),
    isActive: Type.Optional(organisationFields.isActive),
  },
  { additionalProperties: false },
);

/** Changes to an organisation: absent fields stay, null clears. */
export const OrganisationChangesBody = Type.Partial(Type.Object(organisationFields), { additionalProperties: false, minProperties: 1 });

/** A new person with their first membership (optional only for a platform administrator). */
export const NewPersonBody = Type.Object(
  {
    fullName: Type.String({ minLength: 2, maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    preferredLocale: Type.Optional(Locale),
    isPlatformAdmin: Type.Optional(Type.Boolean()),
    organisationId: Type.Optional(Id),
    roleKey: Type.Optional(RoleKey),
  },
  { additionalProperties: false },
);

/** Changes to a person: absent fields stay. */
export const PersonChangesBody = Type.Partial(
  Type.Object({
    fullName: Type.String({ minLength: 2, maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    preferredLocale: Locale,
    isActive: Type.Boolean(),
    isPlatformAdmin: Type.Boolean(),
  }),
  { additionalProperties: false, minProperties: 1 },
);

/** A membership to add. */
export const MembershipBody = Type.Object({ organisationId: Id, roleKey: RoleKey }, { additionalProperties: false });

/** An organisation as the API returns it. */
export const OrganisationSchema = Type.Object({
  id: Id,
  ...organisationFields,
  createdAt: DateTime,
  updatedAt: DateTime,
});

/** A membership as the API returns it. */
export const MembershipSchema = Type.Object({
  id: Id,
  organisationId: Id,
  organisationName: Type.String(),
  organisationType: OrganisationType,
  regionCode: Type.String(),
  roleKey: Type.String(),
  createdAt: DateTime,
});

/** A person in a list. */
export const PersonSummarySchema = Type.Object({
  id: Id,
  email: Type.String(),
  fullName: Type.String(),
  isActive: Type.Boolean(),
  isPlatformAdmin: Type.Boolean(),
});

/** A person with the memberships the caller may see. Never any password or second-factor field. */
export const PersonSchema = Type.Object({
  ...PersonSummarySchema.properties,
  preferredLocale: Type.String(),
  lastLoginAt: nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  isEditable: Type.Boolean({ description: 'Whether the caller may change name, e-mail, language and active flag' }),
  memberships: Type.Array(MembershipSchema),
  hiddenMembershipCount: Type.Integer({ description: 'Memberships in organisations beyond the caller’s reach' }),
});

/** A role with its permissions, labelled in the request's language. */
export const RoleSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  scope: Type.Union([Type.Literal('organisation'), Type.Literal('region'), Type.Literal('national')]),
  organisationTypes: Type.Array(Type.String(), { description: 'Organisation types that may hold the role (empty: any)' }),
  permissions: Type.Array(Type.Object({ key: Type.String(), description: Type.String() })),
});

/** The signed-in person, their memberships and the permissions they carry. */
export const MeSchema = Type.Object({
  person: Type.Object({ id: Id, fullName: Type.String(), email: Type.String(), isPlatformAdmin: Type.Boolean() }),
  memberships: Type.Array(Type.Object({ organisationId: Id, organisationName: Type.String(), regionCode: Type.String(), roleKey: Type.String() })),
  permissions: Type.Array(
    Type.Object({
      permission: Type.String(),
      scope: Type.Union([Type.Literal('organisation'), Type.Literal('region'), Type.Literal('national')]),
      organisationId: Id,
      regionCode: Type.String(),
    }),
  ),
});

/** A page of a list. */
export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), per_page: Type.Integer() });
}

/** Paging query parameters. */
export const paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  per_page: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
};
