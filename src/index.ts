/**
 * Forge entry points, named in manifest.yml: `index.handler` (the resolver for every page) and
 * `index.lifecycle` (the trigger on install and upgrade), over this app's own configuration.
 */
// The backend by the package's name, as a vendor's app imports it: Forge's webpack bundles it
// from dist/ (package.json `exports`, built by `npm run build`), since it cannot resolve the `.js`
// that TypeScript writes for a relative `.ts` import. For the same reason this app's own data
// and module keys are imported without an extension (they import nothing but types).
import { createDisclosureBackend, type LifecycleEvent } from 'privacy-disclosure/backend';
import {
  BUNDLED_DECLARATION,
  BUNDLED_PACKAGE_VERSION,
} from './backend/bundled-declaration.generated';
import { OWN_ADMIN_MODULE_KEYS } from './backend/module-keys';

/**
 * This app's disclosure: its bundled declaration, its admin modules, and the default key prefix.
 * Its installs up to 0.1.0 stored without a prefix, so that storage is copied under it once.
 */
export const disclosure = createDisclosureBackend({
  declaration: BUNDLED_DECLARATION,
  adminModuleKeys: OWN_ADMIN_MODULE_KEYS,
  fallbackAppVersion: BUNDLED_PACKAGE_VERSION,
  migrateBareKeys: true,
});

/** Answers the Custom UI's `invoke` calls. */
export const handler = disclosure.handler;

/** Publishes the bundled declaration on `avi:forge:installed:app` and `avi:forge:upgraded:app`. */
export async function lifecycle(event: LifecycleEvent): Promise<void> {
  await disclosure.lifecycle(event);
}
