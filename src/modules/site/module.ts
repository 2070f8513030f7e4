import type { ModuleManifest } from '../../kernel/module.ts';
import { registerSiteRoutes } from './http/routes.ts';

/** The site: home page, accessibility statement, privacy notice and legal notes. */
export const siteModule: ModuleManifest = {
  name: 'site',
  localesDir: new URL('./locales/', import.meta.url),
  navigation: [{ labelKey: 'site.nav.home', path: '/', audience: 'public', order: 0 }],
  routes(app, ctx) {
    registerSiteRoutes(app, ctx);
  },
};
