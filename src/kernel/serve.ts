import type { Config } from './config.ts';
import type { ModuleManifest } from './module.ts';
import { createCrocevia } from './app.ts';
import { printDemoLogins } from './demo.ts';

/** Starts the platform and keeps it running until SIGINT or SIGTERM, then shuts down gracefully. */
export async function serve(config: Config, modules: ModuleManifest[]): Promise<number> {
  const started = performance.now();
  const crocevia = await createCrocevia({ config, modules });
  const { app, ctx } = crocevia;
  await app.listen({ host: config.host, port: config.port });
  ctx.jobs.start();
  printDemoLogins(crocevia.demoLogins, config.baseUrl);
  app.log.info(
    { database: crocevia.database.kind, url: config.baseUrl, startupMs: Math.round(performance.now() - started), mailCapture: ctx.mailer.isCapturing },
    'Crocevia is ready',
  );
  if (crocevia.demoLogins.length === 0 && process.stdout.isTTY) process.stdout.write(`Crocevia is ready at ${config.baseUrl}\n`);
  await new Promise<void>((resolve) => {
    let isClosing = false;
    const shutdown = (signal: string) => {
      if (isClosing) return;
      isClosing = true;
      app.log.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      crocevia.close().then(resolve, (error) => {
        app.log.error({ err: error }, 'error during shutdown');
        resolve();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  return 0;
}
