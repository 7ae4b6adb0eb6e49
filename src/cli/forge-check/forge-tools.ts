/**
 * Forge's own tools, loaded the way `forge lint` and `forge deploy` use them, but offline: no
 * login, no feature-flag service, no runtime download, and never the credential store.
 */
import { createRequire, Module } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as CliShared from '@forge/cli-shared';
import type * as ForgeBundler from '@forge/bundler';
import type * as ForgeLint from '@forge/lint';
import type * as ForgeManifest from '@forge/manifest';

const require = createRequire(import.meta.url);

// @forge/bundler refuses to build unless Node started from a CommonJS file: it checks that
// `require.main` is set, which an ES module entry (this script, run by tsx) leaves unset. Forge's
// CLI is CommonJS, so there it always is. Name this script the main module before the bundler
// loads (each module's `require.main` is taken from here when it loads); only that check reads it.
process.mainModule ??= Object.assign(new Module(fileURLToPath(import.meta.url)), {
  filename: fileURLToPath(import.meta.url),
});

/** `@forge/lint`: the rules `forge lint` runs. */
export const forgeLint: typeof ForgeLint = require('@forge/lint');
/** `@forge/bundler`: the webpack configuration `forge deploy` bundles functions with. */
export const forgeBundler: typeof ForgeBundler = require('@forge/bundler');
/** `@forge/manifest`: the manifest schema and validation. */
export const forgeManifest: typeof ForgeManifest = require('@forge/manifest');
/**
 * `@forge/cli-shared` exactly as `@forge/lint` resolves it (it is not a dependency of ours). Its
 * module index loads the credential-store module, but that module only requires keytar when a
 * credential store is created, which nothing here does; `credentialModulesLoaded` proves it.
 */
export const cliShared = createRequire(require.resolve('@forge/lint'))(
  '@forge/cli-shared',
) as typeof CliShared;

/**
 * Forge's feature flags with the service unreachable: every gate and dynamic configuration is
 * absent, so each falls back to the default Forge's CLI itself uses offline (for example, no
 * deprecated runtimes). It never asks the credential store for an account id.
 */
class OfflineFeatureFlags extends cliShared.StatsigReader {
  override async checkGate(): Promise<null> {
    return null;
  }
  override async getDynamicConfig(): Promise<null> {
    return null;
  }
}

/** The feature-flag service `lint` takes, offline (typed as the CLI's online service). */
export function offlineFeatureFlags(): CliShared.StatsigService {
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
  return Object.keys(require.cache).filter((file) =>
    /[\\/]node_modules[\\/](keytar|@forge[\\/]cli)[\\/]/.test(file),
  );
}

/**
 * Makes any network request fail loudly with its address: every part of the check must work from
 * local files, and a request would otherwise hang or pass by luck when a network happens to exist.
 */
export function refuseNetwork(): void {
  globalThis.fetch = (input: string | URL | Request) => {
    const address = input instanceof Request ? input.url : String(input);
    return Promise.reject(
      new Error(`forge:check is offline, but a Forge tool asked for ${address}`),
    );
  };
}
