import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readHead } from '../../backend/repository.ts';
import { publishDeclaration } from '../../backend/publish.ts';
import { forgeStore } from '../../backend/store.ts';
import type { Declaration } from '../../declaration/index.ts';
import { handler } from '../../index.ts';
import { createLocalForge, type LocalForge } from '../forge/index.ts';
import type { PublishedVersion } from './declaration-source.ts';
import { PREVIEW_USERS } from './model.ts';
import type { InvocationContext, PreviewBackend } from './server.ts';

/** How the preview's backend keeps its storage. */
export interface PreviewBackendOptions {
  /** The local KVS file; versions and reviews survive a restart through it. */
  persistFile?: string;
  /** Recorded as the app version of each publication. */
  appVersion?: string;
}

/** The preview's backend, with the local runtime exposed for tests. */
export interface LocalPreviewBackend extends PreviewBackend {
  forge: LocalForge;
}

type ForgeHandler = (
  request: { call: { functionKey: string; payload: unknown }; context: Record<string, unknown> },
  backendRuntimePayload: Record<string, unknown>,
) => Promise<unknown>;

/**
 * The real backend over the local Forge runtime: publishing as on install, and each resolver call
 * through the app's own Forge handler with the context the platform would send.
 */
export async function createPreviewBackend(
  options: PreviewBackendOptions = {},
): Promise<LocalPreviewBackend> {
  if (options.persistFile) mkdirSync(dirname(options.persistFile), { recursive: true });
  const forge = createLocalForge({
    ...(options.persistFile ? { persistFile: options.persistFile } : {}),
    users: PREVIEW_USERS.map(({ accountId, jiraAdmin, confluenceAdmin }) => ({
      accountId,
      jiraAdmin,
      confluenceAdmin,
    })),
  }).install();
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

  return {
    forge,
    publish: (declaration: Declaration) =>
      serial(async () => toPublished((await publishDeclaration(declaration, appVersion)).version)),
    latest: () =>
      serial(async () => {
        const { current } = await readHead(forgeStore);
        return current ? toPublished(current.meta) : null;
      }),
    invoke: (functionKey: string, payload: unknown, context: InvocationContext) =>
      serial(async () => {
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
      }),
    close: () => forge.uninstall(),
  };
}
