import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import type { FieldError } from '../../kernel/http/errors.ts';

// OWASP's argon2id baseline: 19 MiB, two passes, one lane. `Algorithm` is an ambient const enum (2 = argon2id).
const ARGON2ID_OPTIONS: Options = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** The shortest and longest passwords accepted. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

// Compared against when the e-mail is unknown, so an unknown address costs as much time as a known one.
let dummyHash: Promise<string> | null = null;

// Passwords typed on different devices may reach us in different Unicode forms.
function normalise(password: string): string {
  return password.normalize('NFC');
}

/** Hashes a password with argon2id (m=19456 KiB, t=2, p=1); the result is a PHC string with its own salt. */
export async function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), ARGON2ID_OPTIONS);
}

/** Whether a password matches a stored hash; a malformed hash never matches. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalise(password));
  } catch {
    return false;
  }
}

/** Spends the time of a real verification and returns false: used when there is no account to check. */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hash(randomBytes(24).toString('base64url'), ARGON2ID_OPTIONS);
  await verifyPassword(await dummyHash, password);
  return false;
}

/** A strong random password (144 bits) for accounts created from the command line. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * What is wrong with a new password, field by field: length, equal to the e-mail, and (when a confirmation
 * field is given) whether the two copies match. Message keys are localised by the caller.
 */
export function newPasswordErrors(options: {
  password: string;
  email: string;
  field: string;
  confirmation?: { value: string; field: string };
}): FieldError[] {
  const { password, email, field, confirmation } = options;
  const errors: FieldError[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) errors.push({ field, messageKey: 'validation.minLength', values: { limit: PASSWORD_MIN_LENGTH } });
  else if (length > PASSWORD_MAX_LENGTH) errors.push({ field, messageKey: 'validation.maxLength', values: { limit: PASSWORD_MAX_LENGTH } });
  else if (password.trim().toLowerCase() === email.trim().toLowerCase()) errors.push({ field, messageKey: 'accounts.auth.password.sameAsEmail' });
  if (confirmation && confirmation.value !== password) {
    errors.push({ field: confirmation.field, messageKey: 'accounts.auth.password.mismatch' });
  }
  return errors;
}
