import type { PermissionDef, RoleDef } from '../../kernel/auth/actor.ts';

/** The observatory's permissions. */
export const OBSERVATORY_PERMISSIONS: PermissionDef[] = [
  { key: 'observatory.dataset.read', descriptionKey: 'observatory.staff.permissions.datasetRead' },
  { key: 'observatory.dataset.import', descriptionKey: 'observatory.staff.permissions.datasetImport' },
  { key: 'observatory.dataset.publish', descriptionKey: 'observatory.staff.permissions.datasetPublish' },
];

/** Analysts of a region import and publish their region's datasets; national analysts everyone's and the national ones. */
export const OBSERVATORY_ROLES: RoleDef[] = [
  {
    key: 'observatory_analyst',
    labelKey: 'observatory.staff.roles.observatory_analyst',
    scope: 'region',
    organisationTypes: ['region'],
    permissions: ['observatory.dataset.read', 'observatory.dataset.import', 'observatory.dataset.publish'],
  },
  {
    key: 'observatory_national_analyst',
    labelKey: 'observatory.staff.roles.observatory_national_analyst',
    scope: 'national',
    permissions: ['observatory.dataset.read', 'observatory.dataset.import', 'observatory.dataset.publish'],
  },
];
