import type { ModuleManifest } from './kernel/module.ts';
import { territoryModule } from './modules/territory/index.ts';
import { accountsModule } from './modules/accounts/index.ts';
import { siteModule } from './modules/site/index.ts';

/** Every module of this installation, in the order their seeds and routes are applied. */
export const modules: ModuleManifest[] = [territoryModule, accountsModule, siteModule];
