import pino, { type Logger } from 'pino';

/** Paths that must never reach the logs: credentials, cookies, tokens, personal fields. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.totpSecret',
  '*.email',
];

/** Structured JSON logs; the request id travels on every line of a request. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: {
        req(req: { id: string; method: string; url: string }) {
          // Query strings may carry reset tokens or search terms: log the path only.
          return { id: req.id, method: req.method, path: req.url.split('?')[0] };
        },
      },
    },
    destination,
  );
}
