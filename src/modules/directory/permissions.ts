import type { PermissionDef, RoleDef } from '../../kernel/auth/actor.ts';

/** The directory's permissions. */
export const DIRECTORY_PERMISSIONS: PermissionDef[] = [
  { key: 'directory.service.read', descriptionKey: 'directory.staff.permissions.serviceRead' },
  { key: 'directory.service.create', descriptionKey: 'directory.staff.permissions.serviceCreate' },
  { key: 'directory.service.update', descriptionKey: 'directory.staff.permissions.serviceUpdate' },
  { key: 'directory.service.submit', descriptionKey: 'directory.staff.permissions.serviceSubmit' },
  { key: 'directory.service.publish', descriptionKey: 'directory.staff.permissions.servicePublish' },
  { key: 'directory.service.archive', descriptionKey: 'directory.staff.permissions.serviceArchive' },
  { key: 'directory.service.verify', descriptionKey: 'directory.staff.permissions.serviceVerify' },
  { key: 'directory.organisation.update', descriptionKey: 'directory.staff.permissions.organisationUpdate' },
  { key: 'directory.translation.update', descriptionKey: 'directory.staff.permissions.translationUpdate' },
  { key: 'directory.taxonomy.manage', descriptionKey: 'directory.staff.permissions.taxonomyManage' },
];

/** The directory's roles: operators keep their organisation's records and profile, editors review a region's, translators translate. */
export const DIRECTORY_ROLES: RoleDef[] = [
  {
    key: 'directory_operator',
    labelKey: 'directory.roles.directory_operator',
    scope: 'organisation',
    permissions: [
      'directory.service.read',
      'directory.service.create',
      'directory.service.update',
      'directory.service.submit',
      'directory.service.verify',
      'directory.organisation.update',
      'directory.translation.update',
    ],
  },
  {
    key: 'directory_editor',
    labelKey: 'directory.roles.directory_editor',
    scope: 'region',
    organisationTypes: ['region'],
    permissions: [
      'directory.service.read',
      'directory.service.update',
      'directory.service.publish',
      'directory.service.archive',
      'directory.service.verify',
      'directory.organisation.update',
      'directory.translation.update',
    ],
  },
  {
    key: 'directory_translator',
    labelKey: 'directory.roles.directory_translator',
    scope: 'region',
    permissions: ['directory.service.read', 'directory.translation.update'],
  },
];
