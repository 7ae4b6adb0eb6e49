/**
 * The preview serves the app page as a deployed app's build writes it: index.html with the
 * first paint of the version the preview publishes now, rendered again after a republish, and
 * the plain page (with one line on the terminal) when the pre-render module is missing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GATE_FILE } from '../../../src/cli/build/prerender-ui.ts';
import type { PreviewStatus } from '../../../src/local/preview/model.ts';
import { invoke, ROOT, startTestPreview, type TestPreview } from './start-preview.ts';

const EXAMPLE = 'examples/techtime-user-management.yaml';
const modules = mkdtempSync(join(tmpdir(), 'preview-prerender-'));
/** The pre-render module as `npm run build:ui` builds it, from the current sources. */
const MODULE = join(modules, 'prerender.js');

beforeAll(async () => {
  await viteBuild({
    configFile: join(ROOT, 'static/disclosure/vite.prerender.config.ts'),
    logLevel: 'silent',
    build: { outDir: modules, emptyOutDir: true },
  });
}, 120_000);
afterAll(() => rmSync(modules, { recursive: true, force: true }));

let preview: TestPreview | undefined;
afterEach(async () => {
  await preview?.stop();
  preview?.remove();
  preview = undefined;
});

async function get(current: TestPreview, path: string) {
  const response = await fetch(`${current.server.url}${path}`);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The content hash and policy version of the version a page view is served now. */
async function served(current: TestPreview) {
  const { json } = await invoke(current, 'disclosure/get', {}, { page: 'jira-global' });
  const { data } = json.body as {
    data: { version: { contentHash: string }; declaration: { policy: { version: string } } };
  };
  return { hash: data.version.contentHash, policyVersion: data.declaration.policy.version };
}

const paintedHash = (html: string) =>
  /<div id="root" data-prerendered="([0-9a-f]{64})"/.exec(html)?.[1];

describe('the preview’s app page', () => {
  it('carries the first paint of the version it publishes, under that version’s hash', async () => {
    preview = await startTestPreview(EXAMPLE, { prerenderModule: MODULE });
    const page = await get(preview, '/app/index.html');
    expect(page.status).toBe(200);
    expect(paintedHash(page.text)).toBe((await served(preview)).hash);
    expect(page.text).toContain('data-locale="en-US"');
    expect(page.text).toMatch(/<h1>[^<]*(<[^>]+>[^<]*)*TechTime/);
    expect(page.text).toContain('data-testid="section-data-collected"');
    // Still the frame's policy: every script a file of its own, the gate among them.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const gate = await get(preview, `/app/${GATE_FILE}`);
    expect(gate.status).toBe(200);
    expect(gate.headers.get('content-type')).toContain('text/javascript');
    expect(gate.text).toContain('prerender-hidden');
  });

  it('is served again without a resolver call while the published version stays', async () => {
    preview = await startTestPreview(EXAMPLE, { prerenderModule: MODULE });
    const first = (await get(preview, '/app/index.html')).text;
    const calls = vi.spyOn(preview.backend, 'invoke');
    const again = (await get(preview, '/app/index.html')).text;
    expect(calls).not.toHaveBeenCalled();
    expect(again).toBe(first);
  });

  it('is painted again from the new version after a republish', async () => {
    preview = await startTestPreview(EXAMPLE, { prerenderModule: MODULE });
    const before = paintedHash((await get(preview, '/app/index.html')).text);
    const text = readFileSync(preview.declarationFile, 'utf8');
    const edited = text.replace(/^(policy:\n {2}version: ).*$/m, "$1'2026-12-01'");
    expect(edited).not.toBe(text);
    writeFileSync(preview.declarationFile, edited);
    await vi.waitFor(
      async () => {
        const status = (await (
          await fetch(`${preview!.server.url}/__preview/status`)
        ).json()) as PreviewStatus;
        expect(status.publishedVersion).toBe(2);
      },
      { timeout: 5000, interval: 50 },
    );
    const now = await served(preview);
    expect(now.policyVersion).toBe('2026-12-01');
    const page = (await get(preview, '/app/index.html')).text;
    expect(paintedHash(page)).toBe(now.hash);
    expect(paintedHash(page)).not.toBe(before);
    expect(page).toContain('2026-12-01');
  });

  it('replaces a first paint the built page already carries (this repository’s build)', async () => {
    preview = await startTestPreview(EXAMPLE, { prerenderModule: MODULE });
    const first = (await get(preview, '/app/index.html')).text;
    // The page as `npm run build` leaves it: painted with another declaration.
    const built = join(preview.dir, 'dist', 'index.html');
    writeFileSync(
      built,
      first.replace(paintedHash(first)!, '0'.repeat(64)).replace(/TechTime/g, 'Other'),
    );
    const page = (await get(preview, '/app/index.html')).text;
    expect(page.match(/data-prerendered=/g)).toHaveLength(1);
    expect(paintedHash(page)).toBe((await served(preview)).hash);
    expect(page).toContain('TechTime');
  });

  it('is the plain page without a pre-render module, and the terminal says why once', async () => {
    preview = await startTestPreview(EXAMPLE, { prerenderModule: join(modules, 'missing.js') });
    const page = await get(preview, '/app/index.html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root"></div>');
    expect(page.text).not.toContain('data-prerendered');
    await get(preview, '/app/index.html');
    const told = preview.log.filter((line) => line.includes('without a pre-rendered first paint'));
    expect(told).toEqual([
      expect.stringMatching(/missing\.js is missing \(npm run build:ui builds it\)/),
    ]);
  });
});
