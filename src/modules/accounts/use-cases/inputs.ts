import type { Actor } from '../../../kernel/auth/actor.ts';
import type { ModuleContext } from '../../../kernel/module.ts';

/** What every administration use case receives: the shared services and who is acting. */
export interface AdminCall {
  ctx: ModuleContext;
  actor: Actor;
}

/** An organisation's fields as submitted; on update, absent fields keep their value and null clears them. */
export interface OrganisationInput {
  name?: string;
  type?: string;
  regionCode?: string;
  provinceCode?: string | null;
  municipalityCode?: string | null;
  taxCode?: string | null;
  ipaCode?: string | null;
  email?: string | null;
  website?: string | null;
  isActive?: boolean;
}

/** A new person and their first membership. */
export interface NewPersonInput {
  fullName: string;
  email: string;
  preferredLocale?: string;
  isPlatformAdmin?: boolean;
  organisationId?: string;
  roleKey?: string;
}

/** A person's profile fields as submitted; absent fields keep their value. */
export interface PersonChanges {
  fullName?: string;
  email?: string;
  preferredLocale?: string;
  isActive?: boolean;
  isPlatformAdmin?: boolean;
}

/** A membership to add. */
export interface MembershipInput {
  organisationId: string;
  roleKey: string;
}
