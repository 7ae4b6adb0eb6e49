import { RESOLVER_KEYS } from '@declaration';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSED_ACCOUNT_ID } from '../../src/backend/closed-account.ts';
import { DEFAULT_KEYS as K } from '../../src/backend/keys.ts';
import { MAX_LISTED_REVIEWS } from '../../src/backend/review-list.ts';
import { forgeStore } from '../../src/backend/store.ts';
import { personalData } from '../../src/index.ts';
import { READER, SITE_ADMIN, useLocalForge } from './forge-harness.ts';
import {
  logged,
  onAdminPage,
  publishVersions,
  review,
  siteAdmin,
  storedText,
} from './personal-data-helpers.ts';
import { recordStorageAccess } from './storage-recorder.ts';

// Each version's reviews are kept in one record written with them (`v:<v>:reviews`), so that a
// page of the history reads them in a batch; the review keys stay what is true.

const { forge, call } = useLocalForge();

beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => void vi.useRealTimers());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function history(payload: unknown = {}): Promise<any> {
  const answer = await call(RESOLVER_KEYS.listVersions, payload, READER);
  expect(answer.ok).toBe(true);
  return answer.data;
}

/** The reviews the history shows for `version`. */
async function reviewsOf(version: number): Promise<unknown[]> {
  const data = await history({ limit: 50 });
  return data.versions.find((row: { version: number }) => row.version === version)?.reviews;
}

const stored = async (key: string) => kvs.get<Record<string, unknown>>(key);

describe('a version’s review list', () => {
  it('is written with each review, newest first, and read by the history', async () => {
    await publishVersions(2);
    await review(call, forge(), SITE_ADMIN, 2, '2026-11-02T08:00:00.000Z');
    await review(call, forge(), siteAdmin(2), 2, '2026-11-03T08:00:00.000Z');
    const first = {
      version: 2,
      accountId: SITE_ADMIN.accountId,
      reviewedAt: '2026-11-02T08:00:00.000Z',
    };
    const second = {
      version: 2,
      accountId: siteAdmin(2).accountId,
      reviewedAt: '2026-11-03T08:00:00.000Z',
    };
    expect(await stored(K.versionReviews(2))).toMatchObject({
      version: 2,
      count: 2,
      reviews: [second, first],
    });
    expect(await reviewsOf(2)).toEqual([second, first]);
    expect(await reviewsOf(1)).toEqual([]);
  });

  it('keeps both reviews when two admins review the same version at once', async () => {
    await publishVersions(1);
    const admins = [SITE_ADMIN, siteAdmin(2), siteAdmin(3)];
    for (const admin of admins) forge().setUser(admin);
    vi.setSystemTime(new Date('2026-11-02T08:00:00.000Z'));
    const marks = await Promise.all(
      admins.map((admin, index) => {
        forge().setActingUser(admin.accountId);
        vi.setSystemTime(new Date(Date.parse('2026-11-02T08:00:00.000Z') + index));
        return call(RESOLVER_KEYS.markReviewed, { version: 1 }, onAdminPage(admin));
      }),
    );
    expect(marks.map((mark) => mark.ok)).toEqual([true, true, true]);
    const list = (await stored(K.versionReviews(1)))!;
    expect(list.count).toBe(3);
    expect((list.reviews as { accountId: string }[]).map((r) => r.accountId).sort()).toEqual(
      admins.map((admin) => admin.accountId).sort(),
    );
    expect(await reviewsOf(1)).toHaveLength(3);
  });

  it('is built from the review keys for a version reviewed before lists existed, once', async () => {
    await publishVersions(3);
    await review(call, forge(), SITE_ADMIN, 2, '2026-11-02T08:00:00.000Z');
    await review(call, forge(), siteAdmin(2), 2, '2026-11-03T08:00:00.000Z');
    const before = await reviewsOf(2);
    // As an earlier release left it: review keys and the newest-review copies, no list.
    await kvs.delete(K.versionReviews(2));

    const recorder = recordStorageAccess();
    try {
      expect(await reviewsOf(2)).toEqual(before);
      // Its review keys were read once, and its list written from them.
      expect(recorder.accesses.filter((a) => a.op === 'query').map((a) => a.keys[0])).toContain(
        K.reviewPrefix(2),
      );
      expect(await stored(K.versionReviews(2))).toMatchObject({ count: 2, reviews: before });
      recorder.accesses.length = 0;
      expect(await reviewsOf(2)).toEqual(before);
      expect(recorder.accesses.map((a) => a.op)).toEqual(['query', 'batch/get']);
    } finally {
      recorder.stop();
    }
  });

  it('is read again from the review keys when an earlier release recorded a review it lacks', async () => {
    await publishVersions(1);
    await review(call, forge(), SITE_ADMIN, 1, '2026-11-02T08:00:00.000Z');
    const list = await stored(K.versionReviews(1));
    await review(call, forge(), siteAdmin(2), 1, '2026-11-03T08:00:00.000Z');
    // After a downgrade: the review and its copies were written, the list left as it was.
    await kvs.set(K.versionReviews(1), list);
    const reviews = await reviewsOf(1);
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toMatchObject({ accountId: siteAdmin(2).accountId });
    expect(await stored(K.versionReviews(1))).toMatchObject({ count: 2 });
  });

  it('when damaged is reported without account ids, and the reviews are read from their keys', async () => {
    await publishVersions(1);
    await review(call, forge(), SITE_ADMIN, 1, '2026-11-02T08:00:00.000Z');
    const good = await reviewsOf(1);
    await kvs.set(K.versionReviews(1), {
      recordVersion: 2,
      version: 1,
      count: 1,
      reviews: [{ version: 1, accountId: SITE_ADMIN.accountId, reviewedAt: 'soon' }],
    });
    const { result, text } = await logged(() => reviewsOf(1));
    expect(result).toEqual(good);
    expect(text).toContain(`"${K.versionReviews(1)}"`);
    expect(text).toContain('Its reviews are read from the review records.');
    expect(text).not.toContain(SITE_ADMIN.accountId);
    expect(await stored(K.versionReviews(1))).toMatchObject({ count: 1, reviews: good });
  });

  it('with a review of another version in it leaves that review out and says so', async () => {
    await publishVersions(2);
    await review(call, forge(), SITE_ADMIN, 2, '2026-11-02T08:00:00.000Z');
    const list = (await stored(K.versionReviews(2)))!;
    const misplaced = {
      version: 1,
      accountId: siteAdmin(2).accountId,
      reviewedAt: '2026-11-01T08:00:00.000Z',
    };
    await kvs.set(K.versionReviews(2), {
      ...list,
      count: 2,
      reviews: [...(list.reviews as unknown[]), misplaced],
    });
    const { result, text } = await logged(() => reviewsOf(2));
    expect(result).toEqual(list.reviews);
    expect(text).toContain('it records a review of version 1, which belongs elsewhere');
    expect(text).not.toContain(siteAdmin(2).accountId);
  });

  it(`keeps the newest ${MAX_LISTED_REVIEWS} and the count; the history still shows every review`, async () => {
    await publishVersions(1);
    const start = Date.parse('2026-11-02T08:00:00.000Z');
    for (let n = 0; n <= MAX_LISTED_REVIEWS; n += 1) {
      await review(call, forge(), SITE_ADMIN, 1, new Date(start + n * 60_000).toISOString());
    }
    const list = (await stored(K.versionReviews(1)))!;
    expect(list.count).toBe(MAX_LISTED_REVIEWS + 1);
    expect(list.reviews).toHaveLength(MAX_LISTED_REVIEWS);
    const reviews = (await reviewsOf(1)) as { reviewedAt: string }[];
    expect(reviews).toHaveLength(MAX_LISTED_REVIEWS + 1);
    expect(reviews.at(-1)?.reviewedAt).toBe(new Date(start).toISOString());
    expect(reviews[0]).toEqual((list.reviews as unknown[])[0]);
  });
});

describe('the personal data report and a review list', () => {
  it('reports an account id only a list still holds, and erases it there', async () => {
    await publishVersions(1);
    await review(call, forge(), SITE_ADMIN, 1, '2026-11-02T08:00:00.000Z');
    await review(call, forge(), siteAdmin(2), 1, '2026-11-03T08:00:00.000Z');
    // An erasure that stopped after moving the review and its copies, before the list.
    const key = K.review(1, '2026-11-02T08:00:00.000Z', SITE_ADMIN.accountId);
    const record = (await stored(key))!;
    await kvs.delete(key);
    await kvs.set(K.review(1, '2026-11-02T08:00:00.000Z', CLOSED_ACCOUNT_ID), {
      ...record,
      accountId: CLOSED_ACCOUNT_ID,
    });
    expect(storedText(forge())).toContain(SITE_ADMIN.accountId);

    forge().personalData.close(SITE_ADMIN.accountId);
    const { text } = await logged(() => personalData());
    expect(
      forge()
        .personalData.reports.flat()
        .map((a) => a.accountId),
    ).toContain(SITE_ADMIN.accountId);
    expect(text).toContain(
      '1 closed account(s) erased from 0 review(s) and 1 newest-review copies and review lists',
    );
    expect(storedText(forge())).not.toContain(SITE_ADMIN.accountId);
    expect(await reviewsOf(1)).toEqual([
      { version: 1, accountId: siteAdmin(2).accountId, reviewedAt: '2026-11-03T08:00:00.000Z' },
      { version: 1, accountId: CLOSED_ACCOUNT_ID, reviewedAt: '2026-11-02T08:00:00.000Z' },
    ]);
  });

  it('deletes a list that does not read and names the closed account', async () => {
    await publishVersions(1);
    await review(call, forge(), SITE_ADMIN, 1, '2026-11-02T08:00:00.000Z');
    await kvs.set(K.versionReviews(1), { broken: [SITE_ADMIN.accountId] });
    forge().personalData.close(SITE_ADMIN.accountId);
    await logged(() => personalData());
    expect(storedText(forge())).not.toContain(SITE_ADMIN.accountId);
    expect(await reviewsOf(1)).toEqual([
      { version: 1, accountId: CLOSED_ACCOUNT_ID, reviewedAt: '2026-11-02T08:00:00.000Z' },
    ]);
  });
});

describe('getMany', () => {
  it('reads 60 keys, some missing, in three batches sent at once; Forge refuses 26 in one', async () => {
    const keys = Array.from(
      { length: 60 },
      (_, n) => `${K.prefix}test:${String(n).padStart(2, '0')}`,
    );
    for (const key of keys.filter((_, n) => n % 3 === 0)) await kvs.set(key, { n: key.slice(-2) });
    const recorder = recordStorageAccess();
    let values: Map<string, unknown>;
    try {
      values = await forgeStore.getMany(keys);
    } finally {
      recorder.stop();
    }
    expect(recorder.accesses.map((a) => [a.op, a.keys.length])).toEqual([
      ['batch/get', 25],
      ['batch/get', 25],
      ['batch/get', 10],
    ]);
    expect([...values.keys()]).toEqual(keys.filter((_, n) => n % 3 === 0));
    expect(values.get(keys[3]!)).toEqual({ n: '03' });
    await expect(kvs.batchGet(keys.slice(0, 26).map((key) => ({ key })))).rejects.toThrow(
      /maximum of 25 keys/,
    );
  });
});
