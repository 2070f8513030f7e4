import type { Crypto } from '../../kernel/crypto.ts';

/** A limit of the kernel's rate-limit helpers: at most `max` hits per fixed window. */
export interface Limit {
  windowSeconds: number;
  max: number;
}

/** How many failed or repeated attempts sign-in tolerates, and over what time. */
export const AUTH_LIMITS = {
  loginPerEmail: { windowSeconds: 15 * 60, max: 5 },
  loginPerIp: { windowSeconds: 15 * 60, max: 30 },
  secondFactorPerSession: { windowSeconds: 15 * 60, max: 5 },
  // Logging in again gives a new session: the person's own counter stops guessing across sessions.
  secondFactorPerPerson: { windowSeconds: 15 * 60, max: 10 },
  resetPerEmail: { windowSeconds: 60 * 60, max: 5 },
  resetPerIp: { windowSeconds: 60 * 60, max: 5 },
  // Wrong current passwords on the account page (a stolen session must not become a password oracle).
  currentPasswordPerPerson: { windowSeconds: 15 * 60, max: 5 },
} satisfies Record<string, Limit>;

/**
 * The rate-limit key of an identifier. E-mail addresses and IP addresses are personal data, so the
 * shared counter table only ever sees a keyed hash of them.
 */
export function limitKey(crypto: Crypto, kind: keyof typeof AUTH_LIMITS, identifier: string): string {
  return `accounts.${kind}:${crypto.hmac(identifier.trim().toLowerCase(), 'accounts.rate-limit')}`;
}
