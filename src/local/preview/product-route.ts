/**
 * The route that answers the app page's product requests (`@forge/bridge`'s `requestJira` and
 * `requestConfluence`, which reach the host as `fetchProduct`): the host page posts them here,
 * and the local product API answers them as the preview's acting user, as Forge answers them as
 * the viewing user. Reached only after the request guard let it through.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http.ts';
import { PREVIEW_USERS, type PreviewProductResponse, type PreviewUser } from './model.ts';

/** One product request from the app's page, checked. */
export interface ProductRequest {
  product: 'jira' | 'confluence';
  /** The REST path with its query, e.g. `/rest/api/3/user/bulk?accountId=...`. */
  restPath: string;
  method: string;
  /** Whom it acts as: the preview's user of the host page. */
  user: PreviewUser;
}

/** What answers a product request: the preview backend's local product API. */
export interface ProductBackend {
  fetchProduct(request: ProductRequest): Promise<{
    status: number;
    statusText: string;
    headers: Record<string, string>;
    body: string;
  }>;
}

/** Checks a product request from the host page; says what is wrong when it is not one. */
export function parseProductRequest(text: string): ProductRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('The product request is not JSON.');
  }
  const { product, restPath, method, user } = (body ?? {}) as Record<string, unknown>;
  if (product !== 'jira' && product !== 'confluence')
    throw new Error('"product" must be jira or confluence.');
  if (typeof restPath !== 'string' || !restPath.startsWith('/') || restPath.startsWith('//'))
    throw new Error('"restPath" must be a path on the product, starting with one "/".');
  const person = PREVIEW_USERS.find((candidate) => candidate.id === user);
  if (!person)
    throw new Error(
      `"user" must be one of ${PREVIEW_USERS.map((candidate) => candidate.id).join(', ')}.`,
    );
  return {
    product,
    restPath,
    method: typeof method === 'string' && method ? method.toUpperCase() : 'GET',
    user: person,
  };
}

/** Answers a product request from the host page with what the local product API says. */
export async function productRoute(
  request: IncomingMessage,
  response: ServerResponse,
  backend: ProductBackend,
  log: (line: string) => void,
): Promise<void> {
  let call: ProductRequest;
  try {
    call = parseProductRequest(await readBody(request));
  } catch (error) {
    return sendJson(response, 400, {
      ok: false,
      error: (error as Error).message,
    } satisfies PreviewProductResponse);
  }
  try {
    return sendJson(response, 200, {
      ok: true,
      response: await backend.fetchProduct(call),
    } satisfies PreviewProductResponse);
  } catch (error) {
    const message = (error as Error).message;
    log(`Product request ${call.method} ${call.restPath} failed: ${message}`);
    return sendJson(response, 503, { ok: false, error: message } satisfies PreviewProductResponse);
  }
}
