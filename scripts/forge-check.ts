/**
 * `npm run forge:check`: Forge's own checks, offline, with no login: the client-side lint rules of
 * `forge lint` over the files Forge bundles, Forge's bundler on every function handler in
 * manifest.yml, and Forge's manifest validation. Exits 1 on any error, 2 on a usage error.
 *
 *   npm run forge:check                          checks this app (run npm run build first)
 *   tsx scripts/forge-check.ts DIR               checks the Forge app in DIR
 *   tsx scripts/forge-check.ts --only lint DIR   runs some of the steps: lint, bundle, manifest
 *
 * The permission rule reads Atlassian's OpenAPI specs from ../shared/forge-openapi/ beside this
 * project, or FORGE_OPENAPI_DIR; without them REST scopes go unchecked, and it says so.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, loadForgeApp, type ForgeApp } from './forge-check/app.ts';
import { bundleFunctions } from './forge-check/bundle.ts';
import { checkBuildExists, checkCoverage } from './forge-check/coverage.ts';
import { credentialModulesLoaded, refuseNetwork } from './forge-check/forge-tools.ts';
import { runForgeLint } from './forge-check/lint.ts';
import { loadBundles } from './forge-check/load.ts';
import { validateManifest } from './forge-check/manifest.ts';
import { locateOpenApiSpecs } from './forge-check/openapi.ts';
import { errorsOf, formatProblem, kilobytes, type Problem } from './forge-check/report.ts';
import { findSources } from './forge-check/sources.ts';

const STEPS = ['lint', 'bundle', 'manifest'] as const;
type Step = (typeof STEPS)[number];

const USAGE = `usage: tsx scripts/forge-check.ts [--only lint,bundle,manifest] [APP_DIR]
Runs Forge's lint rules, bundler and manifest validation offline on the Forge app in APP_DIR
(default: the current directory). Exit codes: 0 passed, 1 Forge would fail, 2 usage error.`;

function parseArgs(args: string[]): { dir: string; steps: Set<Step> } | string {
  let dir: string | undefined;
  let steps = new Set<Step>(STEPS);
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--only') {
      const names = (args[++index] ?? '').split(',');
      const unknown = names.filter((name) => !(STEPS as readonly string[]).includes(name));
      if (unknown.length > 0 || names.length === 0) return `--only takes ${STEPS.join(', ')}`;
      steps = new Set(names as Step[]);
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else if (dir === undefined) {
      dir = arg;
    } else {
      return `one app directory only (got ${dir} and ${arg})`;
    }
  }
  return { dir: resolve(dir ?? '.'), steps };
}

let stepStarted = performance.now();

/** Prints a step's line with the seconds it took, then its problems; starts the next step's clock. */
function print(title: string, summary: string, problems: Problem[] = []): void {
  const seconds = ((performance.now() - stepStarted) / 1000).toFixed(1);
  stepStarted = performance.now();
  console.log(`${title} (${seconds} s): ${summary}`);
  for (const problem of problems) console.log(formatProblem(problem));
}

async function check(app: ForgeApp, steps: Set<Step>, scratch: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const projectRoot = fileURLToPath(new URL('../', import.meta.url));
  const specs = locateOpenApiSpecs(projectRoot, scratch);
  Object.assign(process.env, specs.env);
  const handlers = app.modules.flatMap((module) => module.handlers.map(({ handler }) => handler));
  console.log(`forge:check ${app.dir} (offline: no login, no network)`);
  console.log(`  ${specs.summary}`);
  stepStarted = performance.now();

  const sources = await findSources(app);
  problems.push(...sources.problems);
  print(
    'sources',
    `${handlers.length} handlers (${handlers.join(', ')}) reach ${sources.bundled.length} files of the app; ` +
      `forge lint reads ${sources.linted.length} files (it skips ${sources.skipped} that tsconfig.json leaves out)`,
    sources.problems,
  );

  if (steps.has('lint')) {
    const lint = await runForgeLint(app, sources.linted);
    problems.push(...lint.problems);
    const declared = app.manifest.permissions?.scopes ?? [];
    const scopes = (Array.isArray(declared) ? declared.map(String) : Object.keys(declared)).sort();
    print(
      'lint',
      `Forge's client-side rules over ${sources.linted.length} files: ${errorsOf(lint.problems).length} errors; ` +
        `REST calls need ${lint.neededScopes.join(', ') || 'no scope'}; manifest asks for ${scopes.join(', ') || 'none'}`,
      lint.problems,
    );
  }

  if (steps.has('bundle')) {
    const outputDir = join(scratch, 'bundle');
    const missingBuild = checkBuildExists(app.dir);
    const bundle = missingBuild.length > 0 ? undefined : await bundleFunctions(app, outputDir);
    const found = [
      ...missingBuild,
      ...(bundle?.problems ?? []),
      ...(bundle && errorsOf(bundle.problems).length === 0 ? loadBundles(app, outputDir) : []),
      ...(bundle ? checkCoverage(app.dir, bundle.appModules, sources.linted) : []),
    ];
    problems.push(...found);
    const sizes = (bundle?.bundles ?? []).map(({ file, bytes }) => `${file} ${kilobytes(bytes)}`);
    print(
      'bundle',
      bundle && sizes.length > 0
        ? `Forge's webpack build: ${sizes.join(', ')}; ${bundle.appModules.length} modules of the app, ` +
            `${bundle.packageModules} from node_modules; loads on Node ${process.version}`
        : 'no bundle',
      found,
    );
  }

  if (steps.has('manifest')) {
    const manifest = await validateManifest(app);
    problems.push(...manifest);
    print(
      'manifest',
      `@forge/manifest: ${errorsOf(manifest).length === 0 ? 'valid' : 'invalid'}`,
      manifest,
    );
  }

  const touched = credentialModulesLoaded();
  if (touched.length > 0) {
    problems.push({
      step: 'offline',
      message: `a Forge tool loaded the login or keychain: ${touched.join(', ')}`,
    });
  }
  return problems;
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    console.error(`forge:check: ${parsed}\n${USAGE}`);
    return 2;
  }
  refuseNetwork();
  const scratch = mkdtempSync(join(tmpdir(), 'forge-check-'));
  // Forge's lint keeps a cache under the user's config folder; keep it in the scratch folder.
  process.env.XDG_CONFIG_HOME = join(scratch, 'config');
  mkdirSync(process.env.XDG_CONFIG_HOME);
  try {
    let app: ForgeApp;
    try {
      app = loadForgeApp(parsed.dir);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`forge:check failed: ${error.message}`);
      return 1;
    }
    // Forge's lint reads tsconfig.json and manifest.yml from the working directory.
    process.chdir(app.dir);
    const errors = errorsOf(await check(app, parsed.steps, scratch));
    if (errors.length > 0) {
      console.log(
        `forge:check failed: ${errors.length} error${errors.length === 1 ? '' : 's'} Forge would fail on`,
      );
      return 1;
    }
    console.log('forge:check passed');
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
