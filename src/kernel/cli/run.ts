import type { Config } from '../config.ts';
import type { CliCommand, ModuleManifest } from '../module.ts';
import { kernelCommands } from './commands.ts';

/** The commands of the `crocevia` CLI: the kernel's and the modules'. */
export function allCommands(modules: ModuleManifest[]): CliCommand[] {
  return [...kernelCommands(modules), ...modules.flatMap((m) => m.cli ?? [])];
}

function help(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: npx crocevia <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `npx crocevia <command> --help` for the options of a command.',
    'Configuration comes from the environment (see docs/operations.md).',
    '',
  ].join('\n');
}

/** Runs a CLI command; returns the exit code. */
export async function runCli(argv: string[], options: { config: Config; modules: ModuleManifest[] }): Promise<number> {
  const commands = allCommands(options.modules);
  const [name = 'serve', ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help(commands));
    return 0;
  }
  // Commands of two words (e.g. `hsds import`) are matched before one-word ones.
  const twoWords = `${name} ${args[0] ?? ''}`;
  const command = commands.find((c) => c.name === twoWords) ?? commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`crocevia: unknown command "${name}"\n\n${help(commands)}`);
    return 64;
  }
  const rest = command.name === twoWords ? args.slice(1) : args;
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return 0;
  }
  const { withContext } = await import('./context.ts');
  return withContext(options, command, rest);
}
