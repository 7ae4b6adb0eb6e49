import { chooseAppVersion } from './app-version.ts';
import type { ServiceContext } from './disclosure-service.ts';
import { publishRecord } from './publish.ts';
import type { PublishResult } from './publish.ts';

/**
 * The part of an `avi:forge:installed:app` / `avi:forge:upgraded:app` event the app uses. It is
 * what the platform sends, so every field is checked before use.
 */
export interface LifecycleEvent {
  eventType?: unknown;
  app?: { id?: unknown; version?: unknown } | null;
}

/**
 * Publishes the app's declaration when the app is installed or upgraded; the same content as
 * the served version publishes nothing. The app version is taken from the event's `app.version`,
 * then the Forge runtime, then the configured fallback, normalised so that no value the platform
 * sends can block publishing. A failure is logged and rethrown so that it shows in the app's
 * logs; the previous version stays served.
 */
export async function handleLifecycleEvent(
  context: ServiceContext,
  event: LifecycleEvent | null | undefined,
): Promise<PublishResult> {
  const app = typeof event === 'object' && event !== null ? event.app : undefined;
  const sent = typeof app === 'object' && app !== null ? app.version : undefined;
  const appVersion = chooseAppVersion([sent], context.fallbackAppVersion);
  try {
    const { published, record } = await publishRecord(
      context,
      context.declaration,
      appVersion,
      context.manifestFacts,
    );
    console.log(
      published
        ? `Published declaration version ${record.meta.version} (app ${appVersion}).`
        : `Declaration unchanged; version ${record.meta.version} stays served.`,
    );
    return { published, version: record.meta };
  } catch (error) {
    console.error(`Publishing the declaration for app ${appVersion} failed`, error);
    throw error;
  }
}
