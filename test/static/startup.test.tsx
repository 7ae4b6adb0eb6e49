// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ApiResult, Declaration, DisclosureView } from '@declaration';
import {
  PRERENDER_HIDDEN_CLASS,
  PRERENDER_LOCALE_ATTRIBUTE,
  PRERENDERED_ATTRIBUTE,
} from '../../static/disclosure/src/prerender-markers.ts';
import { prerender } from '../../static/disclosure/src/prerender.tsx';
import { FIRST_PAINT_STATE_ATTRIBUTE } from '../../static/disclosure/src/prerender-markers.ts';
import { start } from '../../static/disclosure/src/startup.tsx';
import { api, resetApi } from './api-mock.ts';
import { comparableMarkup } from './comparable-markup.ts';
import { example, repoRoot } from './examples.ts';
import { viewOf } from './render.tsx';

/** The catalogues, served as Forge's i18n serves them from the resource. */
const getTranslations = vi.fn(async (locale: string) => ({
  ok: true as const,
  locale,
  translations: JSON.parse(readFileSync(join(repoRoot, 'locales', `${locale}.json`), 'utf8')),
}));

vi.mock('../../static/disclosure/src/api/index.ts', async () => ({
  ...(await import('./api-mock.ts')).api,
  getTranslations: (locale: string) => getTranslations(locale),
}));

const techtime = example('techtime-user-management');
const upsmith = example('upsmith-zendesk-sell-for-jsm');

/** A diff of nothing names nothing. */
const NO_NAMES = { purposes: {}, dataCategories: {}, recipients: {}, locations: {}, logs: {} };

/** A promise and the functions that settle it, for an answer the test sends when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const hostContext = (locale = 'en-US') => ({
  locale,
  moduleKey: 'privacy-disclosure-jira-admin',
  extensionType: 'jira:adminPage',
  colorMode: 'light' as const,
});

/** A `disclosure/get` answer for `declaration` stored under `contentHash`. */
function served(declaration: Declaration, contentHash: string): ApiResult<DisclosureView> {
  const view = viewOf(declaration);
  return { ok: true, data: { ...view, version: { ...view.version, contentHash } } };
}

let root: HTMLElement;
let reactRoot: Root | null = null;

/** `#root` as the build writes it: the pre-rendered document part, its hash and its locale. */
async function withFirstPaint(declaration: Declaration): Promise<string> {
  const painted = await prerender(declaration, null, { locale: 'en-US' });
  root.innerHTML = painted.html;
  root.setAttribute(PRERENDERED_ATTRIBUTE, painted.contentHash);
  root.setAttribute(PRERENDER_LOCALE_ATTRIBUTE, painted.locale);
  return painted.contentHash;
}

/** The document part in `#root`: the header, the index and each section of the document. */
function documentPart(): string[] {
  const sections = Array.from(root.querySelectorAll('main > section')).filter(
    (section) => !['versions', 'downloads'].includes(section.id),
  );
  return [root.querySelector('header')!, root.querySelector('nav')!, ...sections].map(
    comparableMarkup,
  );
}

beforeEach(() => {
  resetApi();
  getTranslations.mockClear();
  api.listVersions.mockResolvedValue({
    ok: true,
    data: { versions: [], nextCursor: null, defaultDiff: null },
  });
  api.getHostContext.mockResolvedValue(hostContext());
  document.documentElement.className = '';
  root = document.createElement('div');
  root.id = 'root';
  document.body.replaceChildren(root);
});
afterEach(() => {
  act(() => reactRoot?.unmount());
  reactRoot = null;
});

describe('start-up', () => {
  test('asks for the disclosure and the first page of history before the host context is in', async () => {
    const context = deferred<ReturnType<typeof hostContext>>();
    api.getHostContext.mockReturnValue(context.promise);
    api.getDisclosure.mockResolvedValue(served(upsmith, 'a'.repeat(64)));
    const started = start(root);
    // In the same tick as start: neither waits for getContext, which has not answered.
    expect(api.getDisclosure).toHaveBeenCalledTimes(1);
    expect(api.listVersions).toHaveBeenCalledTimes(1);
    expect(api.listVersions).toHaveBeenCalledWith(undefined, 20, { withDefaultDiff: true });
    expect(api.getHostContext).toHaveBeenCalledTimes(1);
    expect(getTranslations).not.toHaveBeenCalled();
    context.resolve(hostContext());
    reactRoot = await started;
    expect(getTranslations).toHaveBeenCalledWith('en-US');
    await screen.findByTestId('page-header');
  });

  test('the versions section uses that answer: no second versions/list, no versions/diff', async () => {
    api.getHostContext.mockResolvedValue(hostContext());
    api.getDisclosure.mockResolvedValue({
      ok: true,
      data: viewOf(upsmith, { version: 2 }),
    });
    const view = viewOf(upsmith, { version: 2 }).version;
    api.listVersions.mockResolvedValue({
      ok: true,
      data: {
        versions: [
          { ...view, reviews: [], material: null },
          { ...view, version: 1, reviews: [], material: null },
        ],
        nextCursor: null,
        defaultDiff: {
          from: 1,
          to: 2,
          entries: [],
          counts: { added: 0, removed: 0, changed: 0 },
          material: [],
          names: { before: NO_NAMES, after: NO_NAMES },
        },
      },
    });
    reactRoot = await start(root);
    // The section's body is code of its own: the first import of it transforms it in the test.
    await screen.findByTestId('versions-table', {}, { timeout: 5000 });
    await screen.findByTestId('diff-from');
    expect(api.listVersions).toHaveBeenCalledTimes(1);
    expect(api.diffVersions).not.toHaveBeenCalled();
  });

  test('without a first paint it shows the loading state, then the page', async () => {
    const answer = deferred<ApiResult<DisclosureView>>();
    api.getDisclosure.mockReturnValue(answer.promise);
    reactRoot = await start(root);
    expect((await screen.findByTestId('state-loading')).textContent).toContain('Loading');
    answer.resolve(served(upsmith, 'a'.repeat(64)));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'Privacy: Zendesk Sell for JSM',
    );
  });

  test('without a first paint a failure shows the error state with Retry', async () => {
    api.getDisclosure.mockResolvedValue({
      ok: false,
      error: { code: 'STORAGE_ERROR', message: 'Forge storage did not answer in time.' },
    });
    reactRoot = await start(root);
    expect((await screen.findByTestId('error-message')).textContent).toBe(
      'Forge storage did not answer in time.',
    );
    expect(screen.getByTestId('state-error')).toBeTruthy();
  });

  test('when no catalogue loads, not even English, it says so instead of a blank page', async () => {
    getTranslations.mockResolvedValueOnce({
      ok: false,
      message: 'The resource has no __LOCALES__.',
    } as never);
    api.getDisclosure.mockResolvedValue(served(upsmith, 'a'.repeat(64)));
    reactRoot = await start(root);
    expect(reactRoot).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe(
      'This page could not load its words: The resource has no __LOCALES__.',
    );
  });
});

describe('the pre-rendered first paint', () => {
  test('stays untouched while loading, and the page draws the same markup over it', async () => {
    const hash = await withFirstPaint(techtime);
    const painted = documentPart();
    document.documentElement.classList.add(PRERENDER_HIDDEN_CLASS);
    const answer = deferred<ApiResult<DisclosureView>>();
    api.getDisclosure.mockReturnValue(answer.promise);
    const started = start(root);
    // The reader tabbed into the first paint before the page's script took over.
    const link = within(root.querySelector('nav')!).getAllByRole('link')[2]!;
    link.focus();
    await waitFor(() => expect(getTranslations).toHaveBeenCalled());
    await new Promise((settle) => setTimeout(settle, 20));
    expect(screen.queryByTestId('state-loading')).toBeNull();
    expect(documentPart()).toEqual(painted);
    answer.resolve(served(techtime, hash));
    reactRoot = await started;
    expect(root.getAttribute(FIRST_PAINT_STATE_ATTRIBUTE)).toBe('confirmed');
    expect(documentPart()).toEqual(painted);
    // Now the live page: its own parts are there, after the sections, and the first paint's
    // elements are the page's: the focus is still on the very link the reader tabbed to.
    const main = root.querySelector(':scope > main')!;
    expect(main.querySelector('[data-testid="section-versions"]')).toBe(
      screen.getByTestId('section-versions'),
    );
    expect(main.lastElementChild?.querySelector('[data-testid="section-downloads"]')).toBeTruthy();
    expect(document.activeElement).toBe(link);
    expect(document.documentElement.classList.contains(PRERENDER_HIDDEN_CLASS)).toBe(false);
  });

  test('kept, it behaves as the drawn page: the index moves focus, links open through the host, the filter filters', async () => {
    const user = userEvent.setup();
    const osci = example('open-source-consulting-apps');
    const hash = await withFirstPaint(osci);
    api.getDisclosure.mockResolvedValue(served(osci, hash));
    reactRoot = await start(root);
    expect(root.getAttribute(FIRST_PAINT_STATE_ATTRIBUTE)).toBe('confirmed');
    await user.click(within(screen.getByTestId('section-index')).getAllByRole('link')[1]!);
    expect(document.activeElement?.id).toBe(
      `${root.querySelectorAll('main > section')[1]!.id}-heading`,
    );
    const link = root.querySelector<HTMLAnchorElement>('main a[data-external]')!;
    await user.click(link);
    expect(api.openExternal).toHaveBeenCalledWith(link.getAttribute('data-external'));
    const onDataCenter = osci.dataCategories.filter((c) => c.platforms.includes('data-center'));
    await user.selectOptions(screen.getByTestId('platform-filter'), 'data-center');
    const rows = screen
      .getAllByTestId(/^category-/)
      .filter((row) => row.tagName === 'TR' && !row.closest('[hidden]'));
    expect(rows.map((row) => row.dataset.testid)).toEqual(
      onDataCenter.map((c) => `category-${c.id}`),
    );
  });

  test('kept, it gets the review banner after its header, for an admin with a version to review', async () => {
    const hash = await withFirstPaint(upsmith);
    const view = viewOf(upsmith, {
      version: 2,
      lastReviewed: {
        version: 1,
        accountId: 'admin-1',
        reviewedAt: '2026-11-21T10:00:00.000Z',
      },
      material: { from: 1, changes: [] },
      canReview: true,
      current: null,
    });
    api.getDisclosure.mockResolvedValue({
      ok: true,
      data: { ...view, version: { ...view.version, contentHash: hash } },
    });
    reactRoot = await start(root);
    expect(root.getAttribute(FIRST_PAINT_STATE_ATTRIBUTE)).toBe('confirmed');
    const banner = await screen.findByTestId('review-banner');
    expect(root.querySelector(':scope > header + [data-island] > *')).toBe(banner);
  });

  test('is replaced by the stored version when the site serves another one', async () => {
    await withFirstPaint(techtime);
    api.getDisclosure.mockResolvedValue(served(upsmith, 'b'.repeat(64)));
    reactRoot = await start(root);
    expect(root.getAttribute(FIRST_PAINT_STATE_ATTRIBUTE)).toBe('replaced');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Privacy: Zendesk Sell for JSM',
    );
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  test("is replaced in the reader's language, with the loading state in it meanwhile", async () => {
    const hash = await withFirstPaint(techtime);
    document.documentElement.classList.add(PRERENDER_HIDDEN_CLASS);
    api.getHostContext.mockResolvedValue(hostContext('de-DE'));
    const answer = deferred<ApiResult<DisclosureView>>();
    api.getDisclosure.mockReturnValue(answer.promise);
    reactRoot = await start(root);
    expect((await screen.findByTestId('state-loading')).textContent).toBe(
      'Die Datenschutzhinweise werden geladen…',
    );
    expect(document.documentElement.classList.contains(PRERENDER_HIDDEN_CLASS)).toBe(false);
    answer.resolve(served(techtime, hash));
    expect((await screen.findByTestId('section-index')).getAttribute('aria-label')).toBe(
      'Auf dieser Seite',
    );
    expect(document.documentElement.lang).toBe('de-DE');
  });

  test('stays readable under a notice when loading fails, and Retry shows the page', async () => {
    const user = userEvent.setup();
    const hash = await withFirstPaint(techtime);
    const painted = documentPart();
    api.getDisclosure
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'STORAGE_ERROR', message: 'Forge storage did not answer in time.' },
      })
      .mockResolvedValueOnce(served(techtime, hash));
    reactRoot = await start(root);
    const notice = screen.getByTestId('first-paint-notice');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('may be out of date');
    expect(notice.textContent).toContain('Forge storage did not answer in time.');
    expect(notice.textContent).toContain('STORAGE_ERROR');
    expect(screen.queryByTestId('state-error')).toBeNull();
    expect(documentPart()).toEqual(painted);
    await user.click(within(notice).getByTestId('retry-button'));
    await screen.findByTestId('section-versions');
    expect(screen.queryByTestId('first-paint-notice')).toBeNull();
    expect(documentPart()).toEqual(painted);
    expect(api.getDisclosure).toHaveBeenCalledTimes(2);
  });
});
