import type { ModuleManifest } from './kernel/module.ts';
import { territoryModule } from './modules/territory/index.ts';
import { accountsModule } from './modules/accounts/index.ts';
import { directoryModule } from './modules/directory/index.ts';
import { siteModule } from './modules/site/index.ts';
import { observatoryModule } from './modules/observatory/index.ts';
import { trainingModule } from './modules/training/index.ts';

/** Every module of this installation, in the order their seeds and routes are applied. */
export const modules: ModuleManifest[] = [territoryModule, accountsModule, directoryModule, siteModule, observatoryModule, trainingModule];
