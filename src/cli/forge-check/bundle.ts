/**
 * Forge's bundler, as `forge deploy` runs it: `@forge/bundler`'s webpack configuration for the
 * Node runtime (ts-loader over the app's tsconfig.json, babel-loader for JavaScript), one entry per
 * handler module, with Forge's own handling of the result (it throws on any error, TypeScript's
 * included). Only the output folder differs: a temporary one, removed by the caller. The Forge
 * runtime wrapper that deploy downloads is not needed to compile, and is not fetched.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type * as ForgeBundler from '@forge/bundler';
import type { BundlerArgs } from '@forge/bundler/out/types';
import type { Configs, Stats } from '@forge/bundler/out/webpack';
import type { ForgeApp } from './app.ts';
import { collectingLogger, type ForgeTools } from './forge-tools.ts';
import type { Problem } from './report.ts';

/** One bundle Forge would deploy. */
export interface FunctionBundle {
  /** The handler module, `index`. */
  name: string;
  /** The bundle's file in the output folder, `index.cjs`. */
  file: string;
  bytes: number;
}

/** The bundles, and the app's own modules they contain (not node_modules), relative paths. */
export interface BundleOutcome {
  bundles: FunctionBundle[];
  appModules: string[];
  packageModules: number;
  problems: Problem[];
}

type ConfigReader = Parameters<typeof ForgeBundler.getNodeBundler>[2];

/** The parts of Forge's bundler used here that its type declarations keep internal. */
interface ForgeNodeBundler {
  getConfigs(args: BundlerArgs): Promise<Configs>;
}
interface ForgeConfigBundler {
  getBundler(): Promise<Partial<ForgeNodeBundler>>;
}

const noRuntimeWrapper = async () => ({
  script: '',
  source: 'not fetched offline',
  version: 'offline',
});

/** Forge's webpack configuration for the app's functions, writing into `outputDir`. */
async function forgeWebpackConfig(
  app: ForgeApp,
  forgeBundler: typeof ForgeBundler,
  version: string,
  args: BundlerArgs,
  outputDir: string,
) {
  const bundler = forgeBundler.getNodeBundler(
    collectingLogger([]),
    { getNodeRuntimeWrapper: noRuntimeWrapper, getNodeRuntimeLoader: noRuntimeWrapper },
    // The bundler reads only the manifest through its config reader.
    { readConfig: async () => app.manifest } as unknown as ConfigReader,
  ) as unknown as Partial<ForgeConfigBundler>;
  const nodeBundler = await bundler.getBundler?.();
  // forge-check reaches into the bundler's internals: a release that changed them is named, so
  // that the vendor can install the version privacy-disclosure's peerDependencies ask for.
  if (!nodeBundler?.getConfigs) {
    throw new Error(
      `this @forge/bundler (${version}) no longer has getBundler/getConfigs, which forge-check uses: install the version privacy-disclosure's peerDependencies name`,
    );
  }
  const [config, ...others] = await nodeBundler.getConfigs(args);
  if (others.length > 0) {
    throw new Error(
      `this @forge/bundler (${version}) makes several configurations, which forge-check does not expect: install the version privacy-disclosure's peerDependencies name`,
    );
  }
  config.output.path = outputDir;
  return config;
}

function compile(forgeBundler: typeof ForgeBundler, config: Configs[0]): Promise<Stats> {
  const compiler = forgeBundler.getCompiler(config);
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || !stats) reject(error ?? new Error('webpack gave no result'));
      else resolve(stats);
    });
  });
}

type StatsModule = { name?: string; modules?: StatsModule[] };

/** Source modules in the bundles, concatenated ones included, as Forge counts them. */
function bundledModules(stats: Stats): string[] {
  const names: string[] = [];
  const visit = (modules: StatsModule[]) => {
    for (const module of modules) {
      if (module.modules) visit(module.modules);
      else if (module.name && /^\.\.?\/.*\.[cm]?[jt]sx?$/.test(module.name))
        names.push(module.name);
    }
  };
  visit((stats.toJson({ modules: true }).modules ?? []) as StatsModule[]);
  return names;
}

function bundlerVersion(tools: ForgeTools): string {
  return tools.packages.find(({ name }) => name === '@forge/bundler')?.version ?? 'unknown';
}

/** Bundles every handler module of `app` into `outputDir` with Forge's bundler. */
export async function bundleFunctions(
  app: ForgeApp,
  tools: ForgeTools,
  outputDir: string,
): Promise<BundleOutcome> {
  // Typed here: TypeScript calls an assertion function only through an annotated name.
  const forgeBundler: typeof ForgeBundler = tools.bundler;
  const warnings: string[] = [];
  const args: BundlerArgs = {
    appDirectory: app.dir,
    entryPoints: app.modules.map(({ name, entry }) => ({ name, path: join(app.dir, entry) })),
  };
  const outcome: BundleOutcome = { bundles: [], appModules: [], packageModules: 0, problems: [] };
  try {
    const stats = await compile(
      forgeBundler,
      await forgeWebpackConfig(app, forgeBundler, bundlerVersion(tools), args, outputDir),
    );
    // Forge's own verdict: it throws on errors (TypeScript's formatted like forge deploy shows
    // them) and logs warnings, which do not fail a deploy.
    forgeBundler.handleWebpackCompilationResult(collectingLogger(warnings), null, stats);
    const modules = bundledModules(stats);
    outcome.appModules = [...new Set(modules.filter((name) => !name.includes('/node_modules/')))]
      .map((name) => name.replace(/^\.\//, ''))
      .sort();
    outcome.packageModules = modules.length - outcome.appModules.length;
    outcome.bundles = app.modules.map(({ name }) => {
      const file = `${name}.cjs`;
      return { name, file, bytes: statSync(join(outputDir, file)).size };
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome.problems.push({ step: 'bundle', message: `Forge's bundler failed: ${message}` });
  }
  for (const message of warnings)
    outcome.problems.push({ step: 'bundle', level: 'warning', message });
  return outcome;
}
