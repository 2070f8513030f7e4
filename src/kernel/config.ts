import path from 'node:path';

/** Typed, validated configuration read from the environment. */
export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  smtpUrl: string | null;
  smtpCapturePort: number;
  mailFrom: string;
  /** Where people write for accessibility feedback and privacy requests (shown on the legal pages). */
  contactEmail: string;
  logLevel: string;
  trustProxy: boolean;
  secureCookies: boolean;
  sessionTtlHours: number;
  seedDemo: boolean;
  platformName: string;
  ownerName: string;
  secretKey: string | null;
}

/** A configuration problem found at boot; the message names the variable. */
export class ConfigError extends Error {}

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function readBool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function readUrl(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}`);
  }
  return raw;
}

/** Reads and validates the configuration; throws ConfigError naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = readInt(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const baseUrl = readUrl(env, 'BASE_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const smtpUrl = readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const secretKey = env.SECRET_KEY || null;
  if (secretKey !== null && secretKey.length < 32) throw new ConfigError('SECRET_KEY must be at least 32 characters long');
  if (env.CONTACT_EMAIL && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(env.CONTACT_EMAIL)) throw new ConfigError('CONTACT_EMAIL must be an e-mail address');
  if (nodeEnv === 'production' && !smtpUrl) {
    throw new ConfigError('SMTP_URL is required when NODE_ENV=production (the local mail capture is for development only)');
  }
  return {
    env: nodeEnv,
    host,
    port,
    baseUrl: baseUrl.replace(/\/$/, ''),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    smtpUrl,
    smtpCapturePort: readInt(env, 'SMTP_CAPTURE_PORT', 0, 0, 65535),
    mailFrom: env.MAIL_FROM || 'Crocevia <no-reply@crocevia.localhost>',
    contactEmail: env.CONTACT_EMAIL || 'contatti@crocevia.localhost',
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: readBool(env, 'TRUST_PROXY', false),
    secureCookies: readBool(env, 'SECURE_COOKIES', baseUrl.startsWith('https:')),
    sessionTtlHours: readInt(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    seedDemo: readBool(env, 'SEED_DEMO', nodeEnv !== 'production'),
    platformName: env.PLATFORM_NAME || 'Crocevia',
    ownerName: env.OWNER_NAME || 'Crocevia',
    secretKey,
  };
}
