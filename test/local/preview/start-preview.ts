import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPreviewBackend,
  type LocalPreviewBackend,
} from '../../../src/local/preview/backend.ts';
import { PREVIEW_MODULE_KEYS } from '../../../src/local/preview/module-keys.ts';
import { startPreviewServer, type PreviewServer } from '../../../src/local/preview/server.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The shape of the page Vite writes for the UI (module bundle in <head>, relative asset paths),
 * so these tests do not depend on `npm run build:ui` having run first.
 */
const BUILT_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Privacy disclosure</title>
    <script type="module" crossorigin src="./assets/index-Cq1x9.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-D2k.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

/** A preview on a random port with its own storage, UI folder and copy of a declaration. */
export interface TestPreview {
  server: PreviewServer;
  backend: LocalPreviewBackend;
  dir: string;
  declarationFile: string;
  /** The local store file. */
  storeFile: string;
  /** What the preview said on the terminal, line by line. */
  log: string[];
  /**
   * Starts the server again over the same storage and file (as after a restart); `whileStopped`
   * runs in between, e.g. to damage the store.
   */
  restart(whileStopped?: () => void): Promise<TestPreview>;
  stop(): Promise<void>;
  /** Cleans up the temporary folder (after stop). */
  remove(): void;
}

/** What a test may set of the preview: another pre-render module than the package's. */
export interface TestPreviewOptions {
  prerenderModule?: string;
}

async function start(
  dir: string,
  declarationFile: string,
  options: TestPreviewOptions = {},
): Promise<TestPreview> {
  const storeFile = join(dir, '.preview-data', 'kvs.json');
  const log: string[] = [];
  // Paths named as `npm start` names them: relative to the folder it was started in.
  const backend = await createPreviewBackend({
    persistFile: storeFile,
    showPath: (path) => relative(dir, path),
  });
  let server: PreviewServer;
  try {
    server = await startPreviewServer({
      port: 0,
      declarationFile,
      displayName: `privacy/${basename(declarationFile)}`,
      uiDir: join(dir, 'dist'),
      moduleKeys: PREVIEW_MODULE_KEYS,
      backend,
      debounceMs: 30,
      pollMs: 200,
      log: (line) => log.push(line),
      ...options,
    });
  } catch (error) {
    await backend.close();
    throw error;
  }
  const preview: TestPreview = {
    server,
    backend,
    dir,
    declarationFile,
    storeFile,
    log,
    restart: async (whileStopped) => {
      await server.close();
      whileStopped?.();
      return start(dir, declarationFile, options);
    },
    stop: () => server.close(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  return preview;
}

/** Starts a preview of a copy of `example` (a path relative to the repository root). */
export async function startTestPreview(
  example: string,
  options: TestPreviewOptions = {},
): Promise<TestPreview> {
  const dir = mkdtempSync(join(tmpdir(), 'privacy-preview-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'privacy'));
  writeFileSync(join(dir, 'dist', 'index.html'), BUILT_PAGE);
  writeFileSync(join(dir, 'dist', 'assets', 'index-Cq1x9.js'), 'console.log("app bundle");');
  const declarationFile = join(dir, 'privacy', basename(example));
  copyFileSync(join(ROOT, example), declarationFile);
  return start(dir, declarationFile, options);
}

/** Calls the invoke endpoint as the host page does. */
export async function invoke(
  preview: TestPreview,
  functionKey: string,
  payload: unknown,
  as: { page?: string; user?: string; locale?: string } = {},
): Promise<{ status: number; json: { ok: boolean; body?: unknown; error?: string } }> {
  const response = await fetch(`${preview.server.url}/__preview/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      functionKey,
      payload,
      page: 'jira-admin',
      user: 'admin',
      locale: 'en',
      ...as,
    }),
  });
  return {
    status: response.status,
    json: (await response.json()) as { ok: boolean; body?: unknown; error?: string },
  };
}
