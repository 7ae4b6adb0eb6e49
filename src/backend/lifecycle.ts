import { appVersionForLazyPublish, bundledDeclaration } from './bundle.ts';
import { publishDeclaration, type PublishResult } from './publish.ts';

/** The part of an `avi:forge:installed:app` / `avi:forge:upgraded:app` event the app uses. */
export interface LifecycleEvent {
  eventType?: string;
  app?: { id?: string; version?: string };
}

/**
 * Publishes the bundled declaration when the app is installed or upgraded; the same content as
 * the served version publishes nothing. A failure is logged and rethrown so that it shows in the
 * app's logs; the previous version stays served.
 */
export async function handleLifecycleEvent(
  event: LifecycleEvent | undefined,
): Promise<PublishResult> {
  const appVersion =
    typeof event?.app?.version === 'string' ? event.app.version : appVersionForLazyPublish();
  try {
    const result = await publishDeclaration(bundledDeclaration(), appVersion);
    console.log(
      result.published
        ? `Published declaration version ${result.version.version} (app ${appVersion}).`
        : `Declaration unchanged; version ${result.version.version} stays served.`,
    );
    return result;
  } catch (error) {
    console.error(`Publishing the declaration for app ${appVersion} failed`, error);
    throw error;
  }
}
