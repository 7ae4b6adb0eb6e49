/** Help texts and usage errors for `init` and `build`, in the form the other commands use. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, type CliIo } from '../io.ts';

/** The help of each command. */
export const HELP = {
  init: `Usage: privacy-disclosure init [--dry-run] [--dir DIR] [--ui DIR]

Adds the Privacy Disclosure to an existing Forge app, run in its root (beside manifest.yml):
  - manifest.yml: admin and reader pages for each product the app extends (Jira, Confluence,
    Compass), the UI resource, three functions, the install/upgrade trigger, a weekly
    scheduledTrigger for the personal data report (the account ids in reviews, reported to
    Atlassian; closed accounts' ids erased), the scopes and permissions.content.styles;
    everything already there is kept as written;
  - src/privacy-disclosure.ts (or .js): the disclosure's Forge functions;
  - privacy/declaration.yaml: a starting declaration, where every unknown is not-stated;
  - package.json: a privacy-disclosure:build script, run first by your build script;
  - .gitignore and static/privacy-disclosure/: the prebuilt UI.
It never overwrites a declaration or handler file, and writes all files or none. Running it again
changes nothing.

Options:
  --dry-run    print the changes as a unified diff per file and write nothing
  --dir DIR    the app's root (default: the current folder)
  --ui DIR     copy the Custom UI from DIR instead of the package's prebuilt UI
  -h, --help   show this help

Exit codes: 0 done (or nothing to do), 1 the app cannot be changed (errors say where), 2 usage error.
`,
  build: `Usage: privacy-disclosure build [--declaration FILE] [--dir DIR] [--ui DIR]

Checks that manifest.yml gives the disclosure what its pages need (storage:app,
report:personal-data, the scopes that check an admin and name reviewers, permissions.content.styles, the
install/upgrade trigger, its UI resource), and warns about a page whose function does not serve it; validates the app's declaration; bundles it
as data into src/privacy-disclosure.generated.ts (or .js) with the disclosure's admin pages from
manifest.yml, and refreshes the UI copy in the disclosure's resource folder. Nothing is written
when the manifest lacks something (init adds it) or the declaration is invalid.

Options:
  --declaration FILE   the declaration, from the current folder (default: the app's
                       privacy/declaration.yaml)
  --dir DIR            the app's root (default: the current folder)
  --ui DIR             copy the Custom UI from DIR instead of the package's prebuilt UI
  -h, --help           show this help

Exit codes: 0 bundled, 1 invalid declaration, a manifest that lacks what the disclosure needs, or
the app is not set up (run init), 2 usage error.
`,
} as const;

/** A command of this module. */
export type Command = keyof typeof HELP;

/** A usage error: what was wrong, printed with a pointer to the command's help. */
export class CommandUsageError extends Error {
  constructor(
    message: string,
    readonly command: Command,
  ) {
    super(message);
  }
}

/** Prints a usage error and returns exit code 2. */
export function reportUsage(error: CommandUsageError, io: CliIo): number {
  io.stderr(
    `privacy-disclosure: ${error.message}\nRun "privacy-disclosure ${error.command} --help" for usage.\n`,
  );
  return EXIT.usage;
}

/** Parses a command's options strictly; unknown options and stray words are usage errors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  command: Command,
  args: string[],
  options: T,
) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    if (parsed.positionals.length > 0) {
      throw new CommandUsageError(`unexpected argument "${parsed.positionals[0]}"`, command);
    }
    return parsed.values;
  } catch (error) {
    if (error instanceof CommandUsageError) throw error;
    const message =
      error instanceof Error ? error.message.replace(/\. To specify .*$/s, '') : String(error);
    throw new CommandUsageError(message.charAt(0).toLowerCase() + message.slice(1), command);
  }
}

/**
 * A command's start, shared by init and build: its options parsed strictly, a usage error
 * reported (exit 2) and `--help` printed (exit 0). Returns the options, or the exit code when
 * the command ends there.
 */
export function parseCommand<T extends NonNullable<ParseArgsConfig['options']>>(
  command: Command,
  args: string[],
  options: T,
  io: CliIo,
): ReturnType<typeof parseOptions<T>> | number {
  let values: ReturnType<typeof parseOptions<T>>;
  try {
    values = parseOptions(command, args, options);
  } catch (error) {
    if (error instanceof CommandUsageError) return reportUsage(error, io);
    throw error;
  }
  if ((values as { help?: unknown }).help) {
    io.stdout(HELP[command]);
    return EXIT.ok;
  }
  return values;
}
