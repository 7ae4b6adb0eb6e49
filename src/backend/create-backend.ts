import type { PublishedManifestFacts, VersionMeta } from '../declaration/api.ts';
import { PublishedManifestFacts as ManifestFactsSchema } from '../declaration/manifest/published.ts';
import { adminModules, type AdminModuleKeys } from './admin-modules.ts';
import { chooseAppVersion } from './app-version.ts';
import type { ServiceContext } from './disclosure-service.ts';
import { logReporter, type Reporter } from './errors.ts';
import { verifiedHead } from './check-head.ts';
import { BARE_KEYS, checkKeyPrefix, DEFAULT_KEY_PREFIX, storageKeys } from './keys.ts';
import { handleLifecycleEvent, type LifecycleEvent } from './lifecycle.ts';
import { publishRecord, type PublishResult } from './publish.ts';
import {
  resolverDefinitions,
  resolverHandler,
  type DisclosureDefinitions,
  type ResolverHandler,
} from './resolvers.ts';
import { forgeStore, type KeyValueStore } from './store.ts';

/** How a Forge app embeds the disclosure. */
export interface DisclosureBackendOptions {
  /**
   * The declaration to publish on install and upgrade: the bundle `privacy-disclosure build`
   * writes. It is validated when it is published; an invalid one is refused with its problems.
   */
  declaration: unknown;
  /**
   * What the app's manifest shows (egress domains, remotes, Forge storage, scopes, triggers, Runs
   * on Atlassian), as `privacy-disclosure build` bundles it beside the declaration
   * (`MANIFEST_FACTS`). Published with each version and shown on the page as "Checked against the
   * app's manifest"; without it the page says the version was not checked against a manifest.
   */
  manifestFacts?: unknown;
  /** The app's modules from which product administrators may record reviews. */
  adminModuleKeys: AdminModuleKeys;
  /**
   * What every storage key of the disclosure starts with, `privacy-disclosure:` by default: keys
   * the app itself stores never start with it, so the disclosure never reads or writes them.
   */
  keyPrefix?: string;
  /** Recorded as the app version when neither the event nor the Forge runtime names one. */
  fallbackAppVersion?: string;
  /**
   * Copy, once, this app's storage from before the prefix (bare `head:`, `meta:`, `v:` and
   * `review:` keys). Only for an app that stored the disclosure that way (this repository's own
   * app up to 0.1.0): in any other app those keys are the app's own and must not be read.
   */
  migrateBareKeys?: boolean;
  /** Forge storage (`@forge/kvs`) unless another store is given. */
  store?: KeyValueStore;
  /** The clock. */
  now?: () => Date;
  /** Where damaged records that were skipped, and repairs, are reported: the error log by default. */
  report?: Reporter;
}

/** The disclosure's Forge backend: resolvers and the lifecycle handler, over one configuration. */
export interface DisclosureBackend {
  /** The prefix every storage key starts with. */
  readonly keyPrefix: string;
  /** The five resolver functions by key, to `define` on the app's own `@forge/resolver` Resolver. */
  readonly definitions: DisclosureDefinitions;
  /** Defines the five resolver functions on `resolver` (a `new Resolver()` of the app's own). */
  register(resolver: { define(functionKey: string, fn: never): unknown }): void;
  /** A handler for a Forge function of its own that answers the disclosure's resolver keys. */
  readonly handler: ResolverHandler;
  /** The handler of the `avi:forge:installed:app` and `avi:forge:upgraded:app` trigger. */
  lifecycle(event: LifecycleEvent | null | undefined): Promise<PublishResult>;
  /**
   * Publishes a declaration as the next version (the local preview publishes what it watches),
   * with these manifest facts, or else those of the options.
   */
  publish(
    declaration: unknown,
    appVersion: string,
    manifestFacts?: PublishedManifestFacts | null,
  ): Promise<PublishResult>;
  /** The version now served, or null when nothing is published. */
  servedVersion(): Promise<VersionMeta | null>;
}

/**
 * Creates the disclosure's backend for a Forge app. Checks the options first and throws a message
 * naming the option at fault, so a wrong configuration fails at deploy time, not on a page view.
 *
 * @example
 * const disclosure = createDisclosureBackend({
 *   declaration: DECLARATION,
 *   adminModuleKeys: { jira: ['my-app-admin-page'] },
 * });
 * disclosure.register(resolver); // the app's own `new Resolver()`
 * export const privacyLifecycle = disclosure.lifecycle;
 */
export function createDisclosureBackend(options: DisclosureBackendOptions): DisclosureBackend {
  if (typeof options !== 'object' || options === null) {
    throw new Error('createDisclosureBackend needs options: { declaration, adminModuleKeys }.');
  }
  if (options.declaration === undefined || options.declaration === null) {
    throw new Error('createDisclosureBackend: declaration is missing (the bundled declaration).');
  }
  const keyPrefix = checkKeyPrefix(options.keyPrefix ?? DEFAULT_KEY_PREFIX);
  const manifestFacts = checkManifestFacts(options.manifestFacts);
  const context: ServiceContext = {
    store: options.store ?? forgeStore,
    keys: storageKeys(keyPrefix),
    now: options.now ?? (() => new Date()),
    report: options.report ?? logReporter,
    bareKeys: options.migrateBareKeys === true ? BARE_KEYS : null,
    admins: adminModules(options.adminModuleKeys),
    declaration: options.declaration,
    manifestFacts,
    fallbackAppVersion: options.fallbackAppVersion,
  };
  const definitions = resolverDefinitions(context);
  return {
    keyPrefix,
    definitions,
    register(resolver) {
      for (const [functionKey, fn] of Object.entries(definitions)) {
        resolver.define(functionKey, fn as never);
      }
    },
    handler: resolverHandler(definitions),
    lifecycle: (event) => handleLifecycleEvent(context, event),
    async publish(declaration, appVersion, facts) {
      const version = chooseAppVersion([appVersion], context.fallbackAppVersion);
      const { published, record } = await publishRecord(
        context,
        declaration,
        version,
        facts === undefined ? manifestFacts : checkManifestFacts(facts),
      );
      return { published, version: record.meta };
    },
    async servedVersion() {
      return (await verifiedHead(context)).current?.meta ?? null;
    },
  };
}

/** The bundled manifest facts, checked: a wrong bundle fails at deploy time, naming the option. */
function checkManifestFacts(value: unknown): PublishedManifestFacts | null {
  if (value === undefined || value === null) return null;
  const parsed = ManifestFactsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
  throw new Error(
    `createDisclosureBackend: manifestFacts${where} ${issue?.message ?? 'is not valid'}; pass the MANIFEST_FACTS that privacy-disclosure build writes.`,
  );
}
