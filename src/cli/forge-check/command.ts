/**
 * `npm run forge:check`: Forge's own checks, offline, with no login: the client-side lint rules of
 * `forge lint` over the files Forge lints and bundles, Forge's bundler on every function handler
 * in manifest.yml, and Forge's manifest validation. Exits 1 on anything Forge would fail on, 2 on
 * a usage error.
 *
 *   npm run forge:check                          this app (after npm run build)
 *   tsx scripts/forge-check.ts DIR               the Forge app in DIR
 *   tsx scripts/forge-check.ts --only lint DIR   some of the steps: sources, lint, bundle, manifest
 *   tsx scripts/forge-check.ts --json DIR        the report as JSON on stdout
 *
 * The permission rule reads Atlassian's OpenAPI specs from ../shared/forge-openapi/ beside this
 * project, or from FORGE_OPENAPI_DIR; without them REST scopes go unchecked, and it says so.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, loadForgeApp } from './app.ts';
import { refuseNetwork } from './forge-tools.ts';
import { errorsOf, formatProblem } from './report.ts';
import { runForgeCheck, STEPS, type ChosenStep, type ForgeCheckReport } from './run.ts';

const USAGE = `usage: tsx scripts/forge-check.ts [--only sources,lint,bundle,manifest] [--json] [APP_DIR]
Runs Forge's lint rules, bundler and manifest validation offline on the Forge app in APP_DIR
(default: the current directory). Exit codes: 0 passed, 1 Forge would fail, 2 usage error.`;

interface Options {
  dir: string;
  steps: Set<ChosenStep>;
  json: boolean;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { dir: '', steps: new Set(STEPS), json: false };
  let dir: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--json') {
      options.json = true;
    } else if (arg === '--only') {
      // `sources` alone: only which files Forge lints and bundles (it always runs).
      const names = (args[++index] ?? '').split(',').filter(Boolean);
      const known = [...STEPS, 'sources'];
      if (names.length === 0 || names.some((name) => !known.includes(name))) {
        return `--only takes one or more of ${known.join(', ')}, separated by commas`;
      }
      options.steps = new Set(STEPS.filter((step) => names.includes(step)));
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else if (dir === undefined) {
      dir = arg;
    } else {
      return `one app directory only (got ${dir} and ${arg})`;
    }
  }
  return { ...options, dir: resolve(dir ?? '.') };
}

function printReport(report: ForgeCheckReport): void {
  console.log(`forge:check ${report.app} (offline: no login, no network)`);
  console.log(`  ${report.openApi.summary}`);
  for (const { step, seconds, summary, problems } of report.steps) {
    console.log(`${step} (${seconds.toFixed(1)} s): ${summary}`);
    for (const problem of problems) console.log(formatProblem(problem));
  }
  for (const problem of report.problems.filter(({ step }) => step === 'offline')) {
    console.log(formatProblem(problem));
  }
  const errors = errorsOf(report.problems).length;
  console.log(
    report.passed
      ? 'forge:check passed'
      : `forge:check failed: ${errors} error${errors === 1 ? '' : 's'} Forge would fail on`,
  );
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseArgs(args);
  if (typeof options === 'string') {
    console.error(`forge:check: ${options}\n${USAGE}`);
    return 2;
  }
  refuseNetwork();
  const scratch = mkdtempSync(join(tmpdir(), 'forge-check-'));
  // Forge's lint keeps a cache in the user's config folder; keep it in the scratch folder instead.
  process.env.XDG_CONFIG_HOME = join(scratch, 'config');
  mkdirSync(process.env.XDG_CONFIG_HOME);
  try {
    let app;
    try {
      app = loadForgeApp(options.dir);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`forge:check failed: ${error.message}`);
      return 1;
    }
    process.chdir(app.dir);
    const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
    const report = await runForgeCheck(app, options.steps, scratch, projectRoot);
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else printReport(report);
    return report.passed ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
