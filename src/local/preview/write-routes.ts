/**
 * The preview's two POST routes, reached only after the request guard let them through: a
 * resolver call from the host page, and "start over" with an empty store.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveLocale } from '../../declaration/i18n/locales.ts';
import { SinkUnavailableError, type DeclarationSource } from './declaration-source.ts';
import { readBody, sendJson } from './http.ts';
import type { ModuleKeys } from './module-keys.ts';
import {
  HOST_PAGES,
  PREVIEW_SITE,
  PREVIEW_USERS,
  isHostPageId,
  type PreviewInvokeResponse,
  type PreviewStartOverResponse,
  type PreviewStoreStatus,
} from './model.ts';
import type { InvocationContext, PreviewBackend } from './server.ts';

/** Checks an invoke request from the host page; says what is wrong when it is not one. */
function parseInvokeRequest(
  text: string,
  moduleKeys: ModuleKeys,
): InvocationContext & { functionKey: string; payload: unknown } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('The invoke request is not JSON.');
  }
  const { functionKey, payload, page, user, locale } = (body ?? {}) as Record<string, unknown>;
  if (typeof functionKey !== 'string' || !functionKey)
    throw new Error('"functionKey" must be a non-empty string.');
  if (typeof page !== 'string' || !isHostPageId(page))
    throw new Error(`"page" must be one of ${Object.keys(HOST_PAGES).join(', ')}.`);
  const person = PREVIEW_USERS.find((candidate) => candidate.id === user);
  if (!person)
    throw new Error(
      `"user" must be one of ${PREVIEW_USERS.map((candidate) => candidate.id).join(', ')}.`,
    );
  const localeCode = resolveLocale(typeof locale === 'string' ? locale : null);
  return {
    functionKey,
    payload: payload ?? {},
    page,
    moduleKey: moduleKeys[page],
    moduleType: HOST_PAGES[page].moduleType,
    user: person,
    locale: localeCode,
    ...PREVIEW_SITE,
  };
}

/** Answers a resolver call from the host page, as Forge would run it. */
export async function invokeRoute(
  request: IncomingMessage,
  response: ServerResponse,
  backend: PreviewBackend,
  moduleKeys: ModuleKeys,
  log: (line: string) => void,
): Promise<void> {
  let call;
  try {
    call = parseInvokeRequest(await readBody(request), moduleKeys);
  } catch (error) {
    return sendJson(response, 400, {
      ok: false,
      error: (error as Error).message,
    } satisfies PreviewInvokeResponse);
  }
  try {
    const { functionKey, payload, ...context } = call;
    const body = await backend.invoke(functionKey, payload, context);
    return sendJson(response, 200, {
      ok: true,
      body: body ?? null,
    } satisfies PreviewInvokeResponse);
  } catch (error) {
    const message = (error as Error).message;
    // A damaged store is not the resolver's failure: nothing ran, and the host page says why.
    if (error instanceof SinkUnavailableError)
      return sendJson(response, 503, {
        ok: false,
        error: `Nothing can be read or stored: ${message}.`,
      } satisfies PreviewInvokeResponse);
    log(`Resolver ${call.functionKey} threw: ${message}`);
    return sendJson(response, 500, { ok: false, error: message } satisfies PreviewInvokeResponse);
  }
}

/** Moves a damaged store aside when the user chooses to, then publishes the file into the empty store. */
export async function startOverRoute(
  request: IncomingMessage,
  response: ServerResponse,
  backend: PreviewBackend,
  source: DeclarationSource,
  log: (line: string) => void,
): Promise<void> {
  const text = await readBody(request);
  try {
    if (text.trim() !== '') JSON.parse(text);
  } catch {
    return sendJson(response, 400, {
      ok: false,
      error: 'The request body is not JSON.',
    } satisfies PreviewStartOverResponse);
  }
  if (backend.store().state !== 'damaged')
    return sendJson(response, 409, {
      ok: false,
      error: 'The local store is not damaged: there is nothing to start over from.',
    } satisfies PreviewStartOverResponse);
  let store: PreviewStoreStatus;
  try {
    store = await backend.startOver();
  } catch (error) {
    const message = `Could not start over: ${(error as Error).message}`;
    log(message);
    return sendJson(response, 500, {
      ok: false,
      error: message,
    } satisfies PreviewStartOverResponse);
  }
  log(
    store.backup === null
      ? `The damaged local store ${store.file} was no longer there; the preview now uses an empty store.`
      : `Moved the damaged local store ${store.file} to ${store.backup} (nothing was deleted); the preview now uses an empty store.`,
  );
  await source.republish().catch((error: unknown) => {
    log(`Publishing into the empty store failed: ${(error as Error).message}`);
  });
  return sendJson(response, 200, {
    ok: true,
    store: backend.store(),
  } satisfies PreviewStartOverResponse);
}
