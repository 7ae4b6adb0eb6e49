import { readFileSync } from 'node:fs';
import { runBuild } from './build/index.ts';
import { checkCommand } from './check/command.ts';
import { exportCommand } from './export.ts';
import { forgeCheckCommand } from './forge-check/command.ts';
import { runInit } from './init/index.ts';
import { validateCommand } from './validate.ts';
import {
  EXIT,
  endQuietlyOnClosedPipe,
  processIo,
  withPrintableMessages,
  type CliIo,
} from './io.ts';
import { HELP, UsageError } from './usage.ts';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

// A Map, not an object: the command `toString` or `__proto__` must not find Object.prototype's members.
const COMMANDS = new Map<string, (args: string[], io: CliIo) => Promise<number>>([
  ['validate', validateCommand],
  ['export', exportCommand],
  ['init', (args, io) => runInit(args, io)],
  ['build', runBuild],
  ['check', checkCommand],
  ['forge-check', forgeCheckCommand],
]);

/**
 * Runs the `privacy-disclosure` CLI with its arguments (without node and the script) and returns
 * the exit code: 0 success, 1 invalid input or I/O failure, 2 usage error. Messages are written
 * with control characters escaped; on the real terminal, a reader that closes the pipe early
 * (`| head`) ends the run quietly.
 */
export async function run(args: string[], output: CliIo = processIo): Promise<number> {
  if (output === processIo) endQuietlyOnClosedPipe();
  const io = withPrintableMessages(output);
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
    const handler = COMMANDS.get(command);
    if (!handler) {
      const kind = command.startsWith('-') ? 'option' : 'command';
      const names = [...COMMANDS.keys()];
      const listed = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
      throw new UsageError(`unknown ${kind} "${command}"; commands are ${listed}`);
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
