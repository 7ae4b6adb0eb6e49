/**
 * The steps of forge-check in order, each timed, into one report: which files Forge lints and
 * bundles, Forge's lint, Forge's bundler (and loading each bundle), Forge's manifest validation,
 * and proof that no login or keychain module was loaded.
 */
import { join } from 'node:path';
import type { ForgeApp } from './app.ts';
import { bundleFunctions, type FunctionBundle } from './bundle.ts';
import { checkBuildExists, checkCoverage } from './coverage.ts';
import { credentialModulesLoaded, type ForgeTools, type ToolPackage } from './forge-tools.ts';
import { runForgeLint } from './lint.ts';
import { loadBundles } from './load.ts';
import { validateManifest } from './manifest.ts';
import type { OpenApiSpecs } from './openapi.ts';
import { errorsOf, kilobytes, type Problem } from './report.ts';
import { findSources } from './sources.ts';

/** The steps that can be chosen; which files are linted and bundled is always worked out. */
export const STEPS = ['lint', 'bundle', 'manifest'] as const;
/** One of the steps that can be chosen with `--only`. */
export type ChosenStep = (typeof STEPS)[number];

/** One step's line in the report. */
export interface StepReport {
  step: 'sources' | ChosenStep;
  seconds: number;
  summary: string;
  problems: Problem[];
}

/** Everything forge-check found; `passed` when Forge would fail on none of it. */
export interface ForgeCheckReport {
  app: string;
  /** The Forge packages (and TypeScript) the check ran, with their versions and folders. */
  tools: ToolPackage[];
  openApi: { found: boolean; summary: string };
  steps: StepReport[];
  /** The app's files the handlers reach, and the files linted (both relative, sorted). */
  files: { bundled: string[]; linted: string[] };
  /** The scopes the manifest asks for, sorted. */
  declaredScopes: string[];
  /** The scopes the app's REST calls need, per Forge's permission rule (when lint ran). */
  neededScopes?: string[];
  bundles?: FunctionBundle[];
  /** Every problem of every step, and any sign that the check was not offline. */
  problems: Problem[];
  passed: boolean;
}

function declaredScopes(app: ForgeApp): string[] {
  const declared = app.manifest.permissions?.scopes ?? [];
  return (Array.isArray(declared) ? declared.map(String) : Object.keys(declared)).sort();
}

async function timed(
  step: StepReport['step'],
  work: () => Promise<{ summary: string; problems: Problem[] }>,
): Promise<StepReport> {
  const started = performance.now();
  const { summary, problems } = await work();
  return { step, seconds: (performance.now() - started) / 1000, summary, problems };
}

/**
 * Runs the chosen steps on `app` with Forge's `tools`, with the app directory as the working
 * directory (Forge's tools read tsconfig.json and manifest.yml from there) and the variables of
 * `specs` set for the permission rule. `scratch` is an empty folder for the bundles.
 */
export async function runForgeCheck(
  app: ForgeApp,
  tools: ForgeTools,
  chosen: ReadonlySet<ChosenStep>,
  scratch: string,
  specs: OpenApiSpecs,
): Promise<ForgeCheckReport> {
  const report: ForgeCheckReport = {
    app: app.dir,
    tools: tools.packages,
    openApi: { found: specs.found, summary: specs.summary },
    steps: [],
    files: { bundled: [], linted: [] },
    declaredScopes: declaredScopes(app),
    problems: [],
    passed: false,
  };
  const handlers = app.modules.flatMap((module) => module.handlers.map(({ handler }) => handler));
  const started = performance.now();
  const sources = await findSources(app, tools);
  report.files = { bundled: sources.bundled, linted: sources.linted };
  report.steps.push({
    step: 'sources',
    seconds: (performance.now() - started) / 1000,
    summary:
      `${handlers.length} handlers (${handlers.join(', ')}) reach ${sources.bundled.length} files of the app; ` +
      `forge lint reads ${sources.linted.length} files (it skips ${sources.skipped} that tsconfig.json leaves out)`,
    problems: sources.problems,
  });

  if (chosen.has('lint')) {
    report.steps.push(
      await timed('lint', async () => {
        const lint = await runForgeLint(app, tools, sources.linted);
        report.neededScopes = lint.neededScopes;
        const errors = errorsOf(lint.problems).length;
        return {
          summary:
            `Forge's client-side rules over ${sources.linted.length} files: ${errors} errors; REST calls need ` +
            `${lint.neededScopes.join(', ') || 'no scope'}; manifest asks for ${report.declaredScopes.join(', ') || 'none'}`,
          problems: lint.problems,
        };
      }),
    );
  }

  if (chosen.has('bundle')) {
    report.steps.push(
      await timed('bundle', async () => {
        const missingBuild = checkBuildExists(app.dir, tools.typescript);
        if (missingBuild.length > 0) return { summary: 'no bundle', problems: missingBuild };
        const outputDir = join(scratch, 'bundle');
        const bundle = await bundleFunctions(app, tools, outputDir);
        const built = errorsOf(bundle.problems).length === 0;
        const problems = [
          ...bundle.problems,
          ...(built ? loadBundles(app, outputDir) : []),
          ...(built
            ? checkCoverage(app.dir, tools.typescript, bundle.appModules, sources.linted)
            : []),
        ];
        report.bundles = bundle.bundles;
        const sizes = bundle.bundles.map(({ file, bytes }) => `${file} ${kilobytes(bytes)}`);
        return {
          summary: built
            ? `Forge's webpack build: ${sizes.join(', ')}; ${bundle.appModules.length} modules of the app, ` +
              `${bundle.packageModules} from node_modules; loaded on Node ${process.version}`
            : 'no bundle',
          problems,
        };
      }),
    );
  }

  if (chosen.has('manifest')) {
    report.steps.push(
      await timed('manifest', async () => {
        const problems = await validateManifest(app, tools);
        const valid = errorsOf(problems).length === 0;
        return { summary: `@forge/manifest: ${valid ? 'valid' : 'invalid'}`, problems };
      }),
    );
  }

  report.problems = report.steps.flatMap(({ problems }) => problems);
  const touched = credentialModulesLoaded();
  if (touched.length > 0) {
    report.problems.push({
      step: 'offline',
      message: `a Forge tool loaded the login or keychain: ${touched.join(', ')}`,
    });
  }
  report.passed = errorsOf(report.problems).length === 0;
  return report;
}
