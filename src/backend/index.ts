/**
 * The Forge backend: resolvers, lifecycle publishing, versioned storage and authorization.
 * `src/index.ts` exposes the entry points; the local preview and tests use the rest.
 */
export { handleLifecycleEvent, type LifecycleEvent } from './lifecycle.ts';
export { invokeResolver, type InvocationContext } from './invoke.ts';
export { ADMIN_MODULES, isAdminModule, MODULE_KEYS } from './module-keys.ts';
export { publishDeclaration, type PublishOptions, type PublishResult } from './publish.ts';
export { resolverHandler, type DisclosureDefs } from './resolvers.ts';
export { forgeStore, type KeyValueStore, type StoredEntry } from './store.ts';
export { DisclosureError } from './errors.ts';
