import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import { accountsDb } from './repository.ts';

/** What sign-in needs to know about a person. */
export interface SignInPerson {
  id: string;
  email: string;
  fullName: string;
  passwordHash: string | null;
  isActive: boolean;
  isPlatformAdmin: boolean;
  totpSecretEnc: string | null;
  isTotpEnabled: boolean;
  totpLastStep: number | null;
}

/** A membership as the personal account page shows it. */
export interface MembershipRow {
  organisationName: string;
  roleKey: string;
  labelIt: string | null;
  labelEn: string | null;
}

const PERSON_COLUMNS = [
  'id',
  'email',
  'full_name',
  'password_hash',
  'is_active',
  'is_platform_admin',
  'totp_secret_enc',
  'totp_enabled_at',
  'totp_last_step',
] as const;

type PersonRow = {
  id: string;
  email: string;
  full_name: string;
  password_hash: string | null;
  is_active: boolean;
  is_platform_admin: boolean;
  totp_secret_enc: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | number | null;
};

function toPerson(row: PersonRow | undefined): SignInPerson | null {
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    passwordHash: row.password_hash,
    isActive: row.is_active,
    isPlatformAdmin: row.is_platform_admin,
    totpSecretEnc: row.totp_secret_enc,
    isTotpEnabled: row.totp_enabled_at !== null,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
  };
}

/** The SQL of sign-in, password reset, second factor and the personal account page. */
export const authRepository = {
  /** Finds a person by e-mail, ignoring case. */
  async findPersonByEmail(db: Db, email: string): Promise<SignInPerson | null> {
    const row = await accountsDb(db)
      .selectFrom('accounts_people')
      .select(PERSON_COLUMNS)
      .where(sql<boolean>`lower(email) = lower(${email.trim()})`)
      .executeTakeFirst();
    return toPerson(row);
  },

  /** Finds a person by id. */
  async findPersonById(db: Db, personId: string): Promise<SignInPerson | null> {
    const row = await accountsDb(db).selectFrom('accounts_people').select(PERSON_COLUMNS).where('id', '=', personId).executeTakeFirst();
    return toPerson(row);
  },

  /** Records the moment of a completed login. */
  async recordLogin(db: Db, personId: string): Promise<void> {
    await accountsDb(db).updateTable('accounts_people').set({ last_login_at: sql`now()` }).where('id', '=', personId).execute();
  },

  /** Replaces a person's password hash. */
  async setPasswordHash(db: Db, personId: string, passwordHash: string): Promise<void> {
    await accountsDb(db)
      .updateTable('accounts_people')
      .set({ password_hash: passwordHash, updated_at: sql`now()` })
      .where('id', '=', personId)
      .execute();
  },

  /** Inserts a person and returns the id. */
  async insertPerson(db: Db, person: { email: string; fullName: string; passwordHash: string; isPlatformAdmin: boolean }): Promise<string> {
    const { rows } = await sql<{ id: string }>`insert into accounts_people (email, full_name, password_hash, is_platform_admin)
      values (${person.email}, ${person.fullName}, ${person.passwordHash}, ${person.isPlatformAdmin}) returning id`.execute(db);
    const row = rows[0];
    if (!row) throw new Error('The person was not inserted');
    return row.id;
  },

  /** Makes a person an active platform administrator. */
  async promoteToPlatformAdmin(db: Db, personId: string): Promise<void> {
    await accountsDb(db)
      .updateTable('accounts_people')
      .set({ is_platform_admin: true, is_active: true, updated_at: sql`now()` })
      .where('id', '=', personId)
      .execute();
  },

  /** Stores a password-reset token's hash, valid for some minutes. */
  async insertPasswordReset(db: Db, reset: { tokenHash: string; personId: string; validMinutes: number }): Promise<void> {
    await sql`insert into accounts_password_resets (token_hash, person_id, expires_at)
      values (${reset.tokenHash}, ${reset.personId}, now() + make_interval(mins => ${reset.validMinutes}))`.execute(db);
  },

  /** The person of a reset token that is neither used nor expired. */
  async findUsablePasswordReset(db: Db, tokenHash: string): Promise<{ personId: string; email: string } | null> {
    const row = await accountsDb(db)
      .selectFrom('accounts_password_resets as r')
      .innerJoin('accounts_people as p', 'p.id', 'r.person_id')
      .select(['r.person_id', 'p.email'])
      .where('r.token_hash', '=', tokenHash)
      .where('r.used_at', 'is', null)
      .where(sql<boolean>`r.expires_at > now()`)
      .where('p.is_active', '=', true)
      .executeTakeFirst();
    return row ? { personId: row.person_id, email: row.email } : null;
  },

  /** Marks a usable token as used, atomically; returns its person, or null when it was not usable. */
  async consumePasswordReset(db: Db, tokenHash: string): Promise<string | null> {
    const { rows } = await sql<{ person_id: string }>`update accounts_password_resets set used_at = now()
      where token_hash = ${tokenHash} and used_at is null and expires_at > now() returning person_id`.execute(db);
    return rows[0]?.person_id ?? null;
  },

  /** Retires every other outstanding reset token of a person. */
  async retirePasswordResets(db: Db, personId: string): Promise<void> {
    await sql`update accounts_password_resets set used_at = now() where person_id = ${personId} and used_at is null`.execute(db);
  },

  /** Stores a new, not yet confirmed TOTP secret (encrypted); never replaces an enabled one. */
  async savePendingTotpSecret(db: Db, personId: string, secretEnc: string): Promise<boolean> {
    const { rows } = await sql<{ id: string }>`update accounts_people set totp_secret_enc = ${secretEnc}, totp_last_step = null, updated_at = now()
      where id = ${personId} and totp_enabled_at is null returning id`.execute(db);
    return rows.length > 0;
  },

  /** Turns the pending secret on, remembering the step its confirmation code used. */
  async enableTotp(db: Db, personId: string, usedStep: number): Promise<boolean> {
    const { rows } = await sql<{ id: string }>`update accounts_people set totp_enabled_at = now(), totp_last_step = ${usedStep}, updated_at = now()
      where id = ${personId} and totp_enabled_at is null and totp_secret_enc is not null returning id`.execute(db);
    return rows.length > 0;
  },

  /** Claims a step for a login; false when that step (or a later one) was already used. */
  async claimTotpStep(db: Db, personId: string, step: number): Promise<boolean> {
    const { rows } = await sql<{ id: string }>`update accounts_people set totp_last_step = ${step}
      where id = ${personId} and totp_enabled_at is not null and (totp_last_step is null or totp_last_step < ${step}) returning id`.execute(db);
    return rows.length > 0;
  },

  /** Removes the second factor and its secret. */
  async disableTotp(db: Db, personId: string): Promise<void> {
    await sql`update accounts_people set totp_secret_enc = null, totp_enabled_at = null, totp_last_step = null, updated_at = now()
      where id = ${personId}`.execute(db);
  },

  /** A person's memberships with the organisation's name and the role's custom labels. */
  async listMemberships(db: Db, personId: string): Promise<MembershipRow[]> {
    const rows = await accountsDb(db)
      .selectFrom('accounts_memberships as m')
      .innerJoin('accounts_organisations as o', 'o.id', 'm.organisation_id')
      .innerJoin('accounts_roles as r', 'r.key', 'm.role_key')
      .select(['o.name', 'm.role_key', 'r.label_it', 'r.label_en'])
      .where('m.person_id', '=', personId)
      .where('o.is_active', '=', true)
      .orderBy('o.name')
      .orderBy('m.role_key')
      .execute();
    return rows.map((r) => ({ organisationName: r.name, roleKey: r.role_key, labelIt: r.label_it, labelEn: r.label_en }));
  },
};
