import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { validateDeclarationText, type Declaration } from '@declaration';
import { toHtml } from '@declaration/export/index.ts';
import { launchChromium, RESULTS_DIR, ROOT, startPreview, type RunningPreview } from './harness.ts';

/** A right-to-left override that the vendor never closes. */
const RLO = '\u202E';
/** One word of 5,000 characters: no space, no hyphen, nowhere a browser may break it by itself. */
const LONG_WORD = 'Techtime'.repeat(625);
const LEGAL_NAME = `${RLO}TechTime Initiative Group Limited ${LONG_WORD}`;
const CATEGORY_NAME = `${RLO}User information handled at runtime ${LONG_WORD}`;
const FIRST_EXAMPLE = `${RLO}users' names`;
const POLICY_VERSION = `${RLO}2026-11-22`;

type Mutable = Record<string, unknown> & {
  vendor: Record<string, unknown> & { notes: unknown[]; supportChannels: { label: string }[] };
  app: Record<string, unknown>;
  policy: Record<string, unknown>;
  dataCategories: (Record<string, unknown> & { examples: string[]; notes: unknown[] })[];
  recipients: Record<string, unknown>[];
  locations: Record<string, unknown>[];
};

/**
 * TechTime's real declaration as an attacker (or a careless vendor) could still write it: valid,
 * with a 5,000-character word in every kind of place the page shows text, and right-to-left
 * overrides at the start of the vendor's legal name, the policy's version label, a category name
 * and an example.
 */
function hostileYaml(): string {
  const source = readFileSync(join(ROOT, 'examples/techtime-user-management.yaml'), 'utf8');
  const d = parse(source) as Mutable;
  // Without a trading name the header names the vendor by its legal name.
  delete d.vendor.tradingName;
  d.vendor.legalName = LEGAL_NAME;
  d.vendor.notes = [`A note of one long word: ${LONG_WORD}`, ...(d.vendor.notes ?? [])];
  d.vendor.supportChannels[0]!.label = `Portal ${LONG_WORD}`;
  d.vendor.website = `https://techtime.co.nz/${LONG_WORD}`;
  d.app.name = `User Management ${LONG_WORD}`;
  d.policy.scope = LONG_WORD;
  d.policy.version = POLICY_VERSION;
  const category = d.dataCategories[0]!;
  category.name = CATEGORY_NAME;
  category.examples = [FIRST_EXAMPLE, ...(category.examples ?? []).slice(1), LONG_WORD];
  category.notes = [...(category.notes ?? []), LONG_WORD];
  d.recipients[0]!.name = `Atlassian ${LONG_WORD}`;
  d.recipients[0]!.purpose = LONG_WORD;
  d.locations[0]!.name = LONG_WORD;
  d.locations[0]!.holds = LONG_WORD;
  return stringify(d, { lineWidth: 0 });
}

function validated(yaml: string): Declaration {
  const result = validateDeclarationText(yaml, 'hostile.yaml');
  if (!result.ok) {
    throw new Error(`The hostile declaration is invalid: ${JSON.stringify(result.issues)}`);
  }
  return result.declaration;
}

/**
 * How far the document scrolls sideways, with the elements that stick out past its right edge,
 * so a failure names the culprit instead of a number.
 */
function horizontalOverflow(): { overflow: number; culprits: string[] } {
  const root = document.scrollingElement!;
  const width = root.clientWidth;
  const culprits: string[] = [];
  // Inside a container that scrolls or clips on its own, sticking out moves nothing on the page;
  // a positioned box is clipped only from its containing block up.
  const clipped = (element: Element): boolean => {
    let escapes = getComputedStyle(element).position === 'absolute';
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (escapes && style.position !== 'static') escapes = false;
      if (!escapes && style.overflowX !== 'visible') return true;
    }
    return false;
  };
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const rect = element.getBoundingClientRect();
    if (rect.right - width > 1 && culprits.length < 5 && !clipped(element)) {
      const id = element.getAttribute('data-testid') ?? element.className ?? '';
      culprits.push(
        `${element.tagName.toLowerCase()}${id ? `[${String(id)}]` : ''} ${Math.round(rect.right)}px`,
      );
    }
  }
  return { overflow: root.scrollWidth - width, culprits };
}

/**
 * Whether each place where a piece of vendor text holding an override is shown isolates it:
 * the text is the whole of a <bdi> or a dir="auto" element, so the override cannot reach the
 * app's own words around it.
 */
function overridesOutsideIsolates(): string[] {
  const problems: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!text.includes('\u202E')) continue;
    const isolate = node.parentElement?.closest('bdi, [dir="auto"]');
    // SVG text has no <bdi>: there vendor text is one Unicode isolate (FSI … PDI) of its own.
    const unicodeIsolate =
      node.parentElement?.closest('svg') != null &&
      text.startsWith('\u2068') &&
      text.indexOf('\u2069') === text.length - 1;
    if (!unicodeIsolate && isolate?.textContent !== text) {
      const where = node.parentElement?.closest('[data-testid]')?.getAttribute('data-testid');
      problems.push(
        `${where ?? node.parentElement?.tagName}: ${JSON.stringify(text.slice(0, 60))}`,
      );
    }
  }
  return problems;
}

/**
 * Whether a word of the app's own, in the first element matching `selector` whose text holds
 * `within`, reads left to right on screen: its first letter is left of its last one.
 */
function readsForward([selector, word, within]: [string, string, string]): boolean | string {
  const scope = Array.from(document.querySelectorAll(selector)).find((element) =>
    (element.textContent ?? '').includes(within),
  );
  if (!scope) return `no ${selector} with "${within}"`;
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node.textContent ?? '').indexOf(word);
    if (at < 0 || node.parentElement?.closest('bdi, [dir="auto"]')) continue;
    const box = (offset: number) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect();
    };
    return box(at).left < box(at + word.length - 1).left;
  }
  return `no "${word}" in ${selector}`;
}

/**
 * Whether the badges after a category name come after it on screen, in their own order: an
 * override that leaks out of the name puts them before it, last badge first.
 */
function badgesFollowName(rowTestId: string): boolean | string {
  const row = document.querySelector(`[data-testid="${rowTestId}"] th`);
  // The name is the row header's first vendor text, its own <bdi>.
  const name = row?.querySelector('bdi');
  const badges = Array.from(row?.querySelectorAll('.badge') ?? []);
  if (!name || badges.length === 0) return `no name or badges in ${rowTestId}`;
  const lines = Array.from(name.getClientRects());
  const last = lines[lines.length - 1]!;
  const first = badges[0]!.getBoundingClientRect();
  const sameLine = Math.abs(first.top - last.top) < last.height;
  return sameLine ? first.left >= last.right - 1 : first.top > last.top;
}

let browser: Browser;
let preview: RunningPreview;
let scratch: string;
let declaration: Declaration;
const yaml = hostileYaml();

beforeAll(async () => {
  declaration = validated(yaml);
  browser = await launchChromium();
  scratch = mkdtempSync(join(tmpdir(), 'privacy-e2e-hostile-'));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(scratch, 'hostile-text.yaml');
  writeFileSync(file, yaml);
  preview = await startPreview(file);
});
afterAll(async () => {
  await preview?.stop();
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * At phone width Jira gives the app the whole screen, not the desktop sidebar's leftovers, so the
 * emulated host page lays the app's frame over the full viewport; at desktop width the host
 * page's own layout is kept. Either way the frame is grown to its content for the screenshot.
 */
async function openAt(page: Page, width: number, theme: 'light' | 'dark'): Promise<Frame> {
  await page.goto(`${preview.server.url}/jira-admin?theme=${theme}`);
  const frame = await (await page.waitForSelector('#app-frame')).contentFrame();
  if (!frame) throw new Error('The host page has no app frame.');
  await frame.waitForSelector('[data-testid="page-header"]', { timeout: 20_000 });
  await frame.waitForFunction(
    (mode) => document.documentElement.getAttribute('data-color-mode') === mode,
    theme,
  );
  return frame;
}

/** A screenshot of the first 1,600 px of a very long page, as wide as the page scrolls. */
async function screenshotTop(page: Page, file: string): Promise<void> {
  const size = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.screenshot({
    path: join(RESULTS_DIR, file),
    fullPage: true,
    clip: { x: 0, y: 0, width: Math.min(size.width, 4000), height: Math.min(size.height, 1600) },
  });
}

/** The parts of the page worth a look: where the long words and the overrides land. */
const PARTS = [
  'page-header',
  'section-data-collected',
  'section-where-data-lives',
  'section-recipients',
  'section-contacts',
  'section-about-policy',
  'section-versions',
];

/** A screenshot of the first 1,600 px of one part of the app's (grown) frame. */
async function screenshotPart(page: Page, frame: Frame, testId: string, file: string) {
  const box = await frame.$eval(`[data-testid="${testId}"]`, (element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top + window.scrollY, height: rect.height };
  });
  const offset = await page.$eval('#app-frame', (element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left + window.scrollX, top: rect.top + window.scrollY, width: rect.width };
  });
  await page.screenshot({
    path: join(RESULTS_DIR, file),
    fullPage: true,
    clip: {
      x: offset.left,
      y: offset.top + box.top,
      width: offset.width,
      height: Math.min(box.height, 1600),
    },
  });
}

describe.each([320, 1280])('the page at %i px wide', (width) => {
  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    let page: Page;
    let frame: Frame;

    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width, height: 900 } });
      frame = await openAt(page, width, theme);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('wraps every text: the page does not scroll sideways', async () => {
      const inFrame = await frame.evaluate(horizontalOverflow);
      const host = await page.evaluate(horizontalOverflow);
      await page.screenshot({ path: join(RESULTS_DIR, `hostile-text-${width}-${theme}.png`) });
      // The page as a person scrolls through it: the frame grown to its content.
      const height = await frame.evaluate(() => document.documentElement.scrollHeight);
      await page.evaluate((pixels) => {
        const iframe = document.getElementById('app-frame')!;
        iframe.style.flex = 'none';
        iframe.style.height = `${pixels}px`;
      }, height);
      // Each part of the page from its top: the long words make every part very tall.
      for (const part of PARTS) {
        await screenshotPart(page, frame, part, `hostile-text-${width}-${theme}-${part}.png`);
      }
      expect(inFrame).toEqual({ overflow: 0, culprits: [] });
      // Nor does the host page, and at phone width it leaves the app all but its margins.
      expect(host.overflow).toBe(0);
      const frameWidth = await frame.evaluate(() => document.documentElement.clientWidth);
      expect(frameWidth).toBeGreaterThanOrEqual(width < 640 ? width - 40 : 600);
    });

    it("keeps the vendor's text from turning the app's own words around", async () => {
      expect(await frame.evaluate(overridesOutsideIsolates)).toEqual([]);
      // The vendor's name is exactly what the header isolates.
      const isolatedName = await frame.$eval(
        '[data-testid="page-header"]',
        (header, name) =>
          Array.from(header.querySelectorAll('bdi, [dir="auto"]')).some(
            (element) => element.textContent === name,
          ),
        LEGAL_NAME,
      );
      expect(isolatedName).toBe(true);
      expect(await frame.evaluate(badgesFollowName, 'category-runtime-user-information')).toBe(
        true,
      );
      // "Policy version [U+202E]2026-11-22, last updated …": "updated" is the app's word.
      expect(
        await frame.evaluate(readsForward, [
          '[data-testid="version-line"]',
          'updated',
          'last updated',
        ] as [string, string, string]),
      ).toBe(true);
      // "Examples: [U+202E]users' names, e-mail addresses, … and …": the list's "and" is the app's.
      expect(
        await frame.evaluate(readsForward, [
          '[data-testid="category-runtime-user-information"] th p',
          'and',
          'Examples:',
        ] as [string, string, string]),
      ).toBe(true);
    });
  });
});

describe('the HTML export of the same declaration', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await page.setContent(toHtml(declaration));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('does not scroll sideways at 320 px wide', async () => {
    const overflow = await page.evaluate(horizontalOverflow);
    await screenshotTop(page, 'hostile-text-html-320.png');
    expect(overflow).toEqual({ overflow: 0, culprits: [] });
  });

  it("keeps the vendor's version label from turning the header's own words around", async () => {
    // "Policy version [U+202E]2026-11-22, last updated …": "updated" is the export's word.
    expect(
      await page.evaluate(readsForward, ['header p', 'updated', 'last updated'] as [
        string,
        string,
        string,
      ]),
    ).toBe(true);
  });
});
