// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { MaterialChanges, ReviewRecord, VersionPage } from '@declaration';
import { DisclosurePage } from '../../static/disclosure/src/components/DisclosurePage.tsx';
import { api, resetApi } from './api-mock.ts';
import { example } from './examples.ts';
import { renderWithLocale, versionMeta, viewOf } from './render.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

const exalate = example('exalate-cloud');
const adminId = '712020:5f0c1e8a-preview-site-admin';

/** What the upgrade from version 2 to 3 changed that matters: hosting, a subprocessor, a retention. */
const material: MaterialChanges = {
  from: 2,
  changes: [
    {
      kind: 'hosting',
      change: 'changed',
      location: 'Google Cloud',
      provider: { before: 'Google Cloud', after: 'Amazon Web Services' },
      ref: { section: 'locations', key: 'google-cloud' },
    },
    {
      kind: 'recipient',
      change: 'added',
      recipientKind: 'subprocessor',
      name: 'Rsync.net',
      ref: { section: 'recipients', key: 'rsync-net' },
    },
    {
      kind: 'retention',
      change: 'longer',
      name: 'Operation data',
      before: { basis: 'fixed-period', period: 'P90D' },
      after: { basis: 'fixed-period', period: 'P180D' },
      ref: { section: 'dataCategories', key: 'operation-data' },
    },
  ],
};

const reviewOfVersion2: ReviewRecord = {
  version: 2,
  accountId: '5b10ac8d82e05b22cc7d4ef5',
  reviewedAt: '2026-10-16T08:00:00.000Z',
};

function page(): VersionPage {
  return {
    versions: [
      { ...versionMeta(exalate, 3, '2026-11-20T09:30:00.000Z'), reviews: [], material },
      {
        ...versionMeta(exalate, 2, '2026-10-15T09:30:00.000Z'),
        reviews: [reviewOfVersion2],
        material: { from: 1, changes: [] },
      },
      { ...versionMeta(exalate, 1, '2026-09-01T09:30:00.000Z'), reviews: [], material: null },
    ],
    nextCursor: null,
  };
}

/** Version 3 of exalate-cloud, published after version 2, which an admin reviewed. */
function upgraded(options: { canReview?: boolean; current?: ReviewRecord | null } = {}) {
  return {
    ...viewOf(exalate, {
      version: 3,
      lastReviewed: reviewOfVersion2,
      material,
      canReview: options.canReview ?? true,
      current: options.current ?? null,
    }),
  };
}

beforeEach(() => {
  resetApi();
  api.listVersions.mockResolvedValue({ ok: true, data: page() });
  // What changed in detail is not this test's subject.
  api.diffVersions.mockResolvedValue({
    ok: false,
    error: { code: 'INTERNAL', message: 'Not in this test.' },
  });
  api.markReviewed.mockImplementation(async (version: number) => ({
    ok: true,
    data: { review: { version, accountId: adminId, reviewedAt: '2026-11-21T10:00:00.000Z' } },
  }));
});
afterEach(cleanup);

describe('the review banner', () => {
  test('an admin sees which version waits, when it was published and how many changes matter', async () => {
    renderWithLocale(<DisclosurePage view={upgraded()} />);
    const banner = screen.getByTestId('review-banner');
    expect(within(banner).getByRole('heading').textContent).toBe(
      'A new version waits for your review',
    );
    expect(banner.textContent).toContain(
      `Version 3 (policy \u2068${exalate.policy.version}\u2069) was published on`,
    );
    expect(banner.textContent).toContain('was published on Nov 20, 2026');
    expect(banner.textContent).toContain('3 material changes since version 2.');
    // It is a landmark named by its heading, between the header and the section index.
    expect(screen.getByRole('region', { name: 'A new version waits for your review' })).toBe(
      banner,
    );
    const header = screen.getByTestId('page-header');
    const index = screen.getByTestId('section-index');
    expect(header.compareDocumentPosition(banner) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(banner.compareDocumentPosition(index) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('in the admin’s language, with the plural of their language', () => {
    renderWithLocale(<DisclosurePage view={upgraded()} />, 'pl-PL');
    const banner = screen.getByTestId('review-banner');
    expect(banner.textContent).toContain('3 istotne zmiany od wersji 2.');
    expect(within(banner).getByRole('button', { name: 'Oznacz jako sprawdzoną' })).toBeTruthy();
  });

  test('a version published by an earlier release (no stored changes) says it is not reviewed, without a count', () => {
    renderWithLocale(<DisclosurePage view={{ ...upgraded(), material: null }} />);
    const banner = screen.getByTestId('review-banner');
    expect(banner.textContent).toContain('has not been reviewed yet.');
    expect(banner.textContent).not.toMatch(/material change/);
  });

  test('readers never see it', () => {
    renderWithLocale(<DisclosurePage view={upgraded({ canReview: false })} />);
    expect(screen.queryByTestId('review-banner')).toBeNull();
  });

  test('not once the version is reviewed, nor on the first version', () => {
    const reviewed = { version: 3, accountId: adminId, reviewedAt: '2026-11-21T10:00:00.000Z' };
    renderWithLocale(<DisclosurePage view={upgraded({ current: reviewed })} />);
    expect(screen.queryByTestId('review-banner')).toBeNull();
    cleanup();
    renderWithLocale(<DisclosurePage view={viewOf(exalate, { version: 1 })} />);
    expect(screen.queryByTestId('review-banner')).toBeNull();
  });

  test('"Mark as reviewed" records the review: the banner goes, the status and the table say who', async () => {
    const user = userEvent.setup();
    renderWithLocale(<DisclosurePage view={upgraded()} />);
    await screen.findByTestId('versions-table');
    await user.click(screen.getByTestId('review-banner-mark'));
    expect(api.markReviewed).toHaveBeenCalledExactlyOnceWith(3);
    await waitFor(() => expect(screen.queryByTestId('review-banner')).toBeNull());
    expect(screen.getByTestId('review-status').textContent).toContain(adminId);
    expect(screen.getByTestId('version-3').textContent).toContain(adminId);
    expect(screen.getByTestId('version-3').textContent).not.toContain('Not reviewed');
  });

  test('the Review button ends it too', async () => {
    const user = userEvent.setup();
    renderWithLocale(<DisclosurePage view={upgraded()} />);
    await user.click(screen.getByTestId('review-button'));
    await waitFor(() => expect(screen.queryByTestId('review-banner')).toBeNull());
    expect(api.markReviewed).toHaveBeenCalledExactlyOnceWith(3);
  });

  test('a refused review keeps the banner and says why', async () => {
    const user = userEvent.setup();
    api.markReviewed.mockResolvedValue({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only site admins can record a review.' },
    });
    renderWithLocale(<DisclosurePage view={upgraded()} />);
    await user.click(screen.getByTestId('review-banner-mark'));
    expect((await screen.findByTestId('review-banner-error')).textContent).toContain(
      'Only site admins can record a review.',
    );
    expect(screen.getByTestId('review-banner')).toBeTruthy();
  });

  test('"See what changed" moves focus to the "What changed" heading', async () => {
    const user = userEvent.setup();
    renderWithLocale(<DisclosurePage view={upgraded()} />);
    await user.click(screen.getByTestId('review-banner-see-changes'));
    expect(document.activeElement?.textContent).toBe('What changed');
    expect(document.activeElement?.tagName).toBe('H3');
  });

  test('the versions table marks the versions whose changes matter', async () => {
    renderWithLocale(<DisclosurePage view={upgraded()} />);
    await screen.findByTestId('versions-table');
    const cell = (version: number) =>
      within(screen.getByTestId(`version-${version}`)).getByTestId('version-material').textContent;
    expect(cell(3)).toBe('3 material changes');
    expect(cell(2)).toBe('None');
    expect(cell(1)).toBe('');
  });
});
