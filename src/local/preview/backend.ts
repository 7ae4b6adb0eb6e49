import type { Declaration, PublishedManifestFacts } from '../../declaration/index.ts';
import { createDisclosureBackend } from '../../backend/index.ts';
import { OWN_APP_OPTIONS } from '../../backend/own-app.ts';
import { createLocalForge, type LocalForge } from '../forge/index.ts';
import { DamagedStoreError, moveDamagedStore } from '../forge/persist.ts';
import { SinkUnavailableError, type PublishedVersion } from './declaration-source.ts';
import { PREVIEW_USERS, type PreviewStoreStatus } from './model.ts';
import type { InvocationContext, PreviewBackend } from './server.ts';

/** How the preview's backend keeps its storage. */
export interface PreviewBackendOptions {
  /** The local KVS file; versions and reviews survive a restart through it. */
  persistFile?: string;
  /** Recorded as the app version of each publication. */
  appVersion?: string;
  /** How a path is named to the user (e.g. relative to where the preview started). */
  showPath?: (path: string) => string;
  /**
   * The manifest facts published with each version (see `manifest-facts.ts`); null publishes
   * versions not checked against a manifest. This app's bundled facts when not given.
   */
  manifestFacts?: PublishedManifestFacts | null;
}

// The same backend src/index.ts gives Forge, built from the sources: src/index.ts imports the
// package's built dist/ (as Forge bundles it), which a fresh clone has not built yet.
const disclosure = createDisclosureBackend(OWN_APP_OPTIONS);
const handler = disclosure.handler;

/** The preview's backend, with the local runtime exposed for tests. */
export interface LocalPreviewBackend extends PreviewBackend {
  /** The local runtime in use; null while the store is damaged and nothing is stored. */
  readonly forge: LocalForge | null;
}

type ForgeHandler = (
  request: { call: { functionKey: string; payload: unknown }; context: Record<string, unknown> },
  backendRuntimePayload: Record<string, unknown>,
) => Promise<unknown>;

/** Calls the app's own Forge handler with the context and runtime payload the platform would send. */
async function callHandler(
  forge: LocalForge,
  functionKey: string,
  payload: unknown,
  context: InvocationContext,
): Promise<unknown> {
  forge.setActingUser(context.user.accountId);
  try {
    return await (handler as unknown as ForgeHandler)(
      {
        call: { functionKey, payload },
        context: {
          cloudId: context.cloudId,
          siteUrl: context.siteUrl,
          moduleKey: context.moduleKey,
          localId: `${context.moduleKey}-local-preview`,
          extension: { type: context.moduleType },
          environmentType: 'DEVELOPMENT',
          environmentId: 'local-preview',
          locale: context.locale,
          accountId: context.user.accountId,
        },
      },
      {
        principal: { accountId: context.user.accountId },
        installContext: `ari:cloud:${context.moduleType.split(':')[0]}::site/${context.cloudId}`,
        license: { isActive: true },
      },
    );
  } finally {
    forge.setActingUser(null);
  }
}

/**
 * The real backend over the local Forge runtime: publishing as on install, and each resolver call
 * through the app's own Forge handler. A damaged store file does not stop it: it then stores
 * nothing, leaves the file as it is, and says what is wrong until the user starts over.
 */
export async function createPreviewBackend(
  options: PreviewBackendOptions = {},
): Promise<LocalPreviewBackend> {
  const { persistFile } = options;
  const showPath = options.showPath ?? ((path: string) => path);
  // Its folder is made on the first write, not here: whatever stands in the way is reported.
  const openForge = (): LocalForge =>
    createLocalForge({
      ...(persistFile ? { persistFile } : {}),
      users: PREVIEW_USERS.map(({ accountId, jiraAdmin, confluenceAdmin, displayName }) => ({
        accountId,
        jiraAdmin,
        confluenceAdmin,
        displayName,
      })),
    }).install();
  let store: PreviewStoreStatus = {
    state: 'ok',
    file: persistFile ? showPath(persistFile) : null,
    problem: null,
    backup: null,
  };
  let forge: LocalForge | null = null;
  // What is damaged, and what starting over moves aside: the store file, or what stands where
  // its folder should be (a file named .preview-data, say).
  let damaged: string | null = null;
  try {
    forge = openForge();
  } catch (error) {
    if (!(error instanceof DamagedStoreError)) throw error;
    damaged = error.path;
    store = { ...store, state: 'damaged', file: showPath(error.path), problem: error.problem };
  }
  const live = (): LocalForge => {
    if (forge) return forge;
    throw new SinkUnavailableError(
      `the local store ${store.file ?? ''} is damaged (${store.problem ?? 'unreadable'}); start over from the host page`,
    );
  };

  const appVersion = options.appVersion ?? 'local-preview';
  const toPublished = (meta: { version: number; publishedAt: string }): PublishedVersion => ({
    version: meta.version,
    publishedAt: meta.publishedAt,
  });
  // One call at a time: the acting user is global to the local runtime, as it is per invocation in Forge.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const startOver = async (): Promise<PreviewStoreStatus> => {
    if (store.state !== 'damaged' || !damaged)
      throw new Error('The local store is not damaged: there is nothing to start over from.');
    // Moved, never deleted. If the move fails, the file stays where it was and the state as it was.
    const moved = moveDamagedStore(damaged);
    const backup = moved === null ? null : showPath(moved);
    try {
      forge = openForge();
    } catch (error) {
      if (!(error instanceof DamagedStoreError)) throw error;
      // Another damaged file took its place meanwhile: it is left alone too.
      damaged = error.path;
      store = { ...store, file: showPath(error.path), problem: error.problem, backup };
      throw new Error(`moved the damaged store to ${backup}, but ${error.message}`, {
        cause: error,
      });
    }
    store = { ...store, state: 'started-over', problem: null, backup };
    return { ...store };
  };

  return {
    get forge() {
      return forge;
    },
    store: () => ({ ...store }),
    startOver: () => serial(startOver),
    publish: (declaration: Declaration) =>
      serial(async () => {
        live();
        return toPublished(
          (await disclosure.publish(declaration, appVersion, options.manifestFacts)).version,
        );
      }),
    latest: () =>
      serial(async () => {
        // Nothing can be read from a damaged store: the page shows nothing published.
        if (!forge) return null;
        const served = await disclosure.servedVersion();
        return served ? toPublished(served) : null;
      }),
    invoke: (functionKey: string, payload: unknown, context: InvocationContext) =>
      serial(() => callHandler(live(), functionKey, payload, context)),
    fetchProduct: (request) =>
      serial(async () => {
        // While the store is damaged nothing runs, look-ups included: the page shows account ids.
        const runtime = live();
        runtime.setActingUser(request.user.accountId);
        try {
          const answer = await runtime.fetchProduct(request.product, request.restPath, {
            method: request.method,
          });
          return {
            status: answer.status,
            statusText: answer.statusText,
            headers: Object.fromEntries(answer.headers.entries()),
            body: await answer.text(),
          };
        } finally {
          runtime.setActingUser(null);
        }
      }),
    close: () => forge?.uninstall(),
  };
}
