// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readManifestFacts, resolveLocale, type Declaration } from '@declaration';
import { publishedManifestFacts } from '@declaration/manifest/published.ts';
import { DisclosurePage } from '../../static/disclosure/src/components/DisclosurePage.tsx';
import { PRERENDER_HIDDEN_CLASS } from '../../static/disclosure/src/prerender-markers.ts';
import { gateScript, prerender } from '../../static/disclosure/src/prerender.tsx';
import { hostileDeclarations } from '../declaration/export/hostile/declarations.ts';
import { api, resetApi } from './api-mock.ts';
import { comparableMarkup } from './comparable-markup.ts';
import { example, repoRoot } from './examples.ts';
import { renderWithLocale, translatorFor, viewOf } from './render.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

beforeEach(() => {
  resetApi();
  api.listVersions.mockResolvedValue({ ok: true, data: { versions: [], nextCursor: null } });
});
afterEach(cleanup);

const EXAMPLES = readdirSync(join(repoRoot, 'examples'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

/** This app's manifest facts, as build:declaration bundles them. */
function ownFacts() {
  const read = readManifestFacts(readFileSync(join(repoRoot, 'manifest.yml'), 'utf8'));
  if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
  return publishedManifestFacts(read.facts);
}

/** The first paint parsed into a container, as the browser parses index.html. */
function parsed(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

/** The live page's document part: its header, index and the sections before Versions. */
function livePage(
  declaration: Declaration,
  manifest: ReturnType<typeof ownFacts> | null,
  locale: string,
) {
  const { container } = renderWithLocale(
    <DisclosurePage view={viewOf(declaration, { manifest })} />,
    locale,
  );
  return container;
}

/** Equal markup, or a failure that shows where the two first differ (not both whole pages). */
function expectSameMarkup(painted: string, live: string, what: string) {
  if (painted === live) return;
  let at = 0;
  while (painted[at] === live[at]) at += 1;
  const around = (text: string) => text.slice(Math.max(0, at - 80), at + 80);
  expect(around(painted), `${what} differs at ${at}`).toBe(around(live));
}

async function expectSameDocument(
  declaration: Declaration,
  manifest: ReturnType<typeof ownFacts> | null,
  locale: string,
) {
  const painted = parsed((await prerender(declaration, manifest, { locale })).html);
  const live = livePage(declaration, manifest, locale);
  // The first paint is exactly the document part: a header, the index, the sections.
  expect(Array.from(painted.children, (child) => child.tagName)).toEqual(['HEADER', 'NAV', 'MAIN']);
  for (const part of ['header', 'nav']) {
    expectSameMarkup(
      comparableMarkup(painted.querySelector(`:scope > ${part}`)!),
      comparableMarkup(live.querySelector(`:scope > ${part}`)!),
      part,
    );
  }
  const paintedSections = Array.from(painted.querySelector('main')!.children);
  const liveSections = Array.from(live.querySelector('main')!.children);
  expect(paintedSections.length).toBeGreaterThan(3);
  paintedSections.forEach((section, index) => {
    expectSameMarkup(comparableMarkup(section), comparableMarkup(liveSections[index]!), section.id);
  });
  // What the live page adds after the document part is its own: versions and downloads.
  expect(liveSections.slice(paintedSections.length).map((section) => section.id)).toEqual([
    'versions',
    'downloads',
  ]);
}

describe('the pre-rendered first paint', () => {
  it.each(EXAMPLES)('of %s is what the live page draws for its document part', async (name) => {
    await expectSameDocument(example(name), null, 'en-US');
  });

  it('of this app, checked against its manifest, is the live page in English and in German', async () => {
    const own = example('../privacy/declaration');
    await expectSameDocument(own, ownFacts(), 'en-US');
    await expectSameDocument(own, ownFacts(), 'de-DE');
  });

  it('is written in the shipped locale the page would pick for the one asked for', async () => {
    const exalate = example('exalate-cloud');
    expect((await prerender(exalate, null, { locale: 'de-AT' })).locale).toBe('de-DE');
    expect((await prerender(exalate, null, { locale: 'sv-SE' })).locale).toBe('en-US');
    const german = parsed((await prerender(exalate, null, { locale: 'de-DE' })).html);
    expect(german.querySelector('nav')!.getAttribute('aria-label')).toBe(
      translatorFor('de-DE').t('document.contents'),
    );
  });

  it('is static markup: no separator comment between texts, one text node where the page has one', async () => {
    // React's markup for hydration puts `<!-- -->` between every two adjacent texts, thousands on
    // a long declaration, each a node more for the parser and the first layout.
    const { html } = await prerender(example('techtime-user-management'), null, {
      locale: 'en-US',
    });
    expect(html).not.toContain('<!--');
    const painted = parsed(html);
    const walker = document.createTreeWalker(painted, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      expect(node.previousSibling?.nodeType, node.textContent ?? '').not.toBe(Node.TEXT_NODE);
    }
  });

  it('escapes hostile declaration text: no script, element or event handler comes from it', async () => {
    const base = example('exalate-cloud');
    const declarations = fc.sample(hostileDeclarations(base), { numRuns: 15, seed: 13 });
    for (const declaration of declarations) {
      const { html } = await prerender(declaration, null, { locale: 'en-US' });
      const painted = parsed(html);
      expect(painted.querySelector('script, iframe, img, object, embed, style, form')).toBeNull();
      for (const element of painted.querySelectorAll('*')) {
        for (const { name, value } of element.attributes) {
          expect(name.startsWith('on'), `${element.tagName} ${name}`).toBe(false);
          if (name === 'href') expect(value).toMatch(/^(https:|mailto:|#)/);
        }
      }
    }
  });
});

describe('the gate script', () => {
  /** Runs the gate as the browser runs it in `<head>`, for a reader whose language is `language`. */
  function runGate(
    language: string,
    painted: string | null,
    colorScheme: 'dark' | 'light' = 'light',
  ) {
    const html = document.implementation.createHTMLDocument('gate').documentElement;
    const fakeDocument = {
      currentScript: { getAttribute: (name: string) => (name === 'data-locale' ? painted : null) },
      documentElement: html,
    };
    const fakeWindow = {
      matchMedia: (query: string) => ({ matches: query.includes(colorScheme) }),
    };
    new Function('document', 'navigator', 'window', gateScript())(
      fakeDocument,
      { language },
      fakeWindow,
    );
    return html;
  }

  it('hides the first paint exactly when the page would read another catalogue', () => {
    const languages = [
      'en-US',
      'en-GB',
      'en',
      'de-DE',
      'de-AT',
      'de_CH',
      'fr',
      'pt-PT',
      'pt-BR',
      'zh-CN',
      'zh-TW',
      'zh-Hant-HK',
      'ja',
      'sv-SE',
      '',
      'EN-us',
    ];
    for (const painted of ['en-US', 'de-DE']) {
      for (const language of languages) {
        const hidden = runGate(language, painted).classList.contains(PRERENDER_HIDDEN_CLASS);
        expect(hidden, `${language} reading a first paint in ${painted}`).toBe(
          resolveLocale(language) !== painted,
        );
      }
    }
  });

  it('asks for the token themes in the reader’s colour scheme, as the theme installer does', () => {
    const dark = runGate('en-US', 'en-US', 'dark');
    expect(dark.getAttribute('data-color-mode')).toBe('dark');
    expect(dark.getAttribute('data-theme')).toBe(
      'light:light dark:dark spacing:spacing typography:typography shape:shape',
    );
    expect(runGate('en-US', 'en-US', 'light').getAttribute('data-color-mode')).toBe('light');
  });
});
