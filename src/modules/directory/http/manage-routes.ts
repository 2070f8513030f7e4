import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { registerHoursPages } from './manage-hours-routes.ts';
import { registerListPages } from './manage-list-routes.ts';
import { registerLocationPages } from './manage-location-routes.ts';
import { registerOrganisationPages } from './manage-organisation-routes.ts';
import { registerServicePages } from './manage-service-routes.ts';
import { registerTranslationPages } from './manage-translation-routes.ts';
import { registerWorkflowPages } from './manage-workflow-routes.ts';

/** Every staff page of the directory, under /:lang/directory/manage. */
export function registerManagePages(app: FastifyInstance, ctx: ModuleContext, options: { staleDays: number }): void {
  registerListPages(app, ctx, options.staleDays);
  registerServicePages(app, ctx);
  registerHoursPages(app, ctx);
  registerLocationPages(app, ctx);
  registerWorkflowPages(app, ctx);
  registerTranslationPages(app, ctx);
  registerOrganisationPages(app, ctx);
}
