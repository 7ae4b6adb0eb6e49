import { getAppContext } from '@forge/api';
import type { Declaration } from '../declaration/schema/index.ts';
import { BUNDLED_DECLARATION, BUNDLED_PACKAGE_VERSION } from './bundled-declaration.generated.ts';

/** This app's own declaration, bundled at build time. */
export function bundledDeclaration(): Declaration {
  return BUNDLED_DECLARATION;
}

/**
 * The app version to record when a page view publishes: Forge's own version when the runtime
 * knows it, otherwise package.json's (local preview and tests run without a Forge runtime).
 */
export function appVersionForLazyPublish(): string {
  try {
    const version = getAppContext().appVersion;
    if (typeof version === 'string' && version.length > 0) return version;
  } catch {
    // No Forge runtime: fall through to the package version.
  }
  return BUNDLED_PACKAGE_VERSION;
}
