import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PREVIEW_USERS } from '../../src/local/preview/model.ts';
import {
  launchChromium,
  openApp,
  RESULTS_DIR,
  ROOT,
  startPreview,
  type RunningPreview,
} from './harness.ts';

/**
 * The page in German and in Japanese: every example through the preview, as Forge would show it
 * to an admin whose Atlassian account is set to that language. No word of the app's own may be
 * left in English, and nothing may be wider than the screen, from a desktop to a phone.
 */
const LOCALES = ['de-DE', 'ja-JP'] as const;
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((file) => file.endsWith('.yaml'));
const LAYOUTS = [
  { width: 1280, height: 900, theme: 'light' },
  { width: 1280, height: 900, theme: 'dark' },
  { width: 320, height: 640, theme: 'light' },
  { width: 320, height: 640, theme: 'dark' },
] as const;

type CatalogueNode = string | { [key: string]: CatalogueNode };

function catalogue(locale: string): CatalogueNode {
  return JSON.parse(readFileSync(join(ROOT, 'locales', `${locale}.json`), 'utf8')) as CatalogueNode;
}

/** Every string of a catalogue (plural forms included), with its dot path. */
function strings(node: CatalogueNode, path = ''): { key: string; text: string }[] {
  if (typeof node === 'string') return [{ key: path, text: node }];
  return Object.entries(node).flatMap(([key, child]) =>
    strings(child, path ? `${path}.${key}` : key),
  );
}

const PLACEHOLDER = /\{[A-Za-z_][A-Za-z0-9_]*\}/g;

/**
 * The English words a page in `locale` must not show: the parts of each English message between
 * its placeholders ("Reviewed by", "on"), except those the locale's own catalogue uses too
 * (German writes "Version" and "Forge" as English does).
 */
function englishFragments(locale: string): { key: string; fragment: string }[] {
  const own = strings(catalogue(locale))
    .map((entry) => entry.text)
    .join('\n');
  const seen = new Set<string>();
  return strings(catalogue('en-US')).flatMap(({ key, text }) =>
    text
      .split(PLACEHOLDER)
      .map((part) => part.trim())
      .filter((fragment) => /[A-Za-z]{2}/.test(fragment) && !containsWord(own, fragment))
      .filter((fragment) => !seen.has(fragment) && seen.add(fragment))
      .map((fragment) => ({ key, fragment })),
  );
}

/** True when `fragment` occurs in `text` as whole words, not inside a longer word. */
function containsWord(text: string, fragment: string): boolean {
  const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * Every text of a declaration file, and each of its lines: the vendor's words, as the page may
 * show them.
 */
function vendorTexts(file: string): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string')
      texts.push(value.trim(), ...value.split('\n').map((line) => line.trim()));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(parse(readFileSync(file, 'utf8')));
  return [...new Set(texts)].filter((text) => text.length > 0);
}

/**
 * The app's own words on the page: every text node and every label attribute, except the
 * vendor's text: a text of the declaration shown as it is (a text node of its own, as React
 * renders each part of a sentence), one the page isolates in `<bdi>` (or, in an `<option>`,
 * between the Unicode isolates U+2068 and U+2069), or one marked with the language it is
 * written in.
 */
function appWords(frame: Frame, vendor: readonly string[]): Promise<string[]> {
  return frame.evaluate((vendorList) => {
    const vendorText = new Set(vendorList);
    const pageLang = document.documentElement.lang;
    const vendors = (element: Element | null) =>
      !element ||
      element.closest('bdi, script, style, .df-vendor') !== null ||
      (element.closest('[lang]')?.getAttribute('lang') ?? pageLang) !== pageLang;
    const words: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!vendors(node.parentElement) && !vendorText.has(text.trim())) words.push(text);
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [alt]')) {
      if (vendors(element)) continue;
      for (const name of ['aria-label', 'title', 'alt']) {
        const value = element.getAttribute(name);
        if (value) words.push(value);
      }
    }
    return words
      .map((text) => text.replace(/\u2068[^\u2069]*\u2069/g, ' ').trim())
      .filter((text) => text.length > 0);
  }, vendor);
}

/**
 * Each English message part found among the page's own words, with the message it comes from;
 * in a text that holds several, only the longest ("Where data lives", not also "Where").
 */
async function englishLeft(
  frame: Frame,
  locale: string,
  vendor: readonly string[],
): Promise<string[]> {
  const words = [...new Set(await appWords(frame, vendor))];
  expect(words.length, 'the page shows words of its own').toBeGreaterThan(20);
  const fragments = englishFragments(locale).sort((a, b) => b.fragment.length - a.fragment.length);
  return words.flatMap((text) => {
    const kept: { key: string; fragment: string }[] = [];
    for (const candidate of fragments) {
      if (!containsWord(text, candidate.fragment)) continue;
      if (kept.some((longer) => longer.fragment.includes(candidate.fragment))) continue;
      kept.push(candidate);
    }
    return kept.map(({ key, fragment }) => `"${fragment}" (${key}) in "${text}"`);
  });
}

/**
 * A phone-sized screen: Jira collapses its sidebar and top navigation there, so the app's frame
 * gets the whole width. The preview's host page always shows them, so the test collapses them.
 */
async function collapseSidebar(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const style = document.createElement('style');
      style.textContent =
        '.sidebar, .breadcrumbs, .topnav, .topbar-search { display: none } .content { padding: 0 }';
      document.head.append(style);
    });
  });
}

/**
 * What is wider than the app's frame: the page itself when it scrolls sideways, an element
 * that sticks out of it, and a box whose text spills over its edge. Content inside a box that
 * scrolls or clips on its own (a wide table in its scroll region) is where it belongs.
 */
function overflows(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    if (width < 300) return [`the app's frame is only ${width}px wide`];
    const name = (element: Element) => {
      const id = element.getAttribute('data-testid') ?? element.id;
      const text = (element.textContent ?? '').trim().slice(0, 40);
      return `<${element.tagName.toLowerCase()}${id ? ` ${id}` : ''}> "${text}"`;
    };
    const inScrollBox = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body;) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
        parent = parent.parentElement;
      }
      return false;
    };
    const problems: string[] = [];
    if (root.scrollWidth > width + 1) {
      problems.push(`the page is ${root.scrollWidth}px wide in a ${width}px frame`);
    }
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || inScrollBox(element)) continue;
      if (box.right > width + 1 || box.left < -1) {
        problems.push(
          `${name(element)} reaches ${Math.round(box.left)}–${Math.round(box.right)}px`,
        );
      } else if (
        element.matches('button, select, label, th, td, dt, dd, li, p, h1, h2, h3, .badge') &&
        getComputedStyle(element).overflowX === 'visible' &&
        element.clientWidth > 0 &&
        element.scrollWidth > element.clientWidth + 1
      ) {
        problems.push(`${name(element)} spills ${element.scrollWidth - element.clientWidth}px`);
      }
    }
    return problems;
  });
}

/** Waits until the versions part has loaded, so its words are on the page too. */
async function versionsLoaded(frame: Frame): Promise<void> {
  await frame.waitForSelector('[data-testid="versions-table"]', { timeout: 20_000 });
  await frame.waitForFunction(
    () => document.querySelector('#versions [role="status"]') === null,
    undefined,
    { timeout: 20_000 },
  );
}

/** The app's frame grown to its content, so that the whole page is on screen. */
async function growFrame(page: Page, frame: Frame): Promise<void> {
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.evaluate((pixels) => {
    const iframe = document.getElementById('app-frame')!;
    iframe.style.flex = 'none';
    iframe.style.height = `${pixels}px`;
  }, height);
}

/** The whole page as a person scrolls through it. */
async function screenshotWhole(page: Page, frame: Frame, file: string): Promise<void> {
  await growFrame(page, frame);
  await page.screenshot({ path: join(RESULTS_DIR, file), fullPage: true });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(RESULTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(EXAMPLES)('example %s', (file) => {
  const name = file.replace(/\.yaml$/, '');
  let preview: RunningPreview;

  beforeAll(async () => {
    preview = await startPreview(join(ROOT, 'examples', file));
  });
  afterAll(async () => {
    await preview?.stop();
  });

  describe.each(LOCALES)('in %s', (locale) => {
    it.each(LAYOUTS)(
      'has no English word of its own and nothing wider than $width px ($theme)',
      async ({ width, height, theme }) => {
        const page = await browser.newPage({ viewport: { width, height } });
        try {
          if (width < 600) await collapseSidebar(page);
          const frame = await openApp(
            page,
            `${preview.server.url}/jira-admin?locale=${locale}&theme=${theme}`,
          );
          await versionsLoaded(frame);
          expect(await frame.evaluate(() => document.documentElement.lang)).toBe(locale);
          expect(
            await englishLeft(frame, locale, vendorTexts(join(ROOT, 'examples', file))),
          ).toEqual([]);
          expect(await overflows(frame)).toEqual([]);
          await screenshotWhole(page, frame, `locale-${name}-${locale}-${theme}-${width}.png`);
        } finally {
          await page.close();
        }
      },
    );
  });
});

describe('what changed and the review, in other languages', () => {
  let preview: RunningPreview;

  beforeAll(async () => {
    const original = join(ROOT, 'examples/exalate-cloud.yaml');
    preview = await startPreview(original);
    // A second version, as after an upgrade: a policy date, a legal basis, a retention period
    // and a country changed, and one thing that is not collected named anew.
    const text = readFileSync(original, 'utf8');
    const edits: [string, string][] = [
      ["  version: '2024-02-28'", "  version: '2024-06-01'"],
      ['    legalBasis: [not-stated]', '    legalBasis: [contract]'],
      ['      period: P180D', '      period: P365D'],
      ['    countries: [CH]', '    countries: [CH, DE]'],
      [
        '  - what: Customer Data stored locally by the Cloud Add-ons',
        "  - what: Customer Data stored on the vendor's own servers",
      ],
    ];
    let edited = text;
    for (const [before, after] of edits) {
      expect(edited).toContain(before);
      edited = edited.replace(before, after);
    }
    writeFileSync(preview.declarationFile, edited);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const status = (await (await fetch(`${preview.server.url}/__preview/status`)).json()) as {
        publishedVersion: number | null;
      };
      if (status.publishedVersion === 2) break;
      if (Date.now() > deadline) throw new Error('The preview did not publish version 2.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    await preview?.stop();
  });

  it.each([
    { locale: 'de-DE', theme: 'light', width: 1280 },
    { locale: 'ja-JP', theme: 'dark', width: 320 },
  ] as const)(
    'in $locale, the changes and the review are in its words and fit $width px',
    async ({ locale, theme, width }) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        if (width < 600) await collapseSidebar(page);
        const frame = await openApp(
          page,
          `${preview.server.url}/jira-admin?locale=${locale}&theme=${theme}&user=admin`,
        );
        await versionsLoaded(frame);
        await frame.waitForSelector('[data-testid="diff-entry"]');
        expect(await frame.$$('[data-testid="diff-entry"]')).not.toHaveLength(0);
        const button = await frame.$('[data-testid="review-button"]');
        if (button) {
          await button.click();
          await frame.waitForFunction(() =>
            document
              .querySelector('[data-testid="version-2"]')
              // The reviewer by name, from the product's user API.
              ?.textContent?.includes('Alex Admin (site admin)'),
          );
        }
        // The vendor's words of both versions, and the people the product's user API names.
        const vendor = [
          ...vendorTexts(join(ROOT, 'examples/exalate-cloud.yaml')),
          ...vendorTexts(preview.declarationFile),
          ...PREVIEW_USERS.map((user) => user.displayName),
        ];
        expect(await englishLeft(frame, locale, vendor)).toEqual([]);
        expect(await overflows(frame)).toEqual([]);
        await growFrame(page, frame);
        const versions = await frame.$('[data-testid="section-versions"]');
        await versions!.screenshot({
          path: join(RESULTS_DIR, `locale-changes-${locale}-${theme}-${width}.png`),
        });
      } finally {
        await page.close();
      }
    },
  );
});
