import pino, { type Logger } from 'pino';

/** Field names whose values never reach the logs, at the top of a log line or up to two objects deep. */
export const REDACTED_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'confirmPassword',
  'passwordHash',
  'token',
  'totpSecret',
  'secret',
  'secretKey',
  'csrfToken',
  '_csrf',
  'email',
];

/** Paths that must never reach the logs: credentials, cookies, tokens, personal fields. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  // PostgreSQL's error details quote the row values at fault (an e-mail in a unique violation).
  'err.detail',
  'err.cause.detail',
  ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** Structured JSON logs; the request id travels on every line of a request. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req(req: { id?: string; method?: string; url?: string }) {
          // Query strings may carry reset tokens or search terms: log the path only, and mask path segments
          // that are tokens (43+ base64url characters, e.g. a password-reset link).
          const path = String(req.url ?? '').split('?')[0]!.replace(/\/[\w-]{43,}(?=\/|$)/g, '/[token]');
          return { id: req.id, method: req.method, path };
        },
      },
    },
    destination,
  );
}
