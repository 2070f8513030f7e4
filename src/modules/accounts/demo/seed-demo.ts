import type { DemoLogin, ModuleContext } from '../../../kernel/module.ts';

/** Demo organisations and people for two regions. */
export async function seedAccountsDemo(_ctx: ModuleContext): Promise<DemoLogin[]> {
  return [];
}
