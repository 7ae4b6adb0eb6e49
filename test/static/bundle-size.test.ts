import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { beforeAll, expect, test } from 'vitest';
import { repoRoot } from './examples.ts';

const BUDGET_BYTES = 150 * 1024;
const uiRoot = join(repoRoot, 'static/disclosure');
const dist = join(uiRoot, 'dist');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  // Never pass on a missing build: make one the same way `npm run build:ui` does.
  if (!existsSync(join(dist, 'index.html'))) {
    await build({ configFile: join(uiRoot, 'vite.config.ts'), logLevel: 'error' });
  }
}, 120_000);

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
