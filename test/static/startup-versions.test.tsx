// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { VersionPage } from '@declaration';
import { DisclosurePage } from '../../static/disclosure/src/components/DisclosurePage.tsx';
import {
  forgetVersionsBody,
  VERSIONS_LOAD_MARGIN,
  WHAT_CHANGED_HEADING,
} from '../../static/disclosure/src/components/Versions.tsx';
import { api, resetApi } from './api-mock.ts';
import { example } from './examples.ts';
import { renderWithLocale, versionMeta, viewOf } from './render.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

const exalate = example('exalate-cloud');

/** An IntersectionObserver the test drives: it says a target is near when the test says so. */
class NearViewport {
  static made: NearViewport[] = [];
  readonly targets: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    NearViewport.made.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
  takeRecords() {
    return [];
  }
  /** The browser's report that the targets came within the margin. */
  near() {
    const entries = this.targets.map((target) => ({ target, isIntersecting: true }));
    this.callback(entries as unknown as IntersectionObserverEntry[], this as never);
  }
}

/** A diff of nothing names nothing. */
const NO_NAMES = { purposes: {}, dataCategories: {}, recipients: {}, locations: {}, logs: {} };

/** Version 3 upgraded from 2, nobody reviewed it: an admin sees the banner. */
const view = () => viewOf(exalate, { version: 3 });
const firstPage = (): VersionPage => ({
  versions: [3, 2, 1].map((version) => ({
    ...versionMeta(exalate, version, `2026-1${version - 1}-15T09:30:00.000Z`),
    reviews: [],
    material: null,
  })),
  nextCursor: null,
  defaultDiff: {
    from: 2,
    to: 3,
    entries: [],
    counts: { added: 0, removed: 0, changed: 0 },
    material: [],
    names: { before: NO_NAMES, after: NO_NAMES },
  },
});

/** The body's code takes a moment to load (the first import transforms it in the test). */
const loaded = { timeout: 5000 };

beforeEach(() => {
  resetApi();
  forgetVersionsBody();
  NearViewport.made = [];
  vi.stubGlobal('IntersectionObserver', NearViewport);
  api.listVersions.mockResolvedValue({ ok: true, data: firstPage() });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the versions section, loaded when wanted', () => {
  test('draws its heading at once and loads its body when it comes near the viewport', async () => {
    renderWithLocale(<DisclosurePage view={view()} product="jira" />);
    expect(screen.getByRole('region', { name: 'Versions' })).toBeTruthy();
    expect(screen.getByTestId('versions-pending')).toBeTruthy();
    const [observer] = NearViewport.made;
    expect(observer?.options.rootMargin).toBe(VERSIONS_LOAD_MARGIN);
    expect(observer?.targets).toEqual([screen.getByTestId('versions-pending')]);
    // Not near yet: nothing of the body is asked for.
    await new Promise((settle) => setTimeout(settle, 50));
    expect(screen.queryByTestId('review-status')).toBeNull();
    expect(api.listVersions).not.toHaveBeenCalled();

    act(() => observer!.near());
    await screen.findByTestId('versions-table', {}, loaded);
    expect(screen.queryByTestId('versions-pending')).toBeNull();
    expect(screen.getByTestId('review-status').textContent).toBe(
      'This version has not been reviewed yet.',
    );
    expect(api.listVersions).toHaveBeenCalledTimes(1);
    expect(api.listVersions).toHaveBeenCalledWith(undefined, 20, { withDefaultDiff: true });
    expect(api.diffVersions).not.toHaveBeenCalled();
  });

  test('"See what changed" in the banner loads it, and focus lands on What changed', async () => {
    const user = userEvent.setup();
    renderWithLocale(<DisclosurePage view={view()} product="jira" />);
    expect(screen.getByTestId('versions-pending')).toBeTruthy();
    await user.click(screen.getByTestId('review-banner-see-changes'));
    await screen.findByTestId('diff-from', {}, loaded);
    expect(screen.queryByTestId('versions-pending')).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe(WHAT_CHANGED_HEADING));
    // The heading that has focus is the drawn section's, followed by its comparison.
    const heading = document.activeElement!;
    expect(heading.textContent).toBe('What changed');
    expect(heading.parentElement?.querySelector('[data-testid="diff-from"]')).toBeTruthy();
    expect(NearViewport.made.every((observer) => observer.disconnected)).toBe(true);
  });

  test('once loaded in a page view, a section drawn again has its body at once', async () => {
    renderWithLocale(<DisclosurePage view={view()} product="jira" />);
    act(() => NearViewport.made[0]!.near());
    await screen.findByTestId('versions-table', {}, loaded);
    cleanup();
    renderWithLocale(<DisclosurePage view={view()} product="jira" />);
    expect(screen.queryByTestId('versions-pending')).toBeNull();
    expect(screen.getByTestId('review-status')).toBeTruthy();
  });
});
