// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { CLOSED_ACCOUNT_ID, type ReviewRecord, type VersionPage } from '@declaration/api.ts';
import { clearDisplayNames } from '../../static/disclosure/src/api/users.ts';
import { DisclosurePage } from '../../static/disclosure/src/components/DisclosurePage.tsx';
import { example } from './examples.ts';
import { renderWithLocale, versionMeta, viewOf } from './render.tsx';

/**
 * The page over the real api module and `@forge/bridge`, with the host stood in for: resolver
 * calls (`invoke`) and the product's user API (`fetchProduct`, what `requestJira` sends).
 */
const callBridge = vi.fn<(op: string, payload?: unknown) => Promise<unknown>>();

const exalate = example('exalate-cloud');
const people: Record<string, string> = {
  '5b10ac8d82e05b22cc7d4ef5': 'Mia Krystof',
  '5b10a2844c20165700ede21g': 'Alex Admin',
  '712020:9b3d2a7c-preview-reader': 'Sam Auditor',
};
const [mia, alex, sam] = Object.keys(people) as [string, string, string];
const review = (version: number, accountId: string, reviewedAt: string): ReviewRecord => ({
  version,
  accountId,
  reviewedAt,
});
const miaReviewedV3 = review(3, mia, '2026-11-21T10:00:00.000Z');

/** Two pages of versions: 3 and 2 first, then 1 (reviewed by Sam and by a closed account). */
const pages: Record<string, VersionPage> = {
  first: {
    versions: [
      {
        ...versionMeta(exalate, 3, '2026-11-20T09:30:00.000Z'),
        reviews: [miaReviewedV3],
        material: null,
      },
      {
        ...versionMeta(exalate, 2, '2026-10-15T09:30:00.000Z'),
        reviews: [review(2, alex, '2026-10-16T08:00:00.000Z')],
        material: null,
      },
    ],
    nextCursor: 'after-2',
  },
  'after-2': {
    versions: [
      {
        ...versionMeta(exalate, 1, '2026-09-01T09:30:00.000Z'),
        reviews: [
          review(1, sam, '2026-09-03T12:00:00.000Z'),
          review(1, CLOSED_ACCOUNT_ID, '2026-09-02T12:00:00.000Z'),
        ],
        material: null,
      },
    ],
    nextCursor: null,
  },
};

/** How the product answers user look-ups in this test. */
let product: 'answers' | 'fails' = 'answers';

function host(op: string, payload: unknown): Promise<unknown> {
  if (op === 'invoke') {
    const { functionKey, payload: body } = payload as {
      functionKey: string;
      payload: { cursor?: string };
    };
    if (functionKey === 'versions/list')
      return Promise.resolve({ ok: true, data: pages[body.cursor ?? 'first'] });
    return Promise.resolve({
      ok: false,
      error: { code: 'INTERNAL', message: 'Not in this test.' },
    });
  }
  if (op === 'fetchProduct') {
    if (product === 'fails')
      return Promise.resolve({ status: 503, headers: {}, body: '{"errorMessages":["Down"]}' });
    const { restPath } = payload as { restPath: string };
    const ids = new URL(restPath, 'https://site.invalid').searchParams.getAll('accountId');
    const values = ids
      .filter((id) => people[id])
      .map((id) => ({ accountId: id, displayName: people[id] }));
    return Promise.resolve({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ isLast: true, startAt: 0, values }),
    });
  }
  return Promise.reject(new Error(`Not in this test: ${op}`));
}

/** The ids each user look-up asked for, look-up by look-up. */
function lookUps(): string[][] {
  return callBridge.mock.calls
    .filter(([op]) => op === 'fetchProduct')
    .map(([, payload]) =>
      new URL(
        (payload as { restPath: string }).restPath,
        'https://site.invalid',
      ).searchParams.getAll('accountId'),
    );
}

/** Files the page saved: name and text. */
const saved: { name: string; blob: Blob }[] = [];

beforeAll(() => {
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge };
  // The bridge builds `new Request('')`: a browser resolves '' against the page, Node has none.
  const NodeRequest = globalThis.Request;
  vi.stubGlobal(
    'Request',
    class extends NodeRequest {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input === '' ? 'https://frame.invalid/' : input, init);
      }
    },
  );
});
beforeEach(() => {
  product = 'answers';
  clearDisplayNames();
  callBridge.mockReset();
  callBridge.mockImplementation(host);
  saved.length = 0;
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:review-history/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => {
  cleanup();
  vi.mocked(HTMLAnchorElement.prototype.click).mockRestore();
});

const view = () =>
  viewOf(exalate, { version: 3, current: miaReviewedV3, lastReviewed: miaReviewedV3 });

describe('reviewers by name', () => {
  test('every reviewer shown is looked up in one request, and shown by name with the id at hand', async () => {
    renderWithLocale(<DisclosurePage view={view()} product="jira" />);
    // The versions section's body loads its code first.
    const status = await screen.findByTestId('review-status');
    await waitFor(() =>
      expect(status.textContent).toContain('Reviewed by \u2068Mia Krystof\u2069 on'),
    );
    expect(lookUps()).toEqual([[alex, mia]]);
    expect(within(status).getByTestId('reviewed-by').title).toBe(mia);
    const row2 = screen.getByTestId('version-2');
    expect(row2.textContent).toContain('Alex Admin');
    expect(row2.textContent).not.toContain(alex);
    expect(within(row2).getByTestId('reviewed-by').title).toBe(alex);
  });

  test('"Show older versions" looks up only the reviewers it brings; a closed account never', async () => {
    const user = userEvent.setup();
    renderWithLocale(<DisclosurePage view={view()} product="jira" />);
    await waitFor(() => expect(lookUps()).toHaveLength(1));
    await user.click(await screen.findByTestId('versions-load-more'));
    await waitFor(() =>
      expect(screen.getByTestId('version-1').textContent).toContain('Sam Auditor'),
    );
    expect(lookUps()).toEqual([[alex, mia], [sam]]);
    expect(screen.getByTestId('version-1').textContent).toContain(
      'by someone whose account has since been closed',
    );
  });

  test('when the look-up fails the page shows account ids, and does not ask again', async () => {
    const user = userEvent.setup();
    product = 'fails';
    renderWithLocale(<DisclosurePage view={view()} product="jira" />);
    await waitFor(() => expect(lookUps()).toHaveLength(1));
    await user.click(await screen.findByTestId('versions-load-more'));
    await screen.findByTestId('version-1');
    await waitFor(() => expect(lookUps()).toHaveLength(2));
    expect(screen.getByTestId('review-status').textContent).toContain(
      `Reviewed by \u2068${mia}\u2069`,
    );
    expect(screen.getByTestId('version-2').textContent).toContain(alex);
    // Only Sam was new: Mia and Alex, already failed, were not asked again.
    expect(lookUps()).toEqual([[alex, mia], [sam]]);
  });

  test('without a product to ask (an unknown host) nothing is asked and ids are shown', async () => {
    renderWithLocale(<DisclosurePage view={view()} product={null} />);
    await screen.findByTestId('versions-table');
    expect(screen.getByTestId('version-2').textContent).toContain(alex);
    expect(lookUps()).toEqual([]);
  });
});

describe('the review history download', () => {
  test('walks every page of versions and saves one row per review, reviewers by name', async () => {
    const user = userEvent.setup();
    renderWithLocale(<DisclosurePage view={view()} product="jira" />);
    await screen.findByTestId('versions-table');
    await user.click(screen.getByTestId('review-history-download'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('exalate-cloud-add-ons-review-history.csv');
    expect(saved[0]!.blob.type).toBe('text/csv;charset=utf-8');
    const policy = exalate.policy.version;
    expect(await saved[0]!.blob.text()).toBe(
      [
        '"Version","Policy version","Reviewer","Reviewer account ID","Reviewed at (UTC)"',
        `"3","${policy}","Mia Krystof","${mia}","2026-11-21T10:00:00.000Z"`,
        `"2","${policy}","Alex Admin","${alex}","2026-10-16T08:00:00.000Z"`,
        `"1","${policy}","Sam Auditor","${sam}","2026-09-03T12:00:00.000Z"`,
        `"1","${policy}","Closed account","","2026-09-02T12:00:00.000Z"`,
        '',
      ].join('\r\n'),
    );
    // The rest of the history was fetched from where the page stopped.
    const listed = callBridge.mock.calls
      .filter(
        ([op, p]) =>
          op === 'invoke' && (p as { functionKey: string }).functionKey === 'versions/list',
      )
      .map(([, p]) => (p as { payload: unknown }).payload);
    expect(listed).toEqual([
      { limit: 20, withDefaultDiff: true },
      { cursor: 'after-2', limit: 50 },
    ]);
  });

  test('a page that cannot be read fails the download and says so', async () => {
    const user = userEvent.setup();
    renderWithLocale(<DisclosurePage view={view()} product="jira" />);
    await screen.findByTestId('versions-table');
    callBridge.mockImplementation((op, payload) =>
      op === 'invoke' && (payload as { payload: { cursor?: string } }).payload.cursor
        ? Promise.resolve({
            ok: false,
            error: { code: 'STORAGE_ERROR', message: 'Storage is busy.' },
          })
        : host(op, payload),
    );
    await user.click(screen.getByTestId('review-history-download'));
    expect((await screen.findByTestId('review-history-error')).textContent).toBe(
      'The review history could not be downloaded. Storage is busy.',
    );
    expect(saved).toEqual([]);
  });

  test('readers get no download', async () => {
    renderWithLocale(<DisclosurePage view={{ ...view(), canReview: false }} product="jira" />);
    await screen.findByTestId('versions-table');
    expect(screen.queryByTestId('review-history-download')).toBeNull();
  });
});
