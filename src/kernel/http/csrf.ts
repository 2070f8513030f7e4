import { createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie holding each browser's random anti-forgery seed. */
export const CSRF_COOKIE = 'crocevia_csrf';

/** The form field and header that carry the token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The token for a browser seed, bound to its session when there is one. */
export function csrfTokenFor(secret: string, seed: string, sessionIdHash: string | null): string {
  return createHmac('sha256', secret).update(`${seed}:${sessionIdHash ?? ''}`).digest('base64url');
}

/** Compares a submitted token with the expected one in constant time. */
export function isValidCsrfToken(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(submitted));
}
