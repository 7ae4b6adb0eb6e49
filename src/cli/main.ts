import { readFileSync } from 'node:fs';
import { exportCommand } from './export.ts';
import { validateCommand } from './validate.ts';
import { EXIT, processIo, type CliIo } from './io.ts';
import { HELP, UsageError } from './usage.ts';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  validate: validateCommand,
  export: exportCommand,
};

/**
 * Runs the `privacy-disclosure` CLI with its arguments (without node and the script) and returns
 * the exit code: 0 success, 1 invalid input or I/O failure, 2 usage error.
 */
export async function run(args: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? io.stderr : io.stdout)(HELP.main);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    const handler = COMMANDS[command];
    if (!handler) {
      const kind = command.startsWith('-') ? 'option' : 'command';
      throw new UsageError(`unknown ${kind} "${command}"; commands are validate and export`);
    }
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.describe());
      return EXIT.usage;
    }
    throw error;
  }
}
