/**
 * `privacy-disclosure build` writes the page's first paint into the app's UI copy: the document
 * part of the declaration it bundles, pre-rendered by the package's pre-render module (built
 * fresh here from the sources), under the content hash it bundles, with the token themes and the
 * gate script; without a module, or with one that throws, the plain page and one line saying so.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as viteBuild } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import {
  firstPaintLocale,
  GATE_FILE,
  loadPrerenderModule,
  withFirstPaint,
  withoutFirstPaint,
} from '../../../src/cli/build/prerender-ui.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { captureIo, copyFixture, fakeUi, REPO_ROOT, scratch } from '../init/helpers.ts';
import { declareWhatTheAppDoes, exampleWithDisclosure } from './true-declarations.ts';

const ui = fakeUi();
const modules = scratch('prerender-module');
const made: string[] = [ui, modules];
/** The pre-render module as `npm run build:ui` builds it, from the current sources. */
const MODULE = join(modules, 'prerender.js');

beforeAll(async () => {
  await viteBuild({
    configFile: join(REPO_ROOT, 'static/disclosure/vite.prerender.config.ts'),
    logLevel: 'silent',
    build: { outDir: modules, emptyOutDir: true },
  });
}, 120_000);
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function initialised(name: string, example?: string): Promise<string> {
  const dir = copyFixture(name);
  made.push(dir);
  expect(await runInit(['--dir', dir, '--ui', ui], captureIo(), { today: '2026-12-01' })).toBe(0);
  if (example) exampleWithDisclosure(dir, example);
  else declareWhatTheAppDoes(dir, name);
  return dir;
}

async function build(dir: string, prerenderModule = MODULE, from = ui) {
  const io = captureIo();
  const code = await runBuild(['--dir', dir, '--ui', from], io, { prerenderModule });
  return { code, out: io.out(), err: io.err() };
}

const copied = (dir: string, name = 'index.html') =>
  readFileSync(join(dir, 'static/privacy-disclosure', name), 'utf8');

/** The content hash the bundled module publishes the declaration under. */
function bundledHash(dir: string): string {
  const [module] = ['ts', 'js'].flatMap((extension) => {
    const path = join(dir, `src/privacy-disclosure.generated.${extension}`);
    return existsSync(path) ? [readFileSync(path, 'utf8')] : [];
  });
  if (!module) throw new Error(`${dir}: no bundled module`);
  return /CONTENT_HASH = "([0-9a-f]{64})"/.exec(module)![1]!;
}

describe('build writes the first paint', () => {
  it('of the declaration it bundles into the UI copy, under the hash it bundles', async () => {
    const dir = await initialised('existing-admin-page', 'examples/exalate-cloud.yaml');
    const result = await build(dir);
    expect(result.code).toBe(0);
    expect(result.err).not.toContain('first paint');
    const html = copied(dir);
    const hash = bundledHash(dir);
    expect(html).toContain(`<div id="root" data-prerendered="${hash}" data-locale="en-US">`);
    expect(result.out).toContain(
      `first paint pre-rendered in en-US (sha256 ${hash.slice(0, 12)}…)`,
    );
    // The document part of the page, drawn from the declaration: its title and every section.
    expect(html).toMatch(/<h1>[^]*Exalate[^]*<\/h1>/);
    expect(html).toContain('data-testid="section-index"');
    expect(html).toContain('data-testid="section-data-collected"');
    // The colours it needs before the page's script runs, marked as the theme installer marks them.
    expect(html).toContain('<style data-theme="light">html[data-color-mode="light"]');
    expect(html).toContain('<style data-theme="dark">');
    // Scripts stay external files (Forge's CSP): the gate is a file of the copy.
    expect(html).toContain(`<script src="./${GATE_FILE}" data-locale="en-US"></script>`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(copied(dir, GATE_FILE)).toContain('prerender-hidden');
    // The page is in the first paint's language from the start, as the page's script sets it.
    expect(html).toMatch(/<html lang="en-US"[ >]/);
    // The rest of the UI build's page is as it was.
    expect(withoutFirstPaint(html)).toBe(readFileSync(join(ui, 'index.html'), 'utf8'));
  });

  it('again over a page that carries another first paint: replaced, never stacked', async () => {
    const dir = await initialised('uikit-issue-panel');
    const painted = scratch('painted-ui');
    made.push(painted);
    mkdirSync(join(painted, 'assets'));
    const other = withFirstPaint(
      readFileSync(join(ui, 'index.html'), 'utf8'),
      { html: '<header>Another app</header>', contentHash: 'f'.repeat(64), locale: 'en-US' },
      { TOKEN_THEMES: { light: ':root{}' }, HIDDEN_RULE: '' },
    );
    if (!other.ok) throw new Error(other.problem);
    writeFileSync(join(painted, 'index.html'), other.html);
    expect((await build(dir, MODULE, painted)).code).toBe(0);
    const html = copied(dir);
    expect(html).not.toContain('Another app');
    expect(html.match(/data-prerendered=/g)).toHaveLength(1);
    expect(html.match(/<style data-theme="light">/g)).toHaveLength(1);
    expect(html).toContain(`data-prerendered="${bundledHash(dir)}"`);
  });

  it('in an app of another language, in the manifest’s default locale', () => {
    expect(firstPaintLocale({ translations: { fallback: { default: 'de-DE' } } })).toBe('de-DE');
    expect(firstPaintLocale({ translations: { fallback: { default: 'pt-PT' } } })).toBe('pt-BR');
    expect(firstPaintLocale({ modules: {} })).toBe('en-US');
    expect(firstPaintLocale(null)).toBe('en-US');
  });
});

describe('build copies the plain page, and says so in one line, when', () => {
  it('the pre-render module is missing', async () => {
    const dir = await initialised('uikit-issue-panel');
    const result = await build(dir, join(modules, 'not-built.js'));
    expect(result.code).toBe(0);
    const warnings = result.err.split('\n').filter((line) => line.includes('first paint'));
    expect(warnings).toEqual([
      expect.stringMatching(/^warning: the pre-render module .*not-built\.js is missing/),
    ]);
    expect(copied(dir)).toBe(readFileSync(join(ui, 'index.html'), 'utf8'));
  });

  it('the pre-render throws', async () => {
    const dir = await initialised('uikit-issue-panel');
    const broken = join(modules, 'throws.mjs');
    writeFileSync(
      broken,
      [
        "export async function prerender() { throw new Error('no document model'); }",
        "export function gateScript() { return ''; }",
        "export const HIDDEN_RULE = '';",
        'export const TOKEN_THEMES = {};',
      ].join('\n'),
    );
    const result = await build(dir, broken);
    expect(result.code).toBe(0);
    expect(result.err).toContain('warning: the pre-render failed: no document model;');
    expect(copied(dir)).not.toContain('data-prerendered');
  });
});

describe('init', () => {
  it('copies the package’s page without the first paint this repository’s build put in', async () => {
    const painted = scratch('painted-package-ui');
    made.push(painted);
    const other = withFirstPaint(
      readFileSync(join(ui, 'index.html'), 'utf8'),
      { html: '<header>Privacy Disclosure</header>', contentHash: 'a'.repeat(64), locale: 'en-US' },
      { TOKEN_THEMES: {}, HIDDEN_RULE: '' },
    );
    if (!other.ok) throw new Error(other.problem);
    writeFileSync(join(painted, 'index.html'), other.html);
    const dir = copyFixture('uikit-issue-panel');
    made.push(dir);
    const io = captureIo();
    expect(await runInit(['--dir', dir, '--ui', painted], io, { today: '2026-12-01' })).toBe(0);
    expect(copied(dir)).toBe(readFileSync(join(ui, 'index.html'), 'utf8'));
  });
});

describe('the page with a first paint', () => {
  it('names the gate and the hidden class as the page reads them', async () => {
    const markers = await import('../../../static/disclosure/src/prerender-markers.ts');
    expect(GATE_FILE).toBe(markers.PRERENDER_GATE_FILE);
    const loaded = await loadPrerenderModule(MODULE);
    if (!loaded.ok) throw new Error(loaded.problem);
    expect(loaded.module.HIDDEN_RULE).toContain(`html.${markers.PRERENDER_HIDDEN_CLASS} #root`);
    expect(loaded.module.gateScript()).toContain(`'${markers.PRERENDER_HIDDEN_CLASS}'`);
  });

  it('keeps the vendor’s text out of the markup around it, whatever it holds', () => {
    const page = withFirstPaint(
      readFileSync(join(ui, 'index.html'), 'utf8'),
      { html: '<h1>$&amp; $1 $`</h1>', contentHash: '"><script>', locale: 'en-US' },
      { TOKEN_THEMES: {}, HIDDEN_RULE: '' },
    );
    if (!page.ok) throw new Error(page.problem);
    expect(page.html).toContain('<h1>$&amp; $1 $`</h1>');
    expect(page.html).toContain('data-prerendered="&quot;>&lt;script>"');
  });

  it('is refused for a page without an empty root', () => {
    const page = withFirstPaint(
      '<html><head></head><body><main></main></body></html>',
      {
        html: '',
        contentHash: '',
        locale: 'en-US',
      },
      { TOKEN_THEMES: {}, HIDDEN_RULE: '' },
    );
    expect(page).toEqual({
      ok: false,
      problem: 'index.html has no empty <div id="root"></div> to paint into',
    });
  });
});
