/**
 * The servers the bench measures against: the local preview (the real resolver handler and the
 * real `@forge/kvs` SDK over the local Forge storage emulator) with a history of versions already
 * published, and a plain file server for the static HTML export.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Declaration } from '../src/declaration/index.ts';
import { createPreviewBackend, type LocalPreviewBackend } from '../src/local/preview/backend.ts';
import { PREVIEW_MODULE_KEYS } from '../src/local/preview/module-keys.ts';
import { startPreviewServer } from '../src/local/preview/server.ts';

/** A running preview for the bench. */
export interface BenchPreview {
  url: string;
  /** The backend, whose local runtime counts storage requests (`forge.stats`). */
  backend: LocalPreviewBackend;
  /** How many versions the store holds. */
  versions: number;
  stop(): Promise<void>;
}

/** How to start a preview for the bench. */
export interface BenchPreviewOptions {
  /** The versions to publish, oldest first; the preview follows the last one as its file. */
  history: readonly Declaration[];
  /** The built UI the preview serves. */
  uiDir: string;
  /** The pre-render module the preview writes the app page's first paint with. */
  prerenderModule: string;
  /** The repository, whose manifest and catalogues the preview serves to the UI. */
  appDir: string;
  /** Where the preview's lines go; by default stderr, each said once. */
  log?: (line: string) => void;
}

/**
 * Starts the preview as `npm start -- --declaration FILE` does for another app's declaration
 * (so with no manifest facts), after publishing every version but the last through the backend,
 * as installs and upgrades would have. The store is the emulator's in memory: the preview's
 * `.preview-data/kvs.json` would only add a synchronous write of the whole store per change,
 * which costs the publications, never a page view (reads are answered from memory either way).
 */
export async function startBenchPreview(options: BenchPreviewOptions): Promise<BenchPreview> {
  const current = options.history.at(-1);
  if (!current) throw new Error('The bench preview needs at least one version to publish.');
  const backend = await createPreviewBackend({ manifestFacts: null });
  const dir = mkdtempSync(join(tmpdir(), 'privacy-bench-preview-'));
  try {
    for (const [index, declaration] of options.history.slice(0, -1).entries()) {
      const published = await backend.publish(declaration);
      if (published.version !== index + 1)
        throw new Error(
          `Version ${index + 1} of the bench's history was stored as version ${published.version}: it is the same as the one before.`,
        );
    }
    mkdirSync(join(dir, 'privacy'));
    const declarationFile = join(dir, 'privacy', 'declaration.yaml');
    writeFileSync(declarationFile, stringify(current));
    const server = await startPreviewServer({
      port: 0,
      declarationFile,
      displayName: 'privacy/declaration.yaml',
      uiDir: options.uiDir,
      prerenderModule: options.prerenderModule,
      appDir: options.appDir,
      moduleKeys: PREVIEW_MODULE_KEYS,
      backend,
      // A page served without its first paint is measured as what it is, and said so.
      log: options.log ?? ((line) => console.error(`  preview: ${line}`)),
      // The file never changes during the bench: no polling beside the measured pages.
      pollMs: 3_600_000,
    });
    const versions = server.source.status.publishedVersion;
    if (versions !== options.history.length)
      throw new Error(
        `The bench preview stores ${versions ?? 'no'} versions, not ${options.history.length}: ${server.source.status.problem ?? server.source.status.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
      );
    return {
      url: server.url,
      backend,
      versions,
      async stop() {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The static export of `declaration` served by a preview as the app's frame: the same host page,
 * server and iframe around the same document, so what the host and the iframe's navigation cost
 * is measured apart from what the app's page costs. Its UI folder holds the export as
 * `index.html`, with no pre-render module (there is nothing to pre-render into it).
 */
export async function startFramedExport(options: {
  declaration: Declaration;
  html: string;
  appDir: string;
}): Promise<BenchPreview> {
  const uiDir = mkdtempSync(join(tmpdir(), 'privacy-bench-framed-'));
  writeFileSync(join(uiDir, 'index.html'), options.html);
  try {
    const preview = await startBenchPreview({
      history: [options.declaration],
      uiDir,
      prerenderModule: join(uiDir, 'no-prerender-module.js'),
      appDir: options.appDir,
      log: () => {},
    });
    return {
      ...preview,
      async stop() {
        await preview.stop();
        rmSync(uiDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(uiDir, { recursive: true, force: true });
    throw error;
  }
}

/** A running file server for one page. */
export interface PageServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves one HTML page over HTTP on localhost, with the preview's headers (uncompressed,
 * `no-store`), so the static export is loaded the way the app's page is, not from `file://`.
 */
export async function servePage(html: string): Promise<PageServer> {
  const body = Buffer.from(html, 'utf8');
  const server = createServer((request, response) => {
    if (request.url !== '/' && request.url !== '/index.html') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Only / is served.');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
