import { SPEC_FILES } from './forge-check/openapi.ts';

/** The help texts, one per command, shown by --help and pointed to by usage errors. */
export const HELP = {
  main: `privacy-disclosure: add, validate, bundle and export Privacy Disclosure declarations

Usage:
  privacy-disclosure validate FILE...                 check declaration files
  privacy-disclosure export --format FORMAT FILE      write a declaration in another format
  privacy-disclosure init [--dry-run]                 add the disclosure to this Forge app
  privacy-disclosure build [--declaration FILE]       validate and bundle the declaration, refresh the UI
  privacy-disclosure check [--manifest FILE] [DECL]   hold the declaration against manifest.yml
  privacy-disclosure forge-check [--json] [DIR]       run Forge's lint, bundler and manifest checks offline
  privacy-disclosure COMMAND --help                   help on a command

Options:
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 success, 1 invalid declaration or unreadable file, 2 usage error.
`,
  validate: `Usage: privacy-disclosure validate [--format text|json] FILE...

Checks each declaration file (YAML or JSON) against the format and its references.
Problems are printed to stderr, one per line: file:line:column  path  message.
Warnings are reported but do not fail.

Options:
  --format text|json   text (default) or a JSON report on stdout, for CI annotations
  -h, --help           show this help

Exit codes: 0 all files valid, 1 any file invalid or unreadable, 2 usage error.
`,
  export: `Usage: privacy-disclosure export --format FORMAT [-o OUT] [--locale LOCALE]
                                 [--manifest MANIFEST] FILE

Validates FILE, then writes it in FORMAT to stdout or to OUT. Nothing is written when the
declaration is invalid.

Formats:
  html          a standalone page to host and link from the Marketplace listing
  md            Markdown for documentation sites
  json          the normalised declaration
  csv           one row per data category, for a record of processing
  marketplace   the Marketplace REST API v2 "Privacy and Security" payload, as JSON:
                { "payload": <the body of PUT /rest/2/addons/{addonKey}/privacy-and-security>,
                  "openQuestions": [{ field, reason, answeredBy, manifest? }] }, each open
                question a field the declaration does not answer, left out of the payload
  marketplace-text
                the same questionnaire as readable questions and answers
  dpv           JSON-LD in the W3C Data Privacy Vocabulary (DPV 2), for privacy tools

Options:
  -f, --format FORMAT   the output format (required)
  -o, --output OUT      write to OUT instead of stdout, replaced in one step (through a
                        symbolic link, its target); OUT must be a regular file or new, and
                        not FILE itself
  -l, --locale LOCALE   the reader's language (default en-US): de-DE, es-ES, fr-FR, it-IT,
                        ja-JP, ko-KR, nl-NL, pl-PL, pt-BR or zh-CN; de or de_DE read de-DE
  -m, --manifest FILE   for marketplace: the app's manifest.yml, whose egress, remotes and
                        storage answer what leaves Atlassian and contradict what they refute
  -h, --help            show this help

Exit codes: 0 written, 1 invalid declaration or write failure, 2 usage error.
`,
  'forge-check': `Usage: privacy-disclosure forge-check [--json] [--only STEPS] [DIR]

Runs what forge deploy checks, offline and without a login, on the Forge app in DIR (default:
the current folder), once the app is built (npx privacy-disclosure build, and your UI's build):
  lint       Forge's client-side lint rules (as forge lint runs them) over the files Forge
             lints and every file the function handlers reach: for each REST call, the scope
             the endpoint needs; for each fetch, the egress entry
  bundle     Forge's bundler (the webpack build of forge deploy) on every function handler in
             manifest.yml; each bundle is then loaded on Node and must export its handlers
  manifest   Forge's manifest validation
It prints what it checked (files, bundle sizes, scopes) and every problem as file:line:column.

Forge's tools are not installed with privacy-disclosure. Add them to your app once:
  npm install --save-dev --ignore-scripts @forge/lint @forge/bundler @forge/manifest
(--ignore-scripts skips the native build of keytar, the keychain module they bring along, which
forge-check never uses and which fails to build without the system's keychain library.)

REST scopes are checked against Atlassian's OpenAPI specs, which forge lint downloads and
forge-check, offline, does not. Save them in one folder under these names, and set
FORGE_OPENAPI_DIR to that folder:
${SPEC_FILES.map(({ file, url }) => `  ${file.padEnd(16)} ${url}`).join('\n')}
Without them every other rule runs, and the report says that REST calls were not checked.

Options:
  --json         print the report as JSON on stdout
  --only STEPS   run only some steps: lint, bundle, manifest, separated by commas
  -h, --help     show this help

Exit codes: 0 Forge would pass the app, 1 Forge would fail it (or DIR is not a Forge app),
2 usage error or Forge's tools missing.
`,
} as const;

/** A usage error: what was wrong and where to look. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: keyof typeof HELP = 'main',
  ) {
    super(message);
  }

  /** The message with a hint to the right help. */
  describe(): string {
    const help =
      this.command === 'main'
        ? 'privacy-disclosure --help'
        : `privacy-disclosure ${this.command} --help`;
    return `privacy-disclosure: ${this.message}\nRun "${help}" for usage.\n`;
  }
}

/** Turns node:util parseArgs errors into usage errors for the command. */
export function usageErrorFrom(error: unknown, command: keyof typeof HELP): UsageError {
  const message =
    error instanceof Error ? error.message.replace(/\. To specify .*$/s, '') : String(error);
  return new UsageError(message.charAt(0).toLowerCase() + message.slice(1), command);
}
