/**
 * `privacy-disclosure forge-check [--json] [--only STEPS] [DIR]`: Forge's own checks, offline,
 * with no login: the client-side lint rules of `forge lint` over the files Forge lints and
 * bundles, Forge's bundler on every function handler in manifest.yml, and Forge's manifest
 * validation. Exits 0 when Forge would pass the app, 1 when it would fail, 2 on a usage error or
 * when Forge's tools are not installed (the message says what to install).
 *
 * This repository runs it as `npm run forge:check`. The permission rule reads Atlassian's OpenAPI
 * specs from FORGE_OPENAPI_DIR, or in this repository's checkout from ../shared/forge-openapi/
 * beside it; without them REST scopes go unchecked, and it says so.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXIT, printableLines, type CliIo } from '../io.ts';
import { HELP, UsageError, usageErrorFrom } from '../usage.ts';
import { AppError, loadForgeApp } from './app.ts';
import { ForgeToolsMissing, loadForgeTools } from './forge-tools.ts';
import { offlineIn } from './offline.ts';
import { locateOpenApiSpecs, OpenApiSpecError } from './openapi.ts';
import { errorsOf, formatProblem } from './report.ts';
import { runForgeCheck, STEPS, type ChosenStep, type ForgeCheckReport } from './run.ts';

/** The package's root: this repository, or the installed package in a vendor's node_modules. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Options {
  dir: string;
  steps: Set<ChosenStep>;
  json: boolean;
}

function parseSteps(value: string): Set<ChosenStep> {
  // `sources` alone: only which files Forge lints and bundles (that part always runs).
  const names = value.split(',').filter(Boolean);
  const known: string[] = [...STEPS, 'sources'];
  const unknown = names.filter((name) => !known.includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--only takes one or more of ${known.join(', ')}, separated by commas${unknown.length > 0 ? ` (not ${unknown.join(', ')})` : ''}`,
      'forge-check',
    );
  }
  return new Set(STEPS.filter((step) => names.includes(step)));
}

function parseOptions(args: string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageErrorFrom(error, 'forge-check');
  }
  if (parsed.values.help) return 'help';
  const [dir = '.', ...more] = parsed.positionals;
  if (more.length > 0) {
    throw new UsageError(
      `one app directory only (got ${[dir, ...more].join(' and ')})`,
      'forge-check',
    );
  }
  const absolute = resolve(dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new UsageError(`${dir}: no such directory`, 'forge-check');
  }
  return {
    dir: absolute,
    steps: parsed.values.only === undefined ? new Set(STEPS) : parseSteps(parsed.values.only),
    json: parsed.values.json === true,
  };
}

function textReport(report: ForgeCheckReport): string {
  const lines = [`forge-check ${report.app} (offline: no login, no network)`];
  const tools = report.tools.map(({ name, version }) => `${name} ${version}`);
  lines.push(`  Forge's tools: ${tools.join(', ')}`, `  ${report.openApi.summary}`);
  for (const { step, seconds, summary, problems } of report.steps) {
    lines.push(`${step} (${seconds.toFixed(1)} s): ${summary}`);
    for (const problem of problems) lines.push(formatProblem(problem));
  }
  for (const problem of report.problems.filter(({ step }) => step === 'offline')) {
    lines.push(formatProblem(problem));
  }
  const errors = errorsOf(report.problems).length;
  if (!report.passed) {
    lines.push(`forge-check failed: ${errors} error${errors === 1 ? '' : 's'} Forge would fail on`);
  } else if (!report.openApi.found && report.steps.some(({ step }) => step === 'lint')) {
    // A pass without the specs is a pass of everything but the scopes: say so where it is read.
    lines.push(
      'forge-check passed; REST calls were NOT checked for their scopes (no OpenAPI specs)',
    );
  } else {
    lines.push('forge-check passed');
  }
  return `${lines.join('\n')}\n`;
}

/** `privacy-disclosure forge-check [--json] [--only STEPS] [DIR]`; returns the exit code. */
export async function forgeCheckCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args);
  if (options === 'help') {
    io.stdout(HELP['forge-check']);
    return EXIT.ok;
  }
  let tools;
  try {
    tools = loadForgeTools(options.dir);
  } catch (error) {
    if (!(error instanceof ForgeToolsMissing)) throw error;
    io.stderr(`privacy-disclosure forge-check: ${error.message}\n`);
    return EXIT.usage;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'forge-check-'));
  try {
    let specs;
    try {
      specs = locateOpenApiSpecs(scratch, {
        cwd: process.cwd(),
        // Only a checkout has the folder beside it; an installed package sits in node_modules.
        repositoryRoot: PACKAGE_ROOT.split(sep).includes('node_modules') ? undefined : PACKAGE_ROOT,
      });
    } catch (error) {
      if (!(error instanceof OpenApiSpecError)) throw error;
      io.stderr(`privacy-disclosure forge-check: OpenAPI specs: ${error.message}\n`);
      return EXIT.usage;
    }
    let app;
    try {
      app = loadForgeApp(options.dir);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.stderr(`forge-check failed: ${error.message}\n`);
      return EXIT.invalid;
    }
    // Forge's lint keeps a cache in the user's config folder; keep it in the scratch folder.
    const config = join(scratch, 'config');
    mkdirSync(config);
    const env = { ...specs.env, XDG_CONFIG_HOME: config };
    const report = await offlineIn(app.dir, env, () =>
      runForgeCheck(app, tools, options.steps, scratch, specs),
    );
    io.stdout(
      printableLines(options.json ? `${JSON.stringify(report, null, 2)}\n` : textReport(report)),
    );
    return report.passed ? EXIT.ok : EXIT.invalid;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
