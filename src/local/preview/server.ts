import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { GATE_FILE } from '../../cli/build/prerender-ui.ts';
import { APP_PREFIX, serveAppFile } from './app-files.ts';
import { clientScript, designTokensCss } from './assets.ts';
import { DeclarationSource, type DeclarationSink } from './declaration-source.ts';
import { previewFirstPaint } from './first-paint.ts';
import { HOST_CSS } from './host-css.ts';
import { renderHostPage, renderIndexPage } from './host-page.ts';
import { send, sendJson } from './http.ts';
import type { ModuleKeys } from './module-keys.ts';
import {
  PREVIEW_SITE,
  isHostPageId,
  readHostSettings,
  type HostPageId,
  type PreviewStatus,
  type PreviewStoreStatus,
  type PreviewUser,
} from './model.ts';
import { ownAddresses, refusal, type OwnAddresses, type RequestKind } from './request-guard.ts';
import { productRoute, type ProductBackend } from './product-route.ts';
import { invokeRoute, startOverRoute } from './write-routes.ts';

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
export interface PreviewBackend extends DeclarationSink, ProductBackend {
  /**
   * Runs the real resolver handler; resolves with what the resolver returned. Rejects with a
   * `SinkUnavailableError` while the store is damaged.
   */
  invoke(functionKey: string, payload: unknown, context: InvocationContext): Promise<unknown>;
  /** The local store's state: damaged stores are left untouched until {@link startOver}. */
  store(): PreviewStoreStatus;
  /** Moves a damaged store aside to a named backup and continues with an empty one. */
  startOver(): Promise<PreviewStoreStatus>;
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
  /**
   * The Forge app's folder, with manifest.yml and the catalogues it names, served to the UI at
   * `__LOCALES__/` as Forge's deploy writes them; by default this repository.
   */
  appDir?: string;
  moduleKeys: ModuleKeys;
  backend: PreviewBackend;
  log?: (line: string) => void;
  debounceMs?: number;
  pollMs?: number;
  /** Another pre-render module than the package's (tests); see `first-paint.ts`. */
  prerenderModule?: string;
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
export { PREVIEW_SITE };

/** This repository: the Forge app previewed unless {@link PreviewServerOptions.appDir} says. */
const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the host page calls resolvers. */
const INVOKE_PATH = '/__preview/invoke';
/** Where the host page sends the app page's product requests (requestJira, requestConfluence). */
const PRODUCT_PATH = '/__preview/product';
/** Where the host page's "start over" button moves a damaged store aside. */
const START_OVER_PATH = '/__preview/store/start-over';
/** GET routes that answer data rather than a page or a file. */
const DATA_PATHS: ReadonlySet<string> = new Set(['/__preview/status']);
/**
 * POST routes; each changes state or acts as the preview's user (a product request reads what
 * that user may see), so each gets the write checks.
 */
const WRITE_PATHS: ReadonlySet<string> = new Set([INVOKE_PATH, START_OVER_PATH, PRODUCT_PATH]);

const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
const HOST_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'";

/** Which checks a request gets, by what it does (see {@link refusal}). */
function kindOf(method: string, path: string): RequestKind {
  if (method === 'GET' || method === 'HEAD') return DATA_PATHS.has(path) ? 'data' : 'page';
  // Any other method may change state; only the write routes take a body.
  return method === 'POST' && WRITE_PATHS.has(path) ? 'write' : 'data';
}

/**
 * Starts the preview: host pages, the built UI with the bridge, the invoke endpoint over the real
 * backend, and the followed declaration file. Only the preview's own pages may use it (see
 * `request-guard.ts`). Rejects with EADDRINUSE when the port is taken.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const log = options.log ?? (() => {});
  const boundHost = options.host ?? '127.0.0.1';
  const { backend } = options;
  const damage = backend.store();
  if (damage.state === 'damaged')
    log(
      `The local store ${damage.file} is damaged: ${damage.problem}. It is left exactly as it is, ` +
        'and nothing is stored until you choose: open a host page to start over with an empty store ' +
        `(the damaged file is then moved to ${damage.file}.damaged-<date and time>, not deleted).`,
    );
  const source = new DeclarationSource({
    file: options.declarationFile,
    displayName: options.displayName,
    sink: backend,
    log,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  });
  await source.start();
  const status = (): PreviewStatus => ({ ...source.status, store: backend.store() });
  const firstPaint = previewFirstPaint({
    backend,
    moduleKeys: options.moduleKeys,
    log,
    ...(options.prerenderModule !== undefined && { modulePath: options.prerenderModule }),
    servedKey: () => JSON.stringify([source.status.publishedVersion, backend.store().state]),
  });
  let own: OwnAddresses | undefined;
  // Each kind of refusal is told once: a hostile page looping requests must not flood the terminal.
  const refusalsTold = new Set<string>();

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://preview.invalid');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    const kind = kindOf(method, path);
    own ??= ownAddresses((server.address() as AddressInfo).port, boundHost);
    const refused = refusal(request.headers, own, kind);
    if (refused) {
      const line = `Refused ${method} ${path}: ${refused}`;
      if (!refusalsTold.has(line) && refusalsTold.size < 100) {
        refusalsTold.add(line);
        log(`${line} (told once)`);
      }
      // Nothing of the body is read, so nothing of it can take effect.
      request.resume();
      if (kind === 'page') return send(response, 403, 'text/plain; charset=utf-8', refused);
      return sendJson(response, 403, { ok: false, error: refused });
    }
    if (method === 'POST' && path === INVOKE_PATH)
      return invokeRoute(request, response, backend, options.moduleKeys, log);
    if (method === 'POST' && path === PRODUCT_PATH)
      return productRoute(request, response, backend, log);
    if (method === 'POST' && path === START_OVER_PATH)
      return startOverRoute(request, response, backend, source, log);
    if (method !== 'GET' && method !== 'HEAD') {
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
        status: status(),
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
          renderIndexPage(status(), settings),
          { 'content-security-policy': HOST_CSP },
        );
      case '/favicon.ico':
        return send(response, 204, 'image/x-icon', '');
      case '/__preview/status':
        return sendJson(response, 200, status());
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
    if (path === `${APP_PREFIX}${GATE_FILE}`) {
      const gate = await firstPaint.gate();
      if (gate !== null) return send(response, 200, 'text/javascript; charset=utf-8', gate);
    }
    if (path.startsWith(APP_PREFIX)) {
      const file = await serveAppFile(options.uiDir, path, options.appDir ?? REPOSITORY);
      // The page itself, with the first paint of the version published now.
      const body =
        file.status === 200 && file.contentType.startsWith('text/html')
          ? await firstPaint.page(String(file.body))
          : file.body;
      return send(response, file.status, file.contentType, body, {
        'content-security-policy': APP_CSP,
      });
    }
    send(
      response,
      404,
      'text/plain; charset=utf-8',
      `Nothing at ${path}. Try /jira-admin, /jira-global or /confluence-global.`,
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
      server.listen(options.port, boundHost, () => {
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
    url: `http://${boundHost}:${port}`,
    port,
    source,
    async close() {
      source.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}
