import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validateDeclarationText, type Declaration } from '@declaration';
import {
  appFrame,
  launchChromium,
  openApp,
  RESULTS_DIR,
  ROOT,
  showHistory,
  startPreview,
  type RunningPreview,
} from './harness.ts';

/**
 * The admin's review loop in the browser, over the preview's real backend: TechTime's app is
 * upgraded to a version that moves its cloud backend to Amazon Web Services in Australia, adds AWS
 * as a subprocessor and keeps order information for at least seven years
 * (`test/fixtures/upgrades/`).
 */
const BEFORE = join(ROOT, 'test/fixtures/upgrades/techtime-v1.yaml');
const AFTER = join(ROOT, 'test/fixtures/upgrades/techtime-v2.yaml');

function load(file: string): Declaration {
  const result = validateDeclarationText(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.declaration;
}

/**
 * The ids of both versions that no reader could mistake for a word of the text: those written
 * with a hyphen (`techtime-cloud-backend`) and the new subprocessor's `aws`.
 */
function rawIds(): string[] {
  const ids = new Set<string>();
  for (const declaration of [load(BEFORE), load(AFTER)]) {
    const all = [
      ...declaration.purposes,
      ...declaration.dataCategories,
      ...declaration.locations,
      ...declaration.recipients,
      ...(declaration.logs ?? []),
    ].map((item) => item.id);
    for (const id of all) if (id.includes('-') || id === 'aws') ids.add(id);
  }
  return [...ids];
}

let browser: Browser;
let page: Page | undefined;
let preview: RunningPreview | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await page?.close();
  page = undefined;
  await preview?.stop();
  preview = undefined;
});

/** Publishes the upgrade: the preview follows its file and publishes what it becomes. */
async function upgrade(running: RunningPreview): Promise<void> {
  writeFileSync(running.declarationFile, readFileSync(AFTER, 'utf8'));
  const deadline = Date.now() + 15_000;
  for (;;) {
    const status = (await (await fetch(`${running.server.url}/__preview/status`)).json()) as {
      publishedVersion?: number | null;
    };
    if (status.publishedVersion === 2) return;
    if (Date.now() > deadline)
      throw new Error(`The upgrade was not published: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openAt(path: string, width = 1280): Promise<Frame> {
  page = await browser.newPage({ viewport: { width, height: 900 } });
  return openApp(page, `${preview!.server.url}${path}`);
}

describe('after an upgrade', () => {
  it('names what matters above the detail, nudges the admin, and stops once reviewed', async () => {
    preview = await startPreview(BEFORE);
    let frame = await openAt('/jira-admin?user=admin');
    // Version 1 followed nothing: there is nothing to nudge about.
    expect(await frame.$('[data-testid="review-banner"]')).toBeNull();
    await page!.close();

    await upgrade(preview);
    frame = await openAt('/jira-admin?user=admin');
    const banner = await frame.waitForSelector('[data-testid="review-banner"]');
    const bannerText = (await banner.textContent()) ?? '';
    expect(bannerText).toMatch(/\b2\b/);
    expect(bannerText).toContain('2026-12-15');

    const material = await frame.waitForSelector('[data-testid="material-changes"]');
    const materialText = (await material.textContent()) ?? '';
    expect(materialText).toContain('Amazon Web Services');
    expect(materialText).toContain('Atlassian Marketplace order information');
    expect(materialText).toMatch(/7 years/);
    // The count the banner gives is the number of items listed.
    const items = await material.$$('li');
    expect(bannerText).toContain(String(items.length));

    // Above the detail, each item linking to it.
    const firstEntry = await frame.waitForSelector('[data-testid="diff-entry"]');
    expect(
      await frame.evaluate(
        ([region, entry]) =>
          Boolean(region!.compareDocumentPosition(entry!) & Node.DOCUMENT_POSITION_FOLLOWING),
        [material, firstEntry] as const,
      ),
    ).toBe(true);
    const links = await material.$$eval('a[href^="#"]', (anchors) =>
      anchors.map((anchor) => anchor.getAttribute('href')!.slice(1)),
    );
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const id of links) expect(await frame.$(`[id="${id}"]`)).not.toBeNull();

    // No raw id anywhere in what changed.
    const changed = (await frame.textContent('[data-testid="diff"]')) ?? '';
    const shown = rawIds().filter((id) => new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`).test(changed));
    expect(shown).toEqual([]);

    await page!.screenshot({ path: join(RESULTS_DIR, 'review-loop-banner.png'), fullPage: true });

    // "See what changed" takes the admin to it.
    await banner
      .$('button:has-text("See what changed"), a:has-text("See what changed")')
      .then((control) => control!.click());
    await frame.waitForFunction(() => {
      const active = document.activeElement;
      return Boolean(active && active.closest('#versions'));
    });

    // "Mark as reviewed" records the review: the banner goes, the reviewer shows by name.
    await banner.$('button:has-text("Mark as reviewed")').then((control) => control!.click());
    await frame.waitForSelector('[data-testid="review-banner"]', { state: 'detached' });
    await frame.waitForFunction(() => {
      const status = document.querySelector('[data-testid="review-status"]')?.textContent ?? '';
      return /Reviewed by/.test(status) && !status.includes('712020:');
    });

    // A new page view remembers it.
    await page!.reload();
    frame = appFrame(page!);
    await frame.waitForSelector('[data-testid="section-versions"]');
    await showHistory(frame);
    expect(await frame.$('[data-testid="review-banner"]')).toBeNull();
    const table = (await frame.textContent('[data-testid="versions-table"]')) ?? '';
    expect(table).not.toContain('712020:');
  });

  it('never shows the banner to readers', async () => {
    preview = await startPreview(BEFORE);
    await upgrade(preview);
    for (const path of ['/jira-global?user=reader', '/confluence-global?user=admin']) {
      const frame = await openAt(path);
      await frame.waitForSelector('[data-testid="review-status"]');
      expect(await frame.$('[data-testid="review-banner"]')).toBeNull();
      await page!.close();
      page = undefined;
    }
  });

  it('reads at 320 px: the banner, the material changes and the detail fit the frame', async () => {
    preview = await startPreview(BEFORE);
    await upgrade(preview);
    const frame = await openAt('/jira-admin?user=admin&theme=dark', 320);
    await frame.waitForSelector('[data-testid="material-changes"]');
    const overflow = await frame.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page!.screenshot({ path: join(RESULTS_DIR, 'review-loop-320-dark.png'), fullPage: true });
  });
});
