import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db, DatabaseKind } from './db/database.ts';
import type { NamedMigrations } from './db/migrator.ts';
import type { PermissionDef, RoleDef, ActorLoader } from './auth/actor.ts';
import type { Mailer } from './mail/mailer.ts';
import type { EventBus } from './events/bus.ts';
import type { JobQueue, JobHandler } from './jobs/queue.ts';
import type { Audit } from './audit/audit.ts';
import type { I18n } from './i18n/messages.ts';
import type { Crypto } from './crypto.ts';

/** What the kernel hands every module: no repository of another module, only shared services. */
export interface ModuleContext {
  config: Config;
  db: Db;
  dbKind: DatabaseKind;
  logger: Logger;
  mailer: Mailer;
  events: EventBus;
  jobs: JobQueue;
  audit: Audit;
  i18n: I18n;
  crypto: Crypto;
  /** The installation secret (never log it). */
  secret: string;
  /** Every role declared by the modules, for seeding and administration. */
  roles: RoleDef[];
  permissions: PermissionDef[];
}

/** An entry of the main navigation; shown when the visitor may see it. */
export interface NavItem {
  /** Message key of the label. */
  labelKey: string;
  /** Path after the language segment, e.g. "/services". */
  path: string;
  audience: 'public' | 'staff';
  /** Staff entries need this permission somewhere (any scope). */
  permission?: string;
  order: number;
}

/** A demo account printed at start-up and listed in the README. */
export interface DemoLogin {
  email: string;
  password: string;
  description: string;
}

/** A command of the `crocevia` CLI contributed by a module. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Runs the command; returns the process exit code. */
  run(args: string[], ctx: ModuleContext): Promise<number>;
  /** Whether the command needs the database open and migrated. */
  needsDatabase: boolean;
}

/** Everything a module adds to Crocevia, declared in one place. */
export interface ModuleManifest {
  name: string;
  /** Folder holding it.json, en.json, … for this module's interface strings. */
  localesDir: URL;
  migrations?: NamedMigrations;
  permissions?: PermissionDef[];
  roles?: RoleDef[];
  navigation?: NavItem[];
  routes?(app: FastifyInstance, ctx: ModuleContext): void | Promise<void>;
  jobs?: Record<string, JobHandler>;
  /** Recurring jobs: name → seconds between runs. */
  schedules?: Record<string, number>;
  /** Idempotent load of reference data, run after migrations. */
  seedReference?(ctx: ModuleContext): Promise<void>;
  /** Demo data, run once on an empty database; returns the demo log-ins it made. */
  seedDemo?(ctx: ModuleContext): Promise<DemoLogin[] | void>;
  cli?: CliCommand[];
  /** The accounts module provides how a session becomes an Actor. */
  actorLoader?(ctx: ModuleContext): ActorLoader;
}
