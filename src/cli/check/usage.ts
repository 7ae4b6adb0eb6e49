/** The help of `check`, and its options read strictly: usage errors exit 2 with a pointer to it. */
import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from '../io.ts';

export const CHECK_HELP = `Usage: privacy-disclosure check [--manifest FILE] [--format text|json|sarif] [DECLARATION]

Holds the declaration (default: privacy/declaration.yaml) against what the app's manifest
(default: manifest.yml) tells Forge it does, and prints every disagreement with the line in
both files:
  - every egress host (backend and client fetch, images, media, scripts, styles, fonts, frames)
    and every remote is among the domains: of a declared location or recipient (*.example.com
    covers api.example.com);
  - a declaration that keeps everything at Atlassian, or says in-scope data follows data
    residency, is contradicted by a backend egress or a remote that handles in-scope data
    (inScopeEUD not false);
  - the data each product scope lets the app read is declared by a data category (at least as
    processed and not stored);
  - declared Forge storage is granted by the manifest (storage:app, entities, sql, objectStore),
    and granted storage is declared as an Atlassian location that holds data.
It also says whether the manifest allows "Runs on Atlassian", and which entries prevent it.

Options:
  --manifest FILE        the app's manifest (default: manifest.yml)
  --format text|json|sarif
                         text (default); a JSON report for CI annotations; or SARIF 2.1.0 for
                         code-scanning tools, one result per finding with both files' lines
  -h, --help             show this help

Exit codes: 0 consistent (warnings allowed), 1 contradictions, an invalid declaration or a
manifest that cannot be read, 2 usage error (such as a missing file).
`;

/** The output formats. */
export type CheckFormat = 'text' | 'json' | 'sarif';

/** The command line, read. */
export interface CheckOptions {
  manifest: string;
  declaration: string;
  format: CheckFormat;
}

/** A usage error of `check`: printed with a pointer to its help, exit 2. */
export class CheckUsageError extends Error {}

/** Prints a usage error and returns exit code 2. */
export function reportCheckUsage(error: CheckUsageError, io: CliIo): number {
  io.stderr(
    `privacy-disclosure: ${error.message}\nRun "privacy-disclosure check --help" for usage.\n`,
  );
  return EXIT.usage;
}

/** Reads the command line; returns the options, or `help` when --help was asked for. */
export function parseCheckArgs(args: string[]): CheckOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        manifest: { type: 'string', short: 'm' },
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/\. To specify .*$/s, '') : String(error);
    throw new CheckUsageError(message.charAt(0).toLowerCase() + message.slice(1));
  }
  if (parsed.values.help) return 'help';
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new CheckUsageError(`unknown --format "${format}"; use text, json or sarif`);
  }
  if (parsed.positionals.length > 1) {
    throw new CheckUsageError(
      `check takes one DECLARATION, not ${parsed.positionals.length} ("${parsed.positionals[1]}" is extra)`,
    );
  }
  if (parsed.values.manifest === '') throw new CheckUsageError('--manifest needs a file');
  return {
    manifest: parsed.values.manifest ?? 'manifest.yml',
    declaration: parsed.positionals[0] ?? 'privacy/declaration.yaml',
    format,
  };
}
