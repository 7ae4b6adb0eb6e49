import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDeclarationText, type Declaration, type Text } from '@declaration';
import { launchChromium, openApp, RESULTS_DIR, ROOT, startPreview } from './harness.ts';

/**
 * "Where data lives" draws where data goes: for every example, light and dark, at 320 px and at
 * 1280 px, the diagram that is shown names every storage location and every recipient in its SVG
 * text, fits the frame, and has an accessible name.
 */
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((file) => file.endsWith('.yaml'));

function load(file: string): Declaration {
  const result = validateDeclarationText(readFileSync(join(ROOT, 'examples', file), 'utf8'), file);
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.declaration;
}

function english(text: Text | undefined): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : (text.en ?? Object.values(text)[0] ?? '');
}

/** Spaces do not count: a long name is wrapped onto several lines of the SVG. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(EXAMPLES)('the data-flow diagram of %s', (file) => {
  const declaration = load(file);
  const names = [
    ...declaration.locations.map((location) => english(location.name ?? location.provider)),
    ...declaration.recipients.map((recipient) => english(recipient.name)),
  ].filter(Boolean);

  it('names every location and recipient, light and dark, at 320 and 1280 px', async () => {
    const preview = await startPreview(join(ROOT, 'examples', file));
    let page: Page | undefined;
    try {
      for (const width of [1280, 320]) {
        for (const theme of ['light', 'dark']) {
          page = await browser.newPage({ viewport: { width, height: 900 } });
          const frame = await openApp(page, `${preview.server.url}/jira-admin?theme=${theme}`);
          await frame.waitForFunction(
            (mode) => document.documentElement.getAttribute('data-color-mode') === mode,
            theme,
          );
          const figure = await frame.waitForSelector('[data-testid="data-flow"]');
          const shown = await figure.evaluate((element) => {
            const visible = [...element.querySelectorAll('svg')].filter(
              (svg) => svg.getBoundingClientRect().width > 0,
            );
            const frameWidth = document.documentElement.clientWidth;
            return visible.map((svg) => {
              const box = svg.getBoundingClientRect();
              const labelledBy = svg.getAttribute('aria-labelledby');
              const name =
                svg.getAttribute('aria-label') ??
                (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
                '';
              const fontSizes = [...svg.querySelectorAll('text')].map(
                (text) => text.getBoundingClientRect().height,
              );
              return {
                text: [...svg.querySelectorAll('text')].map((text) => text.textContent).join(' '),
                role: svg.getAttribute('role'),
                name,
                fits: box.left >= 0 && box.right <= frameWidth + 1,
                smallestLine: Math.min(...fontSizes),
              };
            });
          });
          // One diagram is shown for the width; it is an image with a name.
          expect(shown).toHaveLength(1);
          const [svg] = shown;
          expect(svg!.role).toBe('img');
          expect(svg!.name.trim()).not.toBe('');
          expect(svg!.fits).toBe(true);
          // Lines stay readable: no line of text drawn smaller than 12 px.
          expect(svg!.smallestLine).toBeGreaterThanOrEqual(12);
          const missing = names.filter((name) => !squeezed(svg!.text).includes(squeezed(name)));
          expect(missing, `${file} at ${width} px, ${theme}`).toEqual([]);
          await figure.screenshot({
            path: join(RESULTS_DIR, `data-flow-${file.replace('.yaml', '')}-${width}-${theme}.png`),
          });
          await page.close();
          page = undefined;
        }
      }
    } finally {
      await page?.close();
      await preview.stop();
    }
  });
});
