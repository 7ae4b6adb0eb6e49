import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  appFrame,
  launchChromium,
  openApp,
  RESULTS_DIR,
  ROOT,
  startPreview,
  type RunningPreview,
} from './harness.ts';

const EXALATE = join(ROOT, 'examples/exalate-cloud.yaml');
/** Exalate's Marketplace listing: the example's policy names none, so the test adds it as a vendor would. */
const LISTING = 'https://marketplace.atlassian.com/apps/1216227/exalate-jira-issue-sync-more';

let browser: Browser;
let page: Page;
let preview: RunningPreview | undefined;
let scratch: string;

beforeAll(async () => {
  browser = await launchChromium();
  scratch = mkdtempSync(join(tmpdir(), 'privacy-e2e-fixtures-'));
  mkdirSync(RESULTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(async () => {
  await page?.close();
  await preview?.stop();
  preview = undefined;
});

/** The Exalate example with its text edited, written where the preview can follow it. */
function exalateWith(edit: (text: string) => string): string {
  const original = readFileSync(EXALATE, 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original);
  const file = join(scratch, `exalate-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, edited);
  return file;
}

async function open(file: string, path: string) {
  preview = await startPreview(file);
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  return openApp(page, `${preview.server.url}${path}`);
}

describe('the Marketplace button', () => {
  it('asks the host to open the listing on its privacy tab, without navigating the app', async () => {
    const file = exalateWith((text) =>
      text.replace(
        '  framework: connect\n',
        `  framework: connect\n  marketplaceUrl: ${LISTING}\n`,
      ),
    );
    const frame = await open(file, '/jira-admin');
    const appUrl = frame.url();
    await frame.click('[data-testid="marketplace-button"]');
    const notice = page.locator('[data-testid="open-request"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toContain('The app asked to open:');
    expect(await page.locator('[data-testid="open-request-url"]').getAttribute('href')).toBe(
      `${LISTING}?hosting=cloud&tab=privacy-and-security`,
    );
    expect(appFrame(page).url()).toBe(appUrl);
  });
});

describe('marking as reviewed', () => {
  it('works for an admin on the Jira admin page, and the review is shown', async () => {
    const frame = await open(EXALATE, '/jira-admin?user=admin');
    await frame.click('[data-testid="review-button"]');
    await frame.waitForFunction(() => {
      const status = document.querySelector('[data-testid="review-status"]')?.textContent ?? '';
      // By name: the page looks reviewers up through the product's user API.
      return status.includes('Alex Admin (site admin)');
    });
    expect(await frame.$('[data-testid="review-error"]')).toBeNull();
  });

  it('is refused for someone who is not an admin, with the reason shown', async () => {
    const frame = await open(EXALATE, '/jira-admin?user=reader');
    const button = await frame.$('[data-testid="review-button"]');
    if (button) {
      await button.click();
      const error = await frame.waitForSelector('[data-testid="review-error"]');
      expect(await error.textContent()).toMatch(/admin/i);
    }
    const status = await frame.textContent('[data-testid="review-status"]');
    expect(status).not.toMatch(/Reviewed by/);
  });

  it('lets a Jira reader read the whole disclosure on the Jira global page, with no review control', async () => {
    const frame = await open(EXALATE, '/jira-global?user=reader');
    await frame.waitForSelector('[data-testid="review-status"]');
    expect(await frame.textContent('h1')).toContain('Exalate');
    expect(await frame.$$('[data-testid^="section-"]')).not.toHaveLength(0);
    expect(await frame.$('[data-testid="review-button"]')).toBeNull();
  });

  it('is not offered on the Confluence global page, even to an admin', async () => {
    const frame = await open(EXALATE, '/confluence-global?user=admin');
    await frame.waitForSelector('[data-testid="review-status"]');
    expect(await frame.$('[data-testid="review-button"]')).toBeNull();
  });
});

describe('text from the declaration', () => {
  it('shows markup and javascript: links as inert text', async () => {
    const hostile =
      '<img src=x onerror="parent.__pwned=1"><script>parent.__pwned=2</script> ' +
      '<a href="javascript:parent.__pwned=3">Contact us</a> [Contact us](javascript:parent.__pwned=4)';
    const file = exalateWith((text) =>
      text.replace(/^summary: >-\n(?: {2}.*\n)+/m, `summary: ${JSON.stringify(hostile)}\n`),
    );
    const frame = await open(file, '/jira-admin');
    const header = await frame.textContent('[data-testid="page-header"]');
    expect(header).toContain('<script>parent.__pwned=2</script>');
    expect(header).toContain('javascript:parent.__pwned=4');
    expect(
      await frame.$$('[data-testid="page-header"] img, [data-testid="page-header"] script'),
    ).toHaveLength(0);
    expect(await frame.$$('a[href^="javascript:" i]')).toHaveLength(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(
      await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  });
});

describe('an invalid declaration file', () => {
  it('shows its located errors in the host page while the last good version is served', async () => {
    const frame = await open(EXALATE, '/jira-admin');
    expect(await frame.textContent('h1')).toContain('Exalate Cloud Add-ons');

    const original = readFileSync(preview!.declarationFile, 'utf8');
    writeFileSync(
      preview!.declarationFile,
      original.replace(
        '  name: Exalate Cloud Add-ons\n',
        '  name: Exalate Cloud Add-ons\n  nmae: typo\n',
      ),
    );
    const issue = page.locator('[data-testid="declaration-issue"]').first();
    await issue.waitFor({ state: 'visible', timeout: 10_000 });
    const issueLine = original.split('\n').indexOf('  name: Exalate Cloud Add-ons') + 2;
    expect(await issue.textContent()).toMatch(
      new RegExp(`exalate-cloud\\.yaml:${issueLine}:\\d+ app\\.nmae`),
    );
    expect(await appFrame(page).textContent('h1')).toContain('Exalate Cloud Add-ons');
    await page.screenshot({ path: join(RESULTS_DIR, 'invalid-declaration-file.png') });

    // Fixing the file publishes it and the page shows the new version.
    writeFileSync(
      preview!.declarationFile,
      original.replace('  name: Exalate Cloud Add-ons\n', '  name: Exalate Cloud Sync\n'),
    );
    await page
      .locator('[data-testid="declaration-status"]')
      .waitFor({ state: 'hidden', timeout: 10_000 });
    await page.waitForFunction(() => {
      const frameDocument = (document.getElementById('app-frame') as HTMLIFrameElement)
        .contentDocument;
      return (
        frameDocument?.querySelector('h1')?.textContent?.includes('Exalate Cloud Sync') ?? false
      );
    });
  });
});

describe('the host page controls', () => {
  it('give the app the chosen locale, and switch its theme without reloading it', async () => {
    const frame = await open(EXALATE, '/jira-admin?locale=de');
    // The Exalate policy was last updated on 28 February 2024: German dates read 28.02.2024.
    expect(await frame.textContent('[data-testid="version-line"]')).toContain('28.02.2024');
    await frame.evaluate(
      () => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true),
    );
    await page.selectOption('[data-testid="preview-theme"]', 'dark');
    await frame.waitForFunction(
      () => document.documentElement.getAttribute('data-color-mode') === 'dark',
    );
    expect(
      await frame.evaluate(
        () => (window as unknown as { __sameDocument?: boolean }).__sameDocument,
      ),
    ).toBe(true);
    expect(new URL(page.url()).searchParams.get('theme')).toBe('dark');
  });
});
