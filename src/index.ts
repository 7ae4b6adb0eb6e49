/**
 * Forge entry points, named in manifest.yml: `index.handler` (the resolver for every page) and
 * `index.lifecycle` (the trigger on install and upgrade).
 */
import { handleLifecycleEvent, type LifecycleEvent } from './backend/lifecycle.ts';
import { resolverHandler } from './backend/resolvers.ts';

/** Answers the Custom UI's `invoke` calls. */
export const handler = resolverHandler;

/** Publishes the bundled declaration on `avi:forge:installed:app` and `avi:forge:upgraded:app`. */
export async function lifecycle(event: LifecycleEvent): Promise<void> {
  await handleLifecycleEvent(event);
}
