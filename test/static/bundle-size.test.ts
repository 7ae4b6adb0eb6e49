import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { repoRoot } from './examples.ts';

const BUDGET_BYTES = 150 * 1024;
const uiRoot = join(repoRoot, 'static/disclosure');
// A fresh build of the current sources, in its own folder: a stale `dist/` can neither pass
// these checks nor be emptied under a preview server that is serving it.
const dist = mkdtempSync(join(tmpdir(), 'disclosure-dist-'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const nodeEnvBefore = process.env.NODE_ENV;

beforeAll(async () => {
  // Built under the test runner's NODE_ENV=test on purpose: a build started from a test (as the
  // browser suite's setup does) must still be the production page.
  expect(process.env.NODE_ENV).toBe('test');
  await build({
    configFile: join(uiRoot, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dist, emptyOutDir: true },
  });
}, 120_000);

afterAll(() => {
  process.env.NODE_ENV = nodeEnvBefore;
  rmSync(dist, { recursive: true, force: true });
});

test('the page ships at most 150 KB of gzipped JavaScript and CSS', () => {
  const assets = filesUnder(dist).filter((path) => /\.(js|css)$/.test(path));
  expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
  expect(assets.some((path) => path.endsWith('.css'))).toBe(true);
  const sizes = assets.map((path) => ({ path, gzipped: gzipSync(readFileSync(path)).length }));
  const total = sizes.reduce((sum, { gzipped }) => sum + gzipped, 0);
  const report = sizes.map(({ path, gzipped }) => `${path.slice(dist.length + 1)} ${gzipped} B`);
  expect(total, `gzipped total ${total} B:\n${report.join('\n')}`).toBeLessThanOrEqual(
    BUDGET_BYTES,
  );
});

test('the built page loads its scripts from files, with relative paths (no inline script)', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/src="\.\/assets\//);
    expect(body!.trim()).toBe('');
  }
});

test('the page ships no zod: the UI imports only the zod-free parts of the core', () => {
  // Class names zod registers at run time; minifying keeps these strings.
  const scripts = filesUnder(dist).filter((path) => path.endsWith('.js'));
  for (const path of scripts) {
    const marker = /\$ZodType|ZodError/.exec(readFileSync(path, 'utf8'))?.[0];
    expect(marker, `${path.slice(dist.length + 1)} bundles zod`).toBeUndefined();
  }
});

test('the page is a production build even when built from a test run (no development JSX)', () => {
  // React's production runtime has no jsxDEV: a bundle calling it renders nothing at all.
  const scripts = filesUnder(dist).filter((path) => path.endsWith('.js'));
  for (const path of scripts) {
    expect(readFileSync(path, 'utf8'), path.slice(dist.length + 1)).not.toContain('jsxDEV');
  }
});
