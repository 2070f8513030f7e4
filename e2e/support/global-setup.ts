import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Starts ONE real Crocevia server with demo data for the whole browser-test run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const server = await startServer();
  process.stdout.write(`e2e: Crocevia on ${server.database} at ${server.baseUrl} (ready in ${Math.round(performance.now() - started)} ms)\n`);
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    await server.stop();
  };
}
