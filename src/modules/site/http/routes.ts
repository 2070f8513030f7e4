import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import { sendPage } from '../../../kernel/web/layout.ts';
import { homeView, legalView } from '../views/pages.ts';

const UPDATED = '2026-11-26';

/** Home page and the legal pages linked from the footer. */
export function registerSiteRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  app.get('/:lang', async (req, reply) =>
    sendPage(reply, req, { title: req.t('site.home.title'), body: homeView(req, app.shell.navigation) }),
  );
  // First-strong isolates keep the e-mail address left-to-right inside Arabic and Urdu sentences.
  const email = `\u2068${ctx.config.contactEmail}\u2069`;
  const values = { owner: ctx.config.ownerName, platform: ctx.config.platformName, updated: UPDATED, email };
  for (const page of ['accessibility', 'privacy', 'legal'] as const) {
    app.get(`/:lang/${page}`, async (req, reply) =>
      sendPage(reply, req, { title: req.t(`site.${page}.title`), body: legalView(req, page, values) }),
    );
  }
}
