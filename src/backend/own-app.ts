/**
 * This app's own disclosure configuration: its bundled declaration and manifest facts, its admin modules and the
 * default key prefix. `src/index.ts` (what Forge bundles) and the local preview both build their
 * backend from it, so the preview runs the configuration Forge runs.
 *
 * Imported without extensions, like `src/index.ts` imports it: Forge's webpack cannot resolve the
 * `.js` TypeScript writes for a `.ts` import, and these two modules import nothing but types.
 */
import type { DisclosureBackendOptions } from './create-backend.ts';
import {
  BUNDLED_DECLARATION,
  BUNDLED_MANIFEST_FACTS,
  BUNDLED_PACKAGE_VERSION,
} from './bundled-declaration.generated';
import { OWN_ADMIN_MODULE_KEYS } from './module-keys';

/** Its installs up to 0.1.0 stored without a prefix, so that storage is copied under it once. */
export const OWN_APP_OPTIONS = {
  declaration: BUNDLED_DECLARATION,
  manifestFacts: BUNDLED_MANIFEST_FACTS,
  adminModuleKeys: OWN_ADMIN_MODULE_KEYS,
  fallbackAppVersion: BUNDLED_PACKAGE_VERSION,
  migrateBareKeys: true,
} satisfies DisclosureBackendOptions;
