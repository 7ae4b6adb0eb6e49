/**
 * Forge entry points, named in manifest.yml: `index.handler` (the resolver for every page),
 * `index.lifecycle` (the trigger on install and upgrade) and `index.personalData` (the weekly
 * personal data report), over this app's own configuration.
 */
// The backend by the package's name, as a vendor's app imports it: Forge's webpack bundles it
// from dist/ (package.json `exports`, built by `npm run build`), since it cannot resolve the `.js`
// that TypeScript writes for a relative `.ts` import. For the same reason this app's own data
// and module keys are imported without an extension (they import nothing but types).
import {
  createDisclosureBackend,
  createPersonalDataReport,
  type LifecycleEvent,
} from 'privacy-disclosure/backend';
import { OWN_APP_OPTIONS } from './backend/own-app';

/** This app's disclosure: its bundled declaration, its admin modules, the default key prefix. */
export const disclosure = createDisclosureBackend(OWN_APP_OPTIONS);

/** Answers the Custom UI's `invoke` calls. */
export const handler = disclosure.handler;

/** Publishes the bundled declaration on `avi:forge:installed:app` and `avi:forge:upgraded:app`. */
export async function lifecycle(event: LifecycleEvent): Promise<void> {
  await disclosure.lifecycle(event);
}

const reportPersonalData = createPersonalDataReport(OWN_APP_OPTIONS);

/**
 * The weekly `scheduledTrigger`: reports the account ids in review records to Atlassian and erases
 * the reviews of closed accounts. A scheduled trigger's answer is ignored unless it is malformed,
 * so it answers 204; a failure throws (logged without account ids) and the next week's run resumes.
 */
export async function personalData(): Promise<{ statusCode: number }> {
  await reportPersonalData();
  return { statusCode: 204 };
}
