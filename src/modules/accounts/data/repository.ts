import { sql, type Kysely } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { Actor, Grant, GrantScope, RoleDef } from '../../../kernel/auth/actor.ts';

/** The accounts module's tables, as Kysely sees them. */
export interface AccountsTables {
  accounts_organisations: {
    id: string;
    name: string;
    type: string;
    region_code: string;
    province_code: string | null;
    municipality_code: string | null;
    tax_code: string | null;
    ipa_code: string | null;
    email: string | null;
    website: string | null;
    is_active: boolean;
    created_at: Date;
    updated_at: Date;
  };
  accounts_people: {
    id: string;
    email: string;
    full_name: string;
    password_hash: string | null;
    is_platform_admin: boolean;
    is_active: boolean;
    preferred_locale: string;
    totp_secret_enc: string | null;
    totp_enabled_at: Date | null;
    totp_last_step: string | null;
    last_login_at: Date | null;
    created_at: Date;
    updated_at: Date;
  };
  accounts_roles: { key: string; scope: GrantScope; permissions: string[]; is_builtin: boolean; label_it: string | null; label_en: string | null; updated_at: Date };
  accounts_memberships: { id: string; person_id: string; organisation_id: string; role_key: string; created_at: Date };
  accounts_password_resets: { token_hash: string; person_id: string; expires_at: Date; used_at: Date | null; created_at: Date };
}

/** Narrows the shared client to this module's tables. */
export const accountsDb = (db: Db) => db as unknown as Kysely<AccountsTables>;

/** Core queries every part of the accounts module shares. */
export const accountsRepository = {
  /** Makes the built-in roles match the modules' manifests (custom roles are left alone). */
  async syncBuiltinRoles(db: Db, roles: RoleDef[]): Promise<void> {
    for (const role of roles) {
      await sql`insert into accounts_roles (key, scope, permissions, is_builtin) values (${role.key}, ${role.scope}, ${role.permissions}::text[], true)
        on conflict (key) do update set scope = excluded.scope, permissions = excluded.permissions, is_builtin = true, updated_at = now()`.execute(db);
    }
  },

  /** Builds the Actor of a person: memberships with their organisations, and the grants their roles carry. */
  async loadActor(db: Db, personId: string): Promise<Actor | null> {
    const person = await accountsDb(db)
      .selectFrom('accounts_people')
      .select(['id', 'full_name', 'email', 'is_platform_admin', 'is_active', 'totp_enabled_at'])
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person || !person.is_active) return null;
    const rows = await accountsDb(db)
      .selectFrom('accounts_memberships as m')
      .innerJoin('accounts_organisations as o', 'o.id', 'm.organisation_id')
      .innerJoin('accounts_roles as r', 'r.key', 'm.role_key')
      .select(['m.organisation_id', 'o.name', 'o.region_code', 'm.role_key', 'r.scope', 'r.permissions'])
      .where('m.person_id', '=', personId)
      .where('o.is_active', '=', true)
      .orderBy('o.name')
      .execute();
    const grants: Grant[] = [];
    for (const row of rows) {
      for (const permission of row.permissions) {
        grants.push({ permission, scope: row.scope, organisationId: row.organisation_id, regionCode: row.region_code });
      }
    }
    return {
      personId: person.id,
      name: person.full_name,
      email: person.email,
      isPlatformAdmin: person.is_platform_admin,
      hasTotp: person.totp_enabled_at !== null,
      memberships: rows.map((r) => ({ organisationId: r.organisation_id, organisationName: r.name, regionCode: r.region_code, roleKey: r.role_key })),
      grants,
    };
  },
};
