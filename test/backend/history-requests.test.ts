import { RESOLVER_KEYS } from '@declaration';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READER, SITE_ADMIN, useLocalForge } from './forge-harness.ts';
import { publishVersions, review, siteAdmin } from './personal-data-helpers.ts';
import { recordStorageAccess, type StorageAccess } from './storage-recorder.ts';

// What a page view and a page of the history cost in storage requests, counted where the real
// SDK sends them (`__forge_fetch__`), for a short and a long history: the same.

const { forge, call } = useLocalForge();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** `versions` published through the real publication, each an upgrade, some of them reviewed. */
async function history(versions: number): Promise<void> {
  await publishVersions(versions);
  // Reviews spread over the history, two of the newest version, one of an old one last.
  await review(call, forge(), SITE_ADMIN, versions, '2026-11-02T08:00:00.000Z');
  await review(call, forge(), siteAdmin(2), versions, '2026-11-03T08:00:00.000Z');
  await review(call, forge(), SITE_ADMIN, versions - 3, '2026-11-04T08:00:00.000Z');
  await review(call, forge(), siteAdmin(3), 1, '2026-11-05T08:00:00.000Z');
}

/** One resolver call, with the storage requests it made. */
async function counted(
  functionKey: string,
  payload: unknown,
  // The answer is JSON as the page receives it (see forge-harness.ts).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ answer: any; requests: StorageAccess[] }> {
  const recorder = recordStorageAccess();
  try {
    const answer = await call(functionKey, payload, READER);
    expect(answer.ok).toBe(true);
    return { answer, requests: recorder.accesses };
  } finally {
    recorder.stop();
  }
}

const ops = (requests: StorageAccess[]) => requests.map((request) => request.op);

/** What a page view costs, for a history of `versions`. */
async function pageView(versions: number) {
  await history(versions);
  const view = await counted(RESOLVER_KEYS.getDisclosure, {});
  const first = await counted(RESOLVER_KEYS.listVersions, { withDefaultDiff: true });
  const later = await counted(RESOLVER_KEYS.listVersions, {
    cursor: first.answer.data.nextCursor,
  });
  const plain = await counted(RESOLVER_KEYS.listVersions, {});
  return { view, first, later, plain };
}

// Pinned for each history length: the same numbers for 25 versions as for 100.
describe.each([25, 100])('storage requests per page view, %i versions', (size) => {
  it('disclosure/get 2, a page of history of 20 4, the first with the default diff 6', async () => {
    const cost = await pageView(size);
    // disclosure/get: the head, then the served version's pieces, publication record and review.
    expect(ops(cost.view.requests)).toEqual(['query', 'query']);
    // The first page with the default comparison: the head, then at once one batch per 25 of
    // the rows' records, review lists and newest reviews (59 keys: three), and the pieces of the
    // served version (with its publication record, which checks the pointer) and of the version
    // compared with, one query each.
    expect(ops(cost.first.requests)).toEqual([
      'query',
      'batch/get',
      'batch/get',
      'batch/get',
      'query',
      'query',
    ]);
    // The first page without the comparison, and a later full page: the head, then the rows and
    // the served version's publication record in batches (60 keys or 61: three).
    const page = ['query', 'batch/get', 'batch/get', 'batch/get'];
    expect(ops(cost.plain.requests)).toEqual(page);
    // The last 5 of 25 versions: 16 keys, one batch.
    expect(ops(cost.later.requests)).toEqual(size === 25 ? page.slice(0, 2) : page);
    expect(cost.first.answer.data.versions).toHaveLength(20);
    // The newest review is of version 1: the comparison is from there, off the page.
    expect(cost.first.answer.data.defaultDiff).toMatchObject({ from: 1, to: size });
    expect(cost.later.answer.data.versions).toHaveLength(size === 25 ? 5 : 20);
  });
});
