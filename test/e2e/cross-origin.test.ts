import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewBackend } from '../../src/local/preview/backend.ts';
import { PREVIEW_USERS } from '../../src/local/preview/model.ts';
import { PREVIEW_MODULE_KEYS } from '../../src/local/preview/module-keys.ts';
import { startPreviewServer, type PreviewServer } from '../../src/local/preview/server.ts';
import {
  appFrame,
  launchChromium,
  openApp,
  RESULTS_DIR,
  ROOT,
  showHistory,
  startPreview,
  type RunningPreview,
} from './harness.ts';

const EXALATE = join(ROOT, 'examples/exalate-cloud.yaml');
/** How the page names the preview's admin once they reviewed (it looks the name up). */
const ADMIN = PREVIEW_USERS[0]!.displayName;
/** The review status of a version nobody reviewed (by name or by id). */
const REVIEWED = /Reviewed by/;
/** What the preview's host page sends to record the admin's review of version 1. */
const REVIEW = JSON.stringify({
  functionKey: 'review/mark',
  payload: { version: 1 },
  page: 'jira-admin',
  user: 'admin',
  locale: 'en',
});
const READ = JSON.stringify({ functionKey: 'disclosure/get', page: 'jira-admin', user: 'admin' });
/** The attacker's page: nothing on it but a frame for a form to post into. */
const BAIT =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Free stickers</title>' +
  '<h1>Free stickers</h1><iframe name="sink" title="sink"></iframe></html>';

let browser: Browser;
let attacker: Server;
/** The attacker's page at `localhost` (another site) and at `127.0.0.1` (same site, another port). */
let attackerOrigins: string[];
let preview: RunningPreview | undefined;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  attacker = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(BAIT);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  const port = (attacker.address() as AddressInfo).port;
  attackerOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  mkdirSync(RESULTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
  await preview?.stop();
  preview = undefined;
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  pages.push(page);
  return page;
}

/** Who the preview's own Jira admin page says reviewed the current version. */
async function reviewStatus(url: string): Promise<string> {
  const frame = await openApp(await newPage(), `${url}/jira-admin?user=admin`);
  return (await frame.textContent('[data-testid="review-status"]')) ?? '';
}

/** Every way a page can send the host page's review request to `target` without CORS' consent. */
function tryToRecordReview(page: Page, target: string) {
  return page.evaluate(
    async ({ target, body }) => {
      const send = async (init: RequestInit): Promise<string> => {
        try {
          const answer = await fetch(`${target}/__preview/invoke`, {
            method: 'POST',
            body,
            ...init,
          });
          return answer.type === 'opaque' ? 'sent, answer unreadable' : `read ${answer.status}`;
        } catch {
          return 'blocked';
        }
      };
      const outcomes = {
        noCorsText: await send({ mode: 'no-cors', headers: { 'content-type': 'text/plain' } }),
        // In no-cors mode the browser drops the JSON content type and sends text/plain.
        noCorsJson: await send({
          mode: 'no-cors',
          headers: { 'content-type': 'application/json' },
        }),
        // A JSON request needs a CORS preflight first.
        corsJson: await send({ mode: 'cors', headers: { 'content-type': 'application/json' } }),
      };
      // The classic form: text/plain, the JSON split between a field's name and its value.
      const form = document.createElement('form');
      form.method = 'POST';
      form.action = `${target}/__preview/invoke`;
      form.enctype = 'text/plain';
      form.target = 'sink';
      const field = document.createElement('input');
      field.name = `${body.slice(0, -1)},"pad":"`;
      field.value = '"}';
      form.append(field);
      document.body.append(form);
      const sink = document.querySelector('iframe')!;
      await new Promise((resolve) => {
        sink.addEventListener('load', resolve, { once: true });
        setTimeout(resolve, 5000);
        form.submit();
      });
      return outcomes;
    },
    { target, body: REVIEW },
  );
}

/** What a page can read from `target`: the status, and the disclosure as text/plain or as JSON. */
function tryToRead(page: Page, target: string) {
  return page.evaluate(
    async ({ target, body }) => {
      const read = async (path: string, init: RequestInit = {}): Promise<string> => {
        try {
          const answer = await fetch(`${target}${path}`, init);
          return `${answer.status} ${await answer.text()}`;
        } catch {
          return 'blocked';
        }
      };
      return {
        status: await read('/__preview/status'),
        disclosureText: await read('/__preview/invoke', { method: 'POST', body }),
        disclosureJson: await read('/__preview/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
        hostPage: await read('/jira-admin'),
      };
    },
    { target, body: READ },
  );
}

describe('a page on another origin', () => {
  it('cannot record a review in the running preview; the preview own page still can', async () => {
    preview = await startPreview(EXALATE);
    for (const origin of attackerOrigins) {
      const page = await newPage();
      await page.goto(`${origin}/`);
      const outcomes = await tryToRecordReview(page, preview.server.url);
      // The browser does not even send the JSON POST: the preview refuses its preflight.
      expect(outcomes.corsJson, origin).toBe('blocked');
    }
    expect(await reviewStatus(preview.server.url)).not.toMatch(REVIEWED);

    // Its own page, with the same browser: same origin, JSON, and the review is recorded.
    const own = await openApp(await newPage(), `${preview.server.url}/jira-admin?user=admin`);
    await own.click('[data-testid="review-button"]');
    await own.waitForFunction(
      (admin) =>
        document.querySelector('[data-testid="review-status"]')?.textContent?.includes(admin),
      ADMIN,
    );
  });

  it('cannot read the status or the disclosure, not even through a name rebound to this machine', async () => {
    preview = await startPreview(EXALATE);
    for (const origin of attackerOrigins) {
      const page = await newPage();
      await page.goto(`${origin}/`);
      const reads = await tryToRead(page, preview.server.url);
      expect(reads, origin).toEqual({
        status: 'blocked',
        disclosureText: 'blocked',
        disclosureJson: 'blocked',
        hostPage: 'blocked',
      });
    }

    // DNS rebinding: the attacker's name first serves its page, then resolves to 127.0.0.1, so
    // the page's requests are same-origin for the browser. Chromium resolves *.localhost to
    // loopback; the bait page itself is answered by the test, as the attacker's server would.
    const rebound = `http://stickers.localhost:${preview.server.port}`;
    const page = await newPage();
    await page.route(`${rebound}/free-stickers`, (route) =>
      route.fulfill({ contentType: 'text/html', body: BAIT }),
    );
    await page.goto(`${rebound}/free-stickers`);
    const reads = await tryToRead(page, rebound);
    for (const [what, answer] of Object.entries(reads)) {
      expect(answer, what).toMatch(/^403 /);
      expect(answer, what).not.toMatch(/Exalate|publishedVersion|preview-config/);
    }
    const write = await page.evaluate(async (body) => {
      const answer = await fetch('/__preview/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return answer.status;
    }, REVIEW);
    expect(write).toBe(403);
    expect(await reviewStatus(preview.server.url)).not.toMatch(REVIEWED);
  });
});

describe('the preview own page on a damaged store', () => {
  let server: PreviewServer | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says what is damaged, and its button moves the file aside and starts over empty', async () => {
    dir = mkdtempSync(join(tmpdir(), 'privacy-preview-e2e-damaged-'));
    mkdirSync(join(dir, 'privacy'));
    mkdirSync(join(dir, '.preview-data'));
    const declarationFile = join(dir, 'privacy', basename(EXALATE));
    copyFileSync(EXALATE, declarationFile);
    // The store as the preview writes it, cut off where a full disk stopped the copy.
    const damaged =
      '{"format":"privacy-disclosure-local-kvs","version":1,"namespaces":{"kv":{"privacy-disclosure:head:cur';
    const storeFile = join(dir, '.preview-data', 'kvs.json');
    writeFileSync(storeFile, damaged);
    const root = dir;
    const backend = await createPreviewBackend({
      persistFile: storeFile,
      showPath: (path) => relative(root, path),
    });
    server = await startPreviewServer({
      port: 0,
      declarationFile,
      displayName: `privacy/${basename(EXALATE)}`,
      uiDir: join(ROOT, 'static/disclosure/dist'),
      moduleKeys: PREVIEW_MODULE_KEYS,
      backend,
      debounceMs: 50,
      pollMs: 250,
    });

    const page = await newPage();
    await openApp(page, `${server.url}/jira-admin`);
    const panel = page.locator('[data-testid="store-status"]');
    await panel.waitFor({ state: 'visible' });
    expect(await page.textContent('[data-testid="store-problem"]')).toBe(
      `.preview-data/kvs.json: not valid JSON at line 1, column ${damaged.length + 1}: Unterminated string.`,
    );
    await page.screenshot({ path: join(RESULTS_DIR, 'damaged-store.png') });
    expect(readFileSync(storeFile, 'utf8')).toBe(damaged);

    await page.click('[data-testid="store-start-over"]');
    const detail = page.locator('[data-testid="store-detail"]', { hasText: 'was moved to' });
    await detail.waitFor({ state: 'visible' });
    const backup = /moved to (\S+);/.exec((await detail.textContent()) ?? '')?.[1];
    expect(backup).toMatch(/^\.preview-data\/kvs\.json\.damaged-/);
    expect(readFileSync(join(dir, backup!), 'utf8')).toBe(damaged);
    expect(await page.isVisible('[data-testid="store-start-over"]')).toBe(false);
    // The app frame is loaded again and shows the file published into the empty store.
    await page.waitForFunction(() => {
      const frame = (document.getElementById('app-frame') as HTMLIFrameElement).contentDocument;
      return frame?.querySelector('h1')?.textContent?.includes('Exalate') ?? false;
    });
    const restarted = appFrame(page);
    await restarted.waitForSelector('[data-testid="section-versions"]');
    await showHistory(restarted);
    expect(await restarted.textContent('[data-testid="review-status"]')).not.toMatch(REVIEWED);
  });
});
