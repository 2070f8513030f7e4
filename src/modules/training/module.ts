import type { ModuleManifest } from '../../kernel/module.ts';
import { up as core } from './data/migrations/202611260300_training_core.ts';
import { up as evaluation } from './data/migrations/202611260310_training_evaluation.ts';
import { seedTrainingDemo } from './demo/seed-demo.ts';
import { registerTrainingApi } from './http/api-routes.ts';
import { registerClassRoutes } from './http/class-routes.ts';
import { registerEditionRoutes } from './http/edition-routes.ts';
import { registerOutcomeRoutes } from './http/outcome-routes.ts';
import { registerParticipantRoutes } from './http/participant-routes.ts';
import { registerPublicRoutes } from './http/public-routes.ts';
import { registerReportRoutes } from './http/report-routes.ts';
import { registerPrintStylesheet, registerSessionRoutes } from './http/session-routes.ts';
import { registerWorkspaceRoutes } from './http/workspace-routes.ts';
import { TRAINING_PERMISSIONS, TRAINING_ROLES } from './permissions.ts';
import { sendSessionReminders } from './use-cases/send-session-reminders.ts';

/** Cooperative training: paths, editions, calls and selection, mixed groups, attendance, evaluation, certificates, reports. */
export const trainingModule: ModuleManifest = {
  name: 'training',
  localesDir: new URL('./locales/', import.meta.url),
  migrations: {
    '202611260300_core': { up: core },
    '202611260310_evaluation': { up: evaluation },
  },
  permissions: TRAINING_PERMISSIONS,
  roles: TRAINING_ROLES,
  navigation: [
    { labelKey: 'training.nav.catalogue', path: '/training', audience: 'public', order: 40 },
    { labelKey: 'training.nav.mine', path: '/training/my', audience: 'staff', order: 41 },
    { labelKey: 'training.staff.nav.workspace', path: '/training/manage', audience: 'staff', permission: 'training.workspace.open', order: 42 },
  ],
  jobs: {
    'training.reminders': async (_payload, job) => {
      await sendSessionReminders(job);
    },
  },
  schedules: { 'training.reminders': 900 },
  seedDemo: seedTrainingDemo,
  routes(app, ctx) {
    registerPublicRoutes(app, ctx);
    registerParticipantRoutes(app, ctx);
    registerWorkspaceRoutes(app, ctx);
    registerEditionRoutes(app, ctx);
    registerSessionRoutes(app, ctx);
    registerClassRoutes(app, ctx);
    registerOutcomeRoutes(app, ctx);
    registerReportRoutes(app, ctx);
    registerTrainingApi(app, ctx);
    registerPrintStylesheet(app);
  },
};
