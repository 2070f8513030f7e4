import { loadConfig, ConfigError } from './kernel/config.ts';
import { runCli } from './kernel/cli/run.ts';
import { DataDirLockedError } from './kernel/db/database.ts';
import { modules } from './modules.ts';

// Composition root: configuration, the modules, and the command asked for (default: serve).
try {
  const config = loadConfig();
  process.exitCode = await runCli(process.argv.slice(2), { config, modules });
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`crocevia: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
