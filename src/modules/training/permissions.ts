import type { PermissionDef, RoleDef } from '../../kernel/auth/actor.ts';

/** The training module's permissions. */
export const TRAINING_PERMISSIONS: PermissionDef[] = [
  { key: 'training.workspace.open', descriptionKey: 'training.staff.permissions.workspaceOpen' },
  { key: 'training.path.manage', descriptionKey: 'training.staff.permissions.pathManage' },
  { key: 'training.edition.manage', descriptionKey: 'training.staff.permissions.editionManage' },
  { key: 'training.edition.teach', descriptionKey: 'training.staff.permissions.editionTeach' },
  { key: 'training.report.read', descriptionKey: 'training.staff.permissions.reportRead' },
];

/**
 * Managers run a region's paths and editions; trainers teach only the editions they are assigned to (the
 * permission alone opens nothing); the funder reads the reports of the whole programme.
 */
export const TRAINING_ROLES: RoleDef[] = [
  {
    key: 'training_manager',
    labelKey: 'training.roles.training_manager',
    scope: 'region',
    organisationTypes: ['region'],
    permissions: ['training.workspace.open', 'training.path.manage', 'training.edition.manage', 'training.report.read'],
  },
  {
    key: 'trainer',
    labelKey: 'training.roles.trainer',
    scope: 'organisation',
    permissions: ['training.workspace.open', 'training.edition.teach'],
  },
  {
    key: 'training_funder',
    labelKey: 'training.roles.training_funder',
    scope: 'national',
    permissions: ['training.workspace.open', 'training.report.read'],
  },
];
