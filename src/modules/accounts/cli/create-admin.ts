import type { CliCommand } from '../../../kernel/module.ts';

/** `npx crocevia create-admin`: creates or promotes a platform administrator. */
export const createAdminCommand: CliCommand = {
  name: 'create-admin',
  summary: 'Create a platform administrator',
  usage: 'npx crocevia create-admin --email <email> --name <full name> [--password <password>]',
  needsDatabase: true,
  async run() {
    return 1;
  },
};
