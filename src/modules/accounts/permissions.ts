import type { PermissionDef, RoleDef } from '../../kernel/auth/actor.ts';

/** The organisation types of Crocevia. */
export const ORGANISATION_TYPES = [
  'region',
  'prefecture',
  'municipality',
  'health_authority',
  'cpia',
  'school',
  'employment_centre',
  'third_sector',
  'migrant_association',
  'other',
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The accounts module's permissions. */
export const ACCOUNTS_PERMISSIONS: PermissionDef[] = [
  { key: 'accounts.organisation.read', descriptionKey: 'accounts.staff.permissions.organisationRead' },
  { key: 'accounts.organisation.create', descriptionKey: 'accounts.staff.permissions.organisationCreate' },
  { key: 'accounts.organisation.update', descriptionKey: 'accounts.staff.permissions.organisationUpdate' },
  { key: 'accounts.person.read', descriptionKey: 'accounts.staff.permissions.personRead' },
  { key: 'accounts.person.create', descriptionKey: 'accounts.staff.permissions.personCreate' },
  { key: 'accounts.person.update', descriptionKey: 'accounts.staff.permissions.personUpdate' },
  { key: 'accounts.membership.manage', descriptionKey: 'accounts.staff.permissions.membershipManage' },
  { key: 'accounts.role.read', descriptionKey: 'accounts.staff.permissions.roleRead' },
  { key: 'accounts.audit.read', descriptionKey: 'accounts.staff.permissions.auditRead' },
];

/** The accounts module's built-in roles; other modules add theirs in their manifests. */
export const ACCOUNTS_ROLES: RoleDef[] = [
  {
    key: 'region_admin',
    labelKey: 'accounts.roles.region_admin',
    scope: 'region',
    organisationTypes: ['region'],
    permissions: [
      'accounts.organisation.read',
      'accounts.organisation.create',
      'accounts.organisation.update',
      'accounts.person.read',
      'accounts.person.create',
      'accounts.person.update',
      'accounts.membership.manage',
      'accounts.role.read',
      'accounts.audit.read',
    ],
  },
  {
    key: 'org_admin',
    labelKey: 'accounts.roles.org_admin',
    scope: 'organisation',
    permissions: ['accounts.organisation.read', 'accounts.organisation.update', 'accounts.person.read', 'accounts.person.create', 'accounts.person.update', 'accounts.membership.manage', 'accounts.role.read'],
  },
  {
    key: 'staff',
    labelKey: 'accounts.roles.staff',
    scope: 'organisation',
    permissions: ['accounts.organisation.read'],
  },
];
