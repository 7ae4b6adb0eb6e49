/**
 * The UI copy's index.html with the page's first paint in it: the document part of the page for
 * the declaration the build bundles, rendered ahead of time by the package's pre-render module
 * (`static/disclosure/prerender/prerender.js`, built from the UI's own components), put into
 * `#root` with the content hash it was rendered from and its locale, the token themes it needs
 * inline, and the gate script that hides it from a reader of another language. Without the
 * module, or when it fails, the page is the plain one (it paints when its script has run), never
 * a broken one: each step says why instead of throwing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Declaration } from '../../declaration/schema/index.ts';
import type { PublishedManifestFacts } from '../../declaration/manifest/published.ts';
import { FALLBACK_LOCALE, resolveLocale } from '../../declaration/i18n/locales.ts';
import { packageRoot } from './prebuilt-ui.ts';

/** Where the build of `static/disclosure/src/prerender.tsx` is, relative to the package root. */
const MODULE_PATH = 'static/disclosure/prerender/prerender.js';

/** The gate script's file name in the UI folder (as `prerender-markers.ts` names it). */
export const GATE_FILE = 'prerender-gate.js';

/** What the pre-render module exports (see `static/disclosure/src/prerender.tsx`). */
export interface PrerenderModule {
  prerender(
    declaration: Declaration,
    manifestFacts: PublishedManifestFacts | null,
    options: { locale: string },
  ): Promise<{ html: string; contentHash: string; locale: string }>;
  TOKEN_THEMES: Readonly<Record<string, string>>;
  HIDDEN_RULE: string;
  gateScript(): string;
}

/** The pieces of a first paint, once rendered. */
export interface FirstPaint {
  html: string;
  contentHash: string;
  locale: string;
}

/** Either what was asked for, or why not, in words for one line of the build's output. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; problem: string };

/** The package's pre-render module. */
export function prerenderModulePath(): string {
  return join(packageRoot(), MODULE_PATH);
}

/** Loads the pre-render module at `path`; a missing or unfit one is a problem, not a throw. */
export async function loadPrerenderModule(
  path = prerenderModulePath(),
): Promise<Outcome<{ module: PrerenderModule }>> {
  let loaded: Partial<PrerenderModule>;
  try {
    loaded = (await import(pathToFileURL(path).href)) as Partial<PrerenderModule>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problem:
        code === 'ERR_MODULE_NOT_FOUND'
          ? `the pre-render module ${path} is missing (npm run build:ui builds it)`
          : `the pre-render module ${path} cannot be loaded: ${(error as Error).message}`,
    };
  }
  if (
    typeof loaded.prerender !== 'function' ||
    typeof loaded.gateScript !== 'function' ||
    typeof loaded.HIDDEN_RULE !== 'string' ||
    typeof loaded.TOKEN_THEMES !== 'object'
  ) {
    return { ok: false, problem: `${path} is not the disclosure's pre-render module` };
  }
  return { ok: true, module: loaded as PrerenderModule };
}

/** The locale the first paint is written in: the manifest's `translations.fallback.default`. */
export function firstPaintLocale(manifest: unknown): string {
  const translations = (manifest as { translations?: { fallback?: { default?: unknown } } } | null)
    ?.translations;
  const fallback = translations?.fallback?.default;
  return typeof fallback === 'string' ? resolveLocale(fallback) : FALLBACK_LOCALE;
}

// Every part the first paint adds is between these, so another build can take it out again.
const HEAD_OPEN = '<!--privacy-disclosure:first-paint-->';
const HEAD_CLOSE = '<!--/privacy-disclosure:first-paint-->';
const ROOT_OPEN = '<!--privacy-disclosure:root-->';
const ROOT_CLOSE = '<!--/privacy-disclosure:root-->';
const EMPTY_ROOT = '<div id="root"></div>';

function between(open: string, close: string): RegExp {
  return new RegExp(`${open}[\\s\\S]*?${close.replace(/\//g, '\\/')}`, 'g');
}

/**
 * On `<html>`, beside the first paint's `lang`: the `lang` the UI build wrote, to put back. The
 * first paint sets the page's language to its locale, as the page sets it once it runs: a page
 * that changed `lang` then would make the browser style and lay out the whole document again.
 */
const LANG_BEFORE_ATTRIBUTE = 'data-lang-before';
const HTML_TAG = /<html\b[^>]*>/i;

/** `<html>` with `lang` set to `locale`, and what it was kept beside it. */
function withLang(tag: string, locale: string): string {
  const before = /\slang="([^"]*)"/i.exec(tag);
  const rest = tag.replace(/\slang="[^"]*"/i, '').replace(/^<html/i, '');
  return `<html lang="${attribute(locale)}" ${LANG_BEFORE_ATTRIBUTE}="${before ? before[1] : ''}"${rest}`;
}

/** `<html>` with the `lang` the UI build wrote put back. */
function withoutLang(tag: string): string {
  const before = new RegExp(`\\s${LANG_BEFORE_ATTRIBUTE}="([^"]*)"`).exec(tag);
  if (!before) return tag;
  const rest = tag
    .replace(before[0], '')
    .replace(/\slang="[^"]*"/i, '')
    .replace(/^<html/i, '');
  return `<html${before[1] ? ` lang="${before[1]}"` : ''}${rest}`;
}

/** index.html as the UI build wrote it: without a first paint some build put in. */
export function withoutFirstPaint(html: string): string {
  return html
    .replace(HTML_TAG, withoutLang)
    .replace(between(HEAD_OPEN, HEAD_CLOSE), '')
    .replace(between(ROOT_OPEN, ROOT_CLOSE), EMPTY_ROOT);
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * `template` (the UI build's index.html) with `paint` in `#root` and, before `</head>`, the
 * token themes as `<style data-theme="...">` (the marker the page's theme installer looks for),
 * the rule that hides a first paint in another language, and the gate script. A template without
 * an empty `<div id="root"></div>` or a `</head>` is a problem.
 */
export function withFirstPaint(
  template: string,
  paint: FirstPaint,
  module: Pick<PrerenderModule, 'TOKEN_THEMES' | 'HIDDEN_RULE'>,
): Outcome<{ html: string }> {
  const plain = withoutFirstPaint(template);
  if (!plain.includes(EMPTY_ROOT)) {
    return { ok: false, problem: `index.html has no empty ${EMPTY_ROOT} to paint into` };
  }
  if (!/<\/head>/i.test(plain)) return { ok: false, problem: 'index.html has no </head>' };
  const styles = Object.entries(module.TOKEN_THEMES);
  if ([...styles.map(([, css]) => css), module.HIDDEN_RULE].some((css) => /<\//.test(css))) {
    return { ok: false, problem: 'a token theme of the pre-render module contains "</"' };
  }
  // Everything added is between the markers, so that taking it out gives the page back exactly.
  const head = [
    HEAD_OPEN,
    `<script src="./${GATE_FILE}" data-locale="${attribute(paint.locale)}"></script>`,
    ...styles.map(([id, css]) => `<style data-theme="${attribute(id)}">${css}</style>`),
    `<style data-first-paint>${module.HIDDEN_RULE}</style>`,
  ].join('\n    ');
  const root =
    `${ROOT_OPEN}<div id="root" data-prerendered="${attribute(paint.contentHash)}" ` +
    `data-locale="${attribute(paint.locale)}">${paint.html}</div>${ROOT_CLOSE}`;
  const headEnd = plain.search(/<\/head>/i);
  const html = `${plain.slice(0, headEnd)}${head}\n  ${HEAD_CLOSE}${plain.slice(headEnd)}`.replace(
    HTML_TAG,
    (tag) => withLang(tag, paint.locale),
  );
  // A function, so that `$` in the vendor's text is never read as a replacement pattern.
  return { ok: true, html: html.replace(EMPTY_ROOT, () => root) };
}

/** A file to put into the UI copy, by its name there. */
export interface UiFile {
  name: string;
  text: string;
}

/**
 * The files that give the UI copy at `uiSource` its first paint for `declaration` published with
 * `manifestFacts`: its index.html and the gate script. The problem says why there are none.
 */
export async function firstPaintFiles(
  uiSource: string,
  declaration: Declaration,
  manifestFacts: PublishedManifestFacts | null,
  locale: string,
  modulePath?: string,
): Promise<Outcome<{ files: UiFile[]; paint: FirstPaint }>> {
  const loaded = await loadPrerenderModule(modulePath);
  if (!loaded.ok) return loaded;
  let template: string;
  try {
    template = await readFile(join(uiSource, 'index.html'), 'utf8');
  } catch (error) {
    return { ok: false, problem: `cannot read index.html: ${(error as Error).message}` };
  }
  let paint: FirstPaint;
  let gate: string;
  try {
    paint = await loaded.module.prerender(declaration, manifestFacts, { locale });
    gate = loaded.module.gateScript();
  } catch (error) {
    return { ok: false, problem: `the pre-render failed: ${(error as Error).message}` };
  }
  const page = withFirstPaint(template, paint, loaded.module);
  if (!page.ok) return page;
  return {
    ok: true,
    paint,
    files: [
      { name: 'index.html', text: page.html },
      { name: GATE_FILE, text: gate },
    ],
  };
}

/**
 * The UI copy's index.html with no first paint (what init copies, before any declaration is
 * bundled): the package's own index.html may carry this repository's.
 */
export async function plainIndexFile(uiSource: string): Promise<UiFile[]> {
  try {
    const html = await readFile(join(uiSource, 'index.html'), 'utf8');
    const plain = withoutFirstPaint(html);
    return plain === html ? [] : [{ name: 'index.html', text: plain }];
  } catch {
    return [];
  }
}
