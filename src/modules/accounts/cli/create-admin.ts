import { parseArgs } from 'node:util';
import type { CliCommand, ModuleContext } from '../../../kernel/module.ts';
import { sessions } from '../../../kernel/auth/sessions.ts';
import { authRepository } from '../data/auth-repository.ts';
import { generatePassword, hashPassword, newPasswordErrors } from '../passwords.ts';

const EXIT_USAGE = 64;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function fail(message: string): number {
  process.stderr.write(`create-admin: ${message}\nUsage: ${createAdminCommand.usage}\n`);
  return EXIT_USAGE;
}

/** Creates the administrator, or promotes the existing person with that e-mail; returns the exit code. */
async function createOrPromote(ctx: ModuleContext, options: { email: string; name: string | undefined; password: string | undefined }): Promise<number> {
  const existing = await authRepository.findPersonByEmail(ctx.db, options.email);
  if (!existing && !options.name) return fail('--name is required to create a new person.');
  const generated = options.password === undefined && !existing?.passwordHash ? generatePassword() : undefined;
  const password = options.password ?? generated;
  const passwordHash = password === undefined ? null : await hashPassword(password);

  if (!existing) {
    const fullName = options.name;
    if (!fullName || !passwordHash) throw new Error('A new administrator always has a name and a password');
    const personId = await ctx.db.transaction().execute(async (trx) => {
      const id = await authRepository.insertPerson(trx, { email: options.email, fullName, passwordHash, isPlatformAdmin: true });
      await ctx.audit.record({ actorPersonId: null, action: 'accounts.admin.created', entity: 'accounts.person', entityId: id, details: { via: 'cli' } }, trx);
      return id;
    });
    process.stdout.write(`Platform administrator created (${personId}).\n`);
  } else {
    await ctx.db.transaction().execute(async (trx) => {
      await authRepository.promoteToPlatformAdmin(trx, existing.id);
      if (passwordHash) {
        await authRepository.setPasswordHash(trx, existing.id, passwordHash);
        await sessions.destroyAllOf(trx, existing.id);
      }
      await ctx.audit.record(
        { actorPersonId: null, action: 'accounts.admin.promoted', entity: 'accounts.person', entityId: existing.id, details: { via: 'cli', passwordChanged: passwordHash !== null } },
        trx,
      );
    });
    process.stdout.write(`Existing person promoted to platform administrator (${existing.id})${passwordHash ? '; password replaced' : '; password unchanged'}.\n`);
  }
  if (generated) process.stdout.write(`Generated password (shown only this once, keep it safe): ${generated}\n`);
  process.stdout.write(`Log in at ${ctx.config.baseUrl}/it/login\n`);
  return 0;
}

/** `npx crocevia create-admin`: creates or promotes a platform administrator. */
export const createAdminCommand: CliCommand = {
  name: 'create-admin',
  summary: 'Create a platform administrator (or promote an existing person); without --password a strong one is generated and printed once',
  usage: 'npx crocevia create-admin --email <email> --name <full name> [--password <password>]',
  needsDatabase: true,
  async run(args, ctx) {
    let values: { email?: string; name?: string; password?: string };
    try {
      ({ values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } }, strict: true, allowPositionals: false }));
    } catch (error) {
      return fail((error as Error).message);
    }
    const email = values.email?.trim() ?? '';
    if (!email) return fail('--email is required.');
    if (email.length > 320 || !EMAIL_PATTERN.test(email)) return fail(`"${email}" is not a valid e-mail address (for example name@example.org).`);
    const name = values.name?.trim();
    if (name !== undefined && (name.length < 2 || name.length > 200)) return fail('--name must be between 2 and 200 characters long.');
    // The web forms trim what people type; the command does the same so the password works there.
    const password = values.password?.trim();
    if (password !== undefined) {
      const problem = newPasswordErrors({ password, email, field: 'password' })[0];
      if (problem) return fail(`--password ${ctx.i18n.t('en', problem.messageKey, problem.values)}.`);
    }
    return createOrPromote(ctx, { email, name, password });
  },
};
