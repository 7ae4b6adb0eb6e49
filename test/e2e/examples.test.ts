import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, ENGLISH, validateDeclarationText, type Declaration } from '@declaration';
import {
  launchChromium,
  openApp,
  RESULTS_DIR,
  ROOT,
  startPreview,
  type RunningPreview,
} from './harness.ts';

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((file) => file.endsWith('.yaml'));
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

function load(file: string): Declaration {
  const result = validateDeclarationText(readFileSync(join(ROOT, 'examples', file), 'utf8'), file);
  if (!result.ok)
    throw new Error(
      `${file} is invalid: ${result.issues.map((issue) => issue.message).join('; ')}`,
    );
  return result.declaration;
}

/**
 * The sections a reader must find, in order, with their headings: the document model's for this
 * declaration (it alone decides which sections have something to say), then the page's own
 * interactive parts.
 */
function expectedSections(declaration: Declaration): { id: string; title: string }[] {
  return [
    ...buildDocument(declaration, ENGLISH).sections.map(({ id, title }) => ({ id, title })),
    { id: 'versions', title: ENGLISH.t('versions.title') },
    { id: 'downloads', title: ENGLISH.t('downloads.title') },
  ];
}

/** Runs axe in the app's frame; evaluated over CDP, so the app's CSP does not block it. */
async function seriousViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(`${AXE_SOURCE}\n;0`);
  const violations = await frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Document): Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      ...violation,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).join(', ')}`,
    );
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
  const declaration = load(file);
  const name = file.replace(/\.yaml$/, '');
  let preview: RunningPreview;
  let page: Page;

  beforeAll(async () => {
    preview = await startPreview(join(ROOT, 'examples', file));
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await page?.close();
    await preview?.stop();
  });

  it('renders every section, every data category, location and recipient', async () => {
    const frame = await openApp(page, `${preview.server.url}/jira-admin`);
    const sections = await frame.$$eval(
      '[data-testid^="section-"]:not([data-testid="section-index"])',
      (nodes) =>
        nodes.map((node) => ({
          id: node.getAttribute('data-testid')!.slice('section-'.length),
          title: node.querySelector('h2')?.textContent ?? '',
          text: node.textContent ?? '',
        })),
    );
    expect(sections.map(({ id, title }) => ({ id, title }))).toEqual(expectedSections(declaration));
    for (const section of sections)
      expect(section.text.trim().length, `section ${section.id} is empty`).toBeGreaterThan(20);
    for (const category of declaration.dataCategories ?? []) {
      expect(
        await frame.$(`[data-testid="category-${category.id}"]`),
        `category ${category.id}`,
      ).not.toBeNull();
    }
    for (const location of declaration.locations ?? []) {
      expect(
        await frame.$(`[data-testid="location-${location.id}"]`),
        `location ${location.id}`,
      ).not.toBeNull();
    }
    for (const recipient of declaration.recipients ?? []) {
      expect(
        await frame.$(`[data-testid="recipient-${recipient.id}"]`),
        `recipient ${recipient.id}`,
      ).not.toBeNull();
    }
  });

  it.each(['light', 'dark'] as const)(
    'looks right and has no serious accessibility violation in the %s theme',
    async (theme) => {
      const frame = await openApp(page, `${preview.server.url}/jira-admin?theme=${theme}`);
      await frame.waitForFunction(
        (mode) => document.documentElement.getAttribute('data-color-mode') === mode,
        theme,
      );
      const colors = await frame.evaluate(() => {
        const style = getComputedStyle(document.body);
        return { background: style.backgroundColor, text: style.color };
      });
      // Dark means light text on a dark page, and the other way round.
      const lightness = (rgb: string) =>
        (rgb.match(/\d+/g) ?? ['0', '0', '0'])
          .slice(0, 3)
          .reduce((sum, part) => sum + Number(part), 0);
      if (theme === 'dark')
        expect(lightness(colors.text)).toBeGreaterThan(lightness(colors.background));
      else expect(lightness(colors.text)).toBeLessThan(lightness(colors.background));
      await page.screenshot({ path: join(RESULTS_DIR, `${name}-${theme}.png`) });
      // The whole page as a person scrolls through it: grow the frame to its content first.
      const height = await frame.evaluate(() => document.documentElement.scrollHeight);
      await page.evaluate((pixels) => {
        const iframe = document.getElementById('app-frame')!;
        iframe.style.flex = 'none';
        iframe.style.height = `${pixels}px`;
      }, height);
      await page.screenshot({
        path: join(RESULTS_DIR, `${name}-${theme}-full.png`),
        fullPage: true,
      });
      expect(await seriousViolations(frame)).toEqual([]);
    },
  );
});
