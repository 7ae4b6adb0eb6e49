import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { LOCALES_PREFIX, readLocaleFiles } from './locale-files.ts';

/** Where the app's iframe is served from; the built UI's relative asset paths resolve under it. */
export const APP_PREFIX = '/app/';

/** The one script put into the built UI's page, before its bundle. */
export const BRIDGE_SCRIPT_PATH = '/__preview/bridge.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file ready to send. */
export interface ServedFile {
  status: number;
  contentType: string;
  body: string | Buffer;
}

/**
 * Puts the bridge script before the first script of the built page, so `window.__bridge` exists
 * when `@forge/bridge` loads, exactly as the Forge host arranges it.
 */
export function injectBridgeScript(html: string): string {
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0)
    return `${html.slice(0, firstScript)}${tag}\n    ${html.slice(firstScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${tag}\n${html.slice(headEnd)}`;
  return `${tag}\n${html}`;
}

function notBuilt(uiDir: string): ServedFile {
  return {
    status: 503,
    contentType: 'text/html; charset=utf-8',
    body:
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>UI not built</title>' +
      '<body style="font-family:sans-serif;padding:2rem"><h1>The app\'s UI is not built</h1>' +
      `<p>No <code>index.html</code> in <code>${uiDir.replace(/[<>&]/g, '')}</code>. ` +
      'Run <code>npm run build:ui</code> (or start with <code>npm start</code>, which builds it) and reload.</p></body></html>',
  };
}

/**
 * A file of `__LOCALES__/`, made from the app's manifest and catalogues as Forge's deploy makes
 * it. A catalogue that cannot be shipped is a 500 that says which and why, as a deploy would fail.
 */
async function serveLocaleFile(appDir: string, relative: string): Promise<ServedFile> {
  let files: Map<string, string>;
  try {
    files = await readLocaleFiles(appDir);
  } catch (error) {
    return {
      status: 500,
      contentType: 'text/plain; charset=utf-8',
      body: `The app's translations cannot be served: ${(error as Error).message}`,
    };
  }
  const body = files.get(relative);
  if (body === undefined) {
    return {
      status: 404,
      contentType: 'text/plain; charset=utf-8',
      body: `No such translation file: ${relative}`,
    };
  }
  return { status: 200, contentType: CONTENT_TYPES['.json']!, body };
}

/**
 * Serves a file of the built UI for a request path under {@link APP_PREFIX}. Paths cannot leave
 * the UI folder; the page itself gets the bridge script. With `appDir` (the Forge app's folder),
 * `__LOCALES__/` is served from its manifest and current catalogues instead of the build.
 */
export async function serveAppFile(
  uiDir: string,
  requestPath: string,
  appDir?: string,
): Promise<ServedFile> {
  let relative = decodeURIComponent(requestPath.slice(APP_PREFIX.length));
  if (relative === '') relative = 'index.html';
  if (appDir !== undefined && relative.startsWith(LOCALES_PREFIX)) {
    return serveLocaleFile(appDir, relative);
  }
  const root = normalize(uiDir + sep);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root)) {
    return {
      status: 403,
      contentType: 'text/plain; charset=utf-8',
      body: 'Outside the UI folder.',
    };
  }
  const isPage = relative === 'index.html';
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    if (isPage) return notBuilt(uiDir);
    return {
      status: 404,
      contentType: 'text/plain; charset=utf-8',
      body: `No such file in the built UI: ${relative}`,
    };
  }
  if (isPage) {
    const html = await readFile(file, 'utf8');
    return { status: 200, contentType: CONTENT_TYPES['.html']!, body: injectBridgeScript(html) };
  }
  return {
    status: 200,
    contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    body: await readFile(file),
  };
}
