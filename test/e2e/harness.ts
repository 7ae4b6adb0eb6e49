import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { createPreviewBackend, type LocalPreviewBackend } from '../../src/local/preview/backend.ts';
import { PREVIEW_MODULE_KEYS } from '../../src/local/preview/module-keys.ts';
import { startPreviewServer, type PreviewServer } from '../../src/local/preview/server.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where screenshots go (git-ignored). */
export const RESULTS_DIR = join(ROOT, 'test-results');

/** Starts Debian's Chromium headless, never a downloaded browser; `extraArgs` add flags. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A preview running on a random port over a copy of a declaration file, with its own storage. */
export interface RunningPreview {
  server: PreviewServer;
  backend: LocalPreviewBackend;
  /** The copy the preview follows; tests edit it. */
  declarationFile: string;
  stop(): Promise<void>;
}

/** Starts the preview in-process on the built UI, as `npm start -- --declaration FILE` would. */
export async function startPreview(sourceFile: string): Promise<RunningPreview> {
  const dir = mkdtempSync(join(tmpdir(), 'privacy-preview-e2e-'));
  mkdirSync(join(dir, 'privacy'));
  const declarationFile = join(dir, 'privacy', basename(sourceFile));
  copyFileSync(sourceFile, declarationFile);
  const backend = await createPreviewBackend({
    persistFile: join(dir, '.preview-data', 'kvs.json'),
  });
  const server = await startPreviewServer({
    port: 0,
    declarationFile,
    displayName: `privacy/${basename(sourceFile)}`,
    uiDir: join(ROOT, 'static/disclosure/dist'),
    moduleKeys: PREVIEW_MODULE_KEYS,
    backend,
    debounceMs: 50,
    pollMs: 250,
  });
  return {
    server,
    backend,
    declarationFile,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a host page and answers the app's frame once the app itself has rendered the disclosure
 * (or a state). The header alone is not enough: it is in the pre-rendered first paint, before the
 * app runs; the Versions section is drawn only by the app. Its body (review record, versions
 * table, what changed) loads when it comes into view, so it is scrolled into view and back, as a
 * reader would, unless `history: false`.
 */
export async function openApp(
  page: Page,
  url: string,
  { history = true }: { history?: boolean } = {},
): Promise<Frame> {
  await page.goto(url);
  const handle = await page.waitForSelector('#app-frame');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`No app frame on ${url}`);
  const shown = await frame.waitForSelector(
    '[data-testid="section-versions"], [data-testid="state-error"], [data-testid="state-empty"]',
    { timeout: 20_000 },
  );
  if (history && (await shown.getAttribute('data-testid')) === 'section-versions') {
    await showHistory(frame);
    await frame.evaluate(() => window.scrollTo(0, 0));
  }
  return frame;
}

/**
 * Brings the Versions section into view, where the page loads its body (the review record, the
 * versions table, what changed), and waits for it: as a reader scrolling down would.
 */
export async function showHistory(frame: Frame): Promise<void> {
  // Scrolled again at each poll: a frame the host loads again starts at its top once more.
  await frame.waitForFunction(
    () => {
      document.getElementById('versions')?.scrollIntoView();
      return document.querySelector('[data-testid="review-status"]') !== null;
    },
    undefined,
    { timeout: 20_000, polling: 200 },
  );
}

/** The app's frame of the page (after navigation or a reload of the frame). */
export function appFrame(page: Page): Frame {
  const frame = page
    .frames()
    .find((candidate) => candidate.name() === 'app-frame' || candidate.url().includes('/app/'));
  if (!frame) throw new Error('The host page has no app frame.');
  return frame;
}
