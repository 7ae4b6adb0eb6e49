import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_PREFIX, serveAppFile } from './app-files.ts';
import { clientScript, designTokensCss } from './assets.ts';
import { DeclarationSource, type DeclarationSink } from './declaration-source.ts';
import { HOST_CSS } from './host-css.ts';
import { renderHostPage, renderIndexPage } from './host-page.ts';
import type { ModuleKeys } from './module-keys.ts';
import {
  HOST_PAGES,
  PREVIEW_LOCALES,
  PREVIEW_USERS,
  isHostPageId,
  readHostSettings,
  type HostPageId,
  type PreviewInvokeResponse,
  type PreviewUser,
} from './model.ts';

/** Where and as whom a resolver is called: what Forge puts in the invocation's context. */
export interface InvocationContext {
  page: HostPageId;
  moduleKey: string;
  moduleType: string;
  user: PreviewUser;
  /** A Forge locale code, e.g. "de-DE". */
  locale: string;
  cloudId: string;
  siteUrl: string;
}

/** The app's backend as the preview runs it: the real resolver over local storage. */
export interface PreviewBackend extends DeclarationSink {
  /** Runs the real resolver handler; resolves with what the resolver returned. */
  invoke(functionKey: string, payload: unknown, context: InvocationContext): Promise<unknown>;
  close(): Promise<void> | void;
}

/** How to start the preview. */
export interface PreviewServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Absolute path of the declaration file to preview. */
  declarationFile: string;
  /** How the file is named to the user. */
  displayName: string;
  /** The built UI folder (static/disclosure/dist). */
  uiDir: string;
  moduleKeys: ModuleKeys;
  backend: PreviewBackend;
  log?: (line: string) => void;
  debounceMs?: number;
  pollMs?: number;
}

/** A running preview. */
export interface PreviewServer {
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  source: DeclarationSource;
  close(): Promise<void>;
}

/** The made-up site the preview pretends to be. */
export const PREVIEW_SITE = {
  cloudId: 'b7c3e0d2-4f1a-4c8e-9d2b-local-preview',
  siteUrl: 'https://your-site.atlassian.net',
};

const MAX_BODY_BYTES = 1024 * 1024;

const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
const HOST_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'";

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new Error(`The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

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
  const localeCode =
    typeof locale === 'string' && locale in PREVIEW_LOCALES
      ? PREVIEW_LOCALES[locale as keyof typeof PREVIEW_LOCALES]
      : 'en-US';
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

/**
 * Starts the preview: host pages, the built UI with the bridge, the invoke endpoint over the real
 * backend, and the followed declaration file. Rejects with EADDRINUSE when the port is taken.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const log = options.log ?? (() => {});
  const source = new DeclarationSource({
    file: options.declarationFile,
    displayName: options.displayName,
    sink: options.backend,
    log,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  });
  await source.start();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://preview.invalid');
    const path = url.pathname;
    if (request.method === 'POST' && path === '/__preview/invoke') {
      let call;
      try {
        call = parseInvokeRequest(await readBody(request), options.moduleKeys);
      } catch (error) {
        return sendJson(response, 400, {
          ok: false,
          error: (error as Error).message,
        } satisfies PreviewInvokeResponse);
      }
      try {
        const { functionKey, payload, ...context } = call;
        const body = await options.backend.invoke(functionKey, payload, context);
        return sendJson(response, 200, {
          ok: true,
          body: body ?? null,
        } satisfies PreviewInvokeResponse);
      } catch (error) {
        log(`Resolver ${call.functionKey} threw: ${(error as Error).message}`);
        return sendJson(response, 500, {
          ok: false,
          error: (error as Error).message,
        } satisfies PreviewInvokeResponse);
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.', {
        allow: 'GET, HEAD',
      });
    }
    const settings = readHostSettings(url.searchParams);
    const hostPage = path.slice(1);
    if (isHostPageId(hostPage)) {
      const html = renderHostPage({
        page: hostPage,
        moduleKey: options.moduleKeys[hostPage],
        settings,
        status: source.status,
        ...PREVIEW_SITE,
      });
      return send(response, 200, 'text/html; charset=utf-8', html, {
        'content-security-policy': HOST_CSP,
      });
    }
    switch (path) {
      case '/':
        return send(
          response,
          200,
          'text/html; charset=utf-8',
          renderIndexPage(source.status, settings),
          { 'content-security-policy': HOST_CSP },
        );
      case '/favicon.ico':
        return send(response, 204, 'image/x-icon', '');
      case '/__preview/status':
        return sendJson(response, 200, source.status);
      case '/__preview/host.js':
        return send(response, 200, 'text/javascript; charset=utf-8', await clientScript('host'));
      case '/__preview/bridge.js':
        return send(response, 200, 'text/javascript; charset=utf-8', await clientScript('bridge'));
      case '/__preview/host.css':
        return send(response, 200, 'text/css; charset=utf-8', HOST_CSS);
      case '/__preview/tokens.css':
        return send(response, 200, 'text/css; charset=utf-8', designTokensCss());
    }
    if (path === APP_PREFIX.slice(0, -1))
      return send(response, 302, 'text/plain', '', { location: APP_PREFIX });
    if (path.startsWith(APP_PREFIX)) {
      const file = await serveAppFile(options.uiDir, path);
      return send(response, file.status, file.contentType, file.body, {
        'content-security-policy': APP_CSP,
      });
    }
    send(
      response,
      404,
      'text/plain; charset=utf-8',
      `Nothing at ${path}. Try /jira-admin or /confluence-global.`,
    );
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`Request ${request.method} ${request.url} failed: ${(error as Error).message}`);
      if (!response.headersSent)
        send(
          response,
          500,
          'text/plain; charset=utf-8',
          `Preview error: ${(error as Error).message}`,
        );
      else response.end();
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    source.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host === 'localhost' ? 'localhost' : (options.host ?? '127.0.0.1')}:${port}`,
    port,
    source,
    async close() {
      source.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await options.backend.close();
    },
  };
}
