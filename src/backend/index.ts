/**
 * The disclosure's Forge backend, for any Forge app: `createDisclosureBackend` gives the resolver
 * functions (on the app's own Resolver, or as a function of their own) and the lifecycle handler,
 * over one storage key prefix and the app's own admin modules.
 */
export {
  createDisclosureBackend,
  type DisclosureBackend,
  type DisclosureBackendOptions,
} from './create-backend.ts';
export type { AdminModuleKeys, AdminProduct } from './admin-modules.ts';
export { MAX_APP_VERSION_LENGTH, UNKNOWN_APP_VERSION } from './app-version.ts';
export { DEFAULT_KEY_PREFIX, MAX_KEY_PREFIX_LENGTH } from './keys.ts';
export type { LifecycleEvent } from './lifecycle.ts';
export { publishDeclaration, type PublishOptions, type PublishResult } from './publish.ts';
export type { DisclosureDefinitions, DisclosureDefs, ResolverHandler } from './resolvers.ts';
export { forgeStore, type KeyValueStore, type StoredEntry } from './store.ts';
export { DisclosureError, type Reporter } from './errors.ts';
export {
  createPersonalDataReport,
  PersonalDataReportError,
  type PersonalDataOptions,
  type PersonalDataResult,
} from './personal-data.ts';
export { CLOSED_ACCOUNT_ID } from './closed-account.ts';
