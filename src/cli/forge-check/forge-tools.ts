/**
 * Forge's own tools, loaded the way `forge lint` and `forge deploy` use them, but offline: no
 * login, no feature-flag service, no runtime download, and never the credential store.
 *
 * They are not dependencies of this package: together they pull in hundreds of packages that a
 * vendor who only validates and builds never needs. They are optional peer dependencies, loaded
 * only when `forge-check` runs, from the app being checked first (the versions the vendor
 * installed, as `forge deploy` in that app would use), then from wherever this package resolves
 * its own (this repository's dev dependencies). Only types are imported statically.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as CliShared from '@forge/cli-shared';
import type * as ForgeBundler from '@forge/bundler';
import type * as ForgeLint from '@forge/lint';
import type * as ForgeManifest from '@forge/manifest';
import type ts from 'typescript';

/** The packages a vendor installs for the check, all three in one command. */
export const FORGE_TOOL_PACKAGES = ['@forge/lint', '@forge/bundler', '@forge/manifest'] as const;

/** One package the check loaded: which version, from where. */
export interface ToolPackage {
  name: string;
  version: string;
  /** The package's folder. */
  dir: string;
}

/** Forge's tools as loaded for one app. */
export interface ForgeTools {
  /** `@forge/lint`: the rules `forge lint` runs. */
  lint: typeof ForgeLint;
  /** `@forge/bundler`: the webpack configuration `forge deploy` bundles functions with. */
  bundler: typeof ForgeBundler;
  /** `@forge/manifest`: the manifest schema and validation. */
  manifest: typeof ForgeManifest;
  /**
   * `@forge/cli-shared` exactly as `@forge/lint` resolves it (it is Forge's, not a peer of ours).
   * Its module index loads the credential-store module, but that module only requires keytar
   * when a credential store is created, which nothing here does; the check proves it.
   */
  cliShared: typeof CliShared;
  /** TypeScript to read tsconfig files and follow imports: the app's, else the one Forge's lint uses. */
  typescript: typeof ts;
  /** What was loaded, for the report. */
  packages: ToolPackage[];
}

/** Forge's tools (or TypeScript) cannot be found from the app: what is missing, what to run. */
export class ForgeToolsMissing extends Error {
  constructor(
    readonly missing: string[],
    readonly appDir: string,
  ) {
    const forgeMissing = missing.some((name) => name.startsWith('@forge/'));
    // All three at once when any is missing: they are released together and check together.
    // --ignore-scripts: they bring keytar (the Forge CLI's keychain), whose native build fails
    // without the system's keychain library; forge-check never loads it.
    const install = forgeMissing
      ? `--ignore-scripts ${FORGE_TOOL_PACKAGES.join(' ')}`
      : missing.join(' ');
    super(
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed in ${appDir}. ` +
        "forge-check runs Forge's own lint, bundler and manifest validation, which are not " +
        'dependencies of privacy-disclosure (they bring hundreds of packages); add them to your ' +
        `app as dev dependencies:\n  npm install --save-dev ${install}`,
    );
  }
}

const ownRequire = createRequire(import.meta.url);

/** The file `name` resolves to from the first of `requires` that finds it. */
function resolveFirst(requires: NodeJS.Require[], name: string): string | undefined {
  for (const require of requires) {
    try {
      return require.resolve(name);
    } catch (error) {
      // Not there: try the next place. Anything else (a broken package.json) is a real failure.
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  return undefined;
}

/** The package `name` that `file` belongs to, found by walking up to its package.json. */
function packageOf(name: string, file: string): ToolPackage {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; version?: unknown };
    if (pkg.name === name) return { name, version: String(pkg.version), dir };
  }
  return { name, version: 'unknown', dir: dirname(file) };
}

/**
 * @forge/bundler refuses to build unless Node started from a CommonJS file: it checks that
 * `require.main` is set, which an ES module entry (this CLI) leaves unset. Forge's CLI is
 * CommonJS, so there it always is. Name this file the main module before the bundler loads (each
 * module's `require.main` is taken from here when it loads); only that check reads it.
 */
function nameMainModule(): void {
  const file = fileURLToPath(import.meta.url);
  process.mainModule ??= Object.assign(new Module(file), { filename: file });
}

/**
 * Loads Forge's tools for the app in `appDir`: each from the app's node_modules, else from this
 * package's own resolution. Throws ForgeToolsMissing, naming the install command, when any is
 * in neither place.
 */
export function loadForgeTools(appDir: string): ForgeTools {
  const fromApp = createRequire(join(appDir, 'package.json'));
  const files = FORGE_TOOL_PACKAGES.map((name) => resolveFirst([fromApp, ownRequire], name));
  const missing = FORGE_TOOL_PACKAGES.filter((_, index) => files[index] === undefined);
  if (missing.length > 0) throw new ForgeToolsMissing(missing, appDir);
  const [lintFile = '', bundlerFile = '', manifestFile = ''] = files;
  const fromLint = createRequire(lintFile);
  // Forge's lint depends on a TypeScript of its own, so one is always there when the app has none.
  const typescriptFile = resolveFirst([fromApp, fromLint, ownRequire], 'typescript');
  if (typescriptFile === undefined) throw new ForgeToolsMissing(['typescript'], appDir);
  nameMainModule();
  return {
    lint: ownRequire(lintFile),
    bundler: ownRequire(bundlerFile),
    manifest: ownRequire(manifestFile),
    cliShared: fromLint('@forge/cli-shared'),
    typescript: ownRequire(typescriptFile),
    packages: [
      packageOf('@forge/lint', lintFile),
      packageOf('@forge/bundler', bundlerFile),
      packageOf('@forge/manifest', manifestFile),
      packageOf('typescript', typescriptFile),
    ],
  };
}

/**
 * Forge's feature flags with the service unreachable: every gate and dynamic configuration is
 * absent, so each falls back to the default Forge's CLI itself uses offline (for example, no
 * deprecated runtimes). It never asks the credential store for an account id. Typed as the
 * CLI's online service, which `lint` takes.
 */
export function offlineFeatureFlags(tools: ForgeTools): CliShared.StatsigService {
  class OfflineFeatureFlags extends tools.cliShared.StatsigReader {
    override async checkGate(): Promise<null> {
      return null;
    }
    override async getDynamicConfig(): Promise<null> {
      return null;
    }
  }
  return new OfflineFeatureFlags() as unknown as CliShared.StatsigService;
}

/** A Forge logger that keeps warnings (webpack's, the linters') for the report. */
export function collectingLogger(warnings: string[]): CliShared.Logger {
  return {
    traceEnabled: false,
    debugEnabled: false,
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => warnings.push(message),
    error: (error) => warnings.push(error.message),
  };
}

/** Module files that would mean a keychain or the Forge login was touched. */
export function credentialModulesLoaded(): string[] {
  return Object.keys(ownRequire.cache).filter((file) =>
    /[\\/]node_modules[\\/](keytar|@forge[\\/]cli)[\\/]/.test(file),
  );
}
