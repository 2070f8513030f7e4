import type { DemoLogin } from './module.ts';

/** Prints the demo log-ins once, at the start that created them (stdout, not the log). */
export function printDemoLogins(logins: DemoLogin[], baseUrl: string): void {
  if (logins.length === 0) return;
  const width = Math.max(...logins.map((l) => l.email.length));
  const lines = [
    '',
    '  Crocevia demo data loaded. Demo log-ins (password for all: see below):',
    '',
    ...logins.map((l) => `    ${l.email.padEnd(width)}  ${l.password}  ${l.description}`),
    '',
    `  Open ${baseUrl}/it/login`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
