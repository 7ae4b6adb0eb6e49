/**
 * The weekly personal data report, end to end: reviews recorded through the real resolver, the
 * real `personalData` handler of `src/index.ts`, the real `@forge/api` `privacy.reportPersonalData`
 * and `@forge/kvs` over the local Forge runtime, which plays Atlassian and says which accounts
 * were closed.
 */
import { RESOLVER_KEYS } from '@declaration';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSED_ACCOUNT_ID } from '../../src/backend/closed-account.ts';
import { DEFAULT_KEYS } from '../../src/backend/keys.ts';
import { CURRENT_RECORD_VERSION } from '../../src/backend/record-version.ts';
import { lifecycle, personalData } from '../../src/index.ts';
import {
  CONFLUENCE_ADMIN,
  MODULE_KEYS,
  READER,
  SITE_ADMIN,
  useLocalForge,
} from './forge-harness.ts';
import { logged, publishVersions, review, siteAdmin, storedText } from './personal-data-helpers.ts';

const { forge, call } = useLocalForge();
const SETTINGS = { moduleKey: MODULE_KEYS.confluenceGlobalSettings, user: CONFLUENCE_ADMIN };

beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => void vi.useRealTimers());

/** Version 1 and 2 published; the site admin reviews both, the Confluence admin version 1. */
async function reviewedSite(): Promise<void> {
  vi.setSystemTime(new Date('2026-11-02T08:00:00.000Z'));
  await lifecycle({ app: { id: 'ari:cloud:ecosystem::app/x', version: '1.0.0' } });
  await publishVersions(1);
  await review(call, forge(), SITE_ADMIN, 1, '2026-11-03T09:15:00.000Z');
  await review(call, forge(), SITE_ADMIN, 2, '2026-11-10T14:30:00.000Z');
  forge().setActingUser(CONFLUENCE_ADMIN.accountId);
  vi.setSystemTime(new Date('2026-11-12T11:00:00.000Z'));
  const older = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, SETTINGS);
  expect(older.ok).toBe(true);
}

describe('the weekly personal data report', () => {
  it('reports every account id in review records with the time of its newest review', async () => {
    await reviewedSite();
    const { result, text } = await logged(() => personalData());
    expect(result).toEqual({ statusCode: 204 });
    expect(forge().personalData.reports).toEqual([
      [
        { accountId: CONFLUENCE_ADMIN.accountId, updatedAt: '2026-11-12T11:00:00.000Z' },
        { accountId: SITE_ADMIN.accountId, updatedAt: '2026-11-10T14:30:00.000Z' },
      ].sort((a, b) => (a.accountId < b.accountId ? -1 : 1)),
    ]);
    // Nobody was closed: nothing changed, and the run says so without naming anyone.
    expect(storedText(forge())).toContain(SITE_ADMIN.accountId);
    expect(text).toContain('2 account id(s) stored, 1 request(s) answered; 0 closed');
    expect(text).not.toContain(SITE_ADMIN.accountId);
    expect(text).not.toContain(CONFLUENCE_ADMIN.accountId);
  });

  it("keeps a closed account's reviews as reviews by a closed account, and stores its id nowhere", async () => {
    await reviewedSite();
    forge().personalData.close(SITE_ADMIN.accountId);
    const { result, text } = await logged(() => personalData());
    expect(result).toEqual({ statusCode: 204 });
    expect(storedText(forge())).not.toContain(SITE_ADMIN.accountId);
    expect(text).not.toContain(SITE_ADMIN.accountId);
    expect(text).toContain(
      // Two reviews; the served version's newest-review copy and both versions' review lists.
      '1 closed account(s) erased from 2 review(s) and 3 newest-review copies and review lists',
    );

    // The history still says who-kind-of and when: version 2 and 1 were reviewed by a closed account.
    const history = await call(RESOLVER_KEYS.listVersions, {}, READER);
    const reviews = Object.fromEntries(
      history.data.versions.map((v: { version: number; reviews: unknown[] }) => [
        v.version,
        v.reviews,
      ]),
    );
    expect(reviews[2]).toEqual([
      { version: 2, accountId: CLOSED_ACCOUNT_ID, reviewedAt: '2026-11-10T14:30:00.000Z' },
    ]);
    expect(reviews[1]).toEqual([
      { version: 1, accountId: CONFLUENCE_ADMIN.accountId, reviewedAt: '2026-11-12T11:00:00.000Z' },
      { version: 1, accountId: CLOSED_ACCOUNT_ID, reviewedAt: '2026-11-03T09:15:00.000Z' },
    ]);
    // The served version's newest review is the same review, without the id; the newest review of
    // any version was the Confluence admin's and stays theirs.
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.review).toEqual({
      current: { version: 2, accountId: CLOSED_ACCOUNT_ID, reviewedAt: '2026-11-10T14:30:00.000Z' },
      lastReviewed: {
        version: 1,
        accountId: CONFLUENCE_ADMIN.accountId,
        reviewedAt: '2026-11-12T11:00:00.000Z',
      },
    });
    const stored = forge().snapshot();
    expect(stored[DEFAULT_KEYS.versionLatestReview(2)]).toMatchObject({
      accountId: CLOSED_ACCOUNT_ID,
    });
    expect(stored[DEFAULT_KEYS.review(2, '2026-11-10T14:30:00.000Z', CLOSED_ACCOUNT_ID)]).toEqual({
      recordVersion: CURRENT_RECORD_VERSION,
      version: 2,
      accountId: CLOSED_ACCOUNT_ID,
      reviewedAt: '2026-11-10T14:30:00.000Z',
    });
  });

  it('is safe to run twice: the erased account is not reported again and nothing changes', async () => {
    await reviewedSite();
    forge().personalData.close(SITE_ADMIN.accountId);
    await logged(() => personalData());
    const after = forge().snapshot();
    const { result } = await logged(() => personalData());
    expect(result).toEqual({ statusCode: 204 });
    expect(forge().snapshot()).toEqual(after);
    expect(forge().personalData.reports.at(-1)).toEqual([
      { accountId: CONFLUENCE_ADMIN.accountId, updatedAt: '2026-11-12T11:00:00.000Z' },
    ]);
  });

  it('makes the newest review of every version agree with its reviews when it closes an admin who reviewed many', async () => {
    // 12 versions reviewed: 12 reviews and 13 copies need more than one 25-operation transaction.
    vi.setSystemTime(new Date('2026-10-01T08:00:00.000Z'));
    await publishVersions(12);
    for (let version = 1; version <= 12; version += 1) {
      await review(
        call,
        forge(),
        SITE_ADMIN,
        version,
        `2026-10-${String(version + 1).padStart(2, '0')}T10:00:00.000Z`,
      );
    }
    const other = siteAdmin(2);
    await review(call, forge(), other, 5, '2026-10-20T10:00:00.000Z');
    forge().personalData.close(SITE_ADMIN.accountId);
    forge().stats.reset();
    const { result } = await logged(() => personalData());
    expect(result).toEqual({ statusCode: 204 });
    expect(forge().stats.byOperation.transaction).toBeGreaterThan(1);
    expect(storedText(forge())).not.toContain(SITE_ADMIN.accountId);
    const stored = forge().snapshot();
    for (let version = 1; version <= 12; version += 1) {
      const newest = version === 5 ? other.accountId : CLOSED_ACCOUNT_ID;
      expect(stored[DEFAULT_KEYS.versionLatestReview(version)], `version ${version}`).toMatchObject(
        {
          version,
          accountId: newest,
        },
      );
    }
    expect(stored[DEFAULT_KEYS.latestReview]).toMatchObject({
      version: 5,
      accountId: other.accountId,
    });
  });

  it('asks nothing of an updated account: only its id is stored, so there is nothing to refresh', async () => {
    await reviewedSite();
    forge().personalData.update(CONFLUENCE_ADMIN.accountId, '2026-11-20T00:00:00.000Z');
    const before = forge().snapshot();
    const { text } = await logged(() => personalData());
    expect(forge().snapshot()).toEqual(before);
    expect(text).toContain('1 updated (only account ids are stored: nothing to refresh)');
  });

  it('reports nothing when no review was ever recorded', async () => {
    await lifecycle({ app: { id: 'ari:cloud:ecosystem::app/x', version: '1.0.0' } });
    const { result } = await logged(() => personalData());
    expect(result).toEqual({ statusCode: 204 });
    expect(forge().personalData.reports).toEqual([]);
    expect(forge().stats.reportCalls).toBe(0);
  });
});
