/**
 * Forge entry points, named in manifest.yml: `index.handler` (the resolver for every page) and
 * `index.lifecycle` (the trigger on install and upgrade), over this app's own configuration.
 */
// The backend by the package's name, as a vendor's app imports it: Forge's webpack bundles it
// from dist/ (package.json `exports`, built by `npm run build`), since it cannot resolve the `.js`
// that TypeScript writes for a relative `.ts` import. For the same reason this app's own data
// and module keys are imported without an extension (they import nothing but types).
import { createDisclosureBackend, type LifecycleEvent } from 'privacy-disclosure/backend';
import { OWN_APP_OPTIONS } from './backend/own-app';

/** This app's disclosure: its bundled declaration, its admin modules, the default key prefix. */
export const disclosure = createDisclosureBackend(OWN_APP_OPTIONS);

/** Answers the Custom UI's `invoke` calls. */
export const handler = disclosure.handler;

/** Publishes the bundled declaration on `avi:forge:installed:app` and `avi:forge:upgraded:app`. */
export async function lifecycle(event: LifecycleEvent): Promise<void> {
  await disclosure.lifecycle(event);
}
