/**
 * The personal data report when things go wrong or storage is not as the page left it: more
 * accounts than one request holds, Atlassian failing or rate limiting part way, storage failing
 * during an erasure, damaged records, storage from before the key prefix, and a review recorded
 * while the report runs. Real SDKs over the local Forge runtime throughout.
 */
import { RESOLVER_KEYS } from '@declaration';
import { privacy } from '@forge/api';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSED_ACCOUNT_ID } from '../../src/backend/closed-account.ts';
import { BARE_KEYS, DEFAULT_KEYS } from '../../src/backend/keys.ts';
import { CURRENT_RECORD_VERSION } from '../../src/backend/record-version.ts';
import {
  createPersonalDataReport,
  PersonalDataReportError,
} from '../../src/backend/personal-data.ts';
import { personalData } from '../../src/index.ts';
import { SITE_ADMIN, useLocalForge } from './forge-harness.ts';
import {
  logged,
  onAdminPage,
  publishVersions,
  review,
  siteAdmin,
  storedText,
} from './personal-data-helpers.ts';

const { forge, call } = useLocalForge();

beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => void vi.useRealTimers());

/** `count` admins, each reviewing version 1 a minute after the one before. */
async function manyReviewers(count: number) {
  vi.setSystemTime(new Date('2026-09-01T08:00:00.000Z'));
  await publishVersions(1);
  const admins = Array.from({ length: count }, (_, index) => siteAdmin(index + 1));
  for (const [index, admin] of admins.entries()) {
    const at = new Date(Date.UTC(2026, 8, 2, 8, index)).toISOString();
    await review(call, forge(), admin, 1, at);
  }
  return admins;
}

describe('the personal data report, in requests of at most 90 accounts', () => {
  it('reports 200 accounts in three requests, one after another, and erases the closed ones of each', async () => {
    const admins = await manyReviewers(200);
    forge().personalData.close(admins[120]!.accountId);
    forge().personalData.close(admins[199]!.accountId);
    const { result } = await logged(() => personalData());
    expect(result).toEqual({ statusCode: 204 });
    expect(forge().personalData.reports.map((report) => report.length)).toEqual([90, 90, 20]);
    expect(
      forge()
        .personalData.reports.flat()
        .map((account) => account.accountId),
    ).toEqual(admins.map((admin) => admin.accountId));
    const stored = storedText(forge());
    expect(stored).not.toContain(admins[120]!.accountId);
    expect(stored).not.toContain(admins[199]!.accountId);
    expect(stored).toContain(admins[121]!.accountId);
  });
});

describe('a report that fails part way', () => {
  it('keeps what was answered, leaves the rest for the next run, and names nobody in the error', async () => {
    const admins = await manyReviewers(200);
    const first = admins[10]!.accountId;
    const last = admins[190]!.accountId;
    forge().personalData.close(first);
    forge().personalData.close(last);
    forge().personalData.failReport(2, { status: 500, body: { message: 'Internal error' } });
    const failed = await logged(() => personalData());
    expect(failed.error).toBeInstanceOf(PersonalDataReportError);
    const message = (failed.error as Error).message;
    expect(message).toContain('Atlassian did not answer request 2 of 3');
    expect(message).toContain('(HTTP 500)');
    expect(message).toContain('1 closed account(s) erased from 1 review(s)');
    expect(`${message}\n${failed.text}`).not.toMatch(/712020:/);
    expect(storedText(forge())).not.toContain(first);
    expect(storedText(forge())).toContain(last);

    const next = await logged(() => personalData());
    expect(next.result).toEqual({ statusCode: 204 });
    expect(storedText(forge())).not.toContain(last);
  });

  it('waits for a short Retry-After and tries once more; a long one is left for the next run', async () => {
    await publishVersions(1);
    await review(call, forge(), SITE_ADMIN, 1, '2026-09-02T08:00:00.000Z');
    forge().personalData.close(SITE_ADMIN.accountId);
    forge().personalData.failReport(1, {
      status: 429,
      body: { message: 'Too many requests' },
      headers: { 'retry-after': '0' },
    });
    const retried = await logged(() => personalData());
    expect(retried.result).toEqual({ statusCode: 204 });
    expect(forge().stats.reportCalls).toBe(2);
    expect(storedText(forge())).not.toContain(SITE_ADMIN.accountId);

    const other = siteAdmin(7);
    await review(call, forge(), other, 1, '2026-09-03T08:00:00.000Z');
    forge().personalData.close(other.accountId);
    forge().personalData.failReport(1, {
      status: 429,
      body: { message: 'Too many requests' },
      headers: { 'retry-after': '3600' },
    });
    const waited = await logged(() => personalData());
    expect((waited.error as Error).message).toContain('(HTTP 429)');
    expect(storedText(forge())).toContain(other.accountId);
  });

  it('changes nothing of a review whose erasure storage refuses, and erases it on the next run', async () => {
    await publishVersions(2);
    await review(call, forge(), SITE_ADMIN, 1, '2026-09-02T08:00:00.000Z');
    await review(call, forge(), SITE_ADMIN, 2, '2026-09-03T08:00:00.000Z');
    forge().personalData.close(SITE_ADMIN.accountId);
    const before = forge().snapshot();
    forge().faults.failOperation('transaction');
    const failed = await logged(() => personalData());
    expect(failed.error).toBeInstanceOf(PersonalDataReportError);
    expect((failed.error as Error).message).toContain(
      'they are unchanged, and the next run erases them',
    );
    expect(failed.text).not.toContain(SITE_ADMIN.accountId);
    expect(forge().snapshot()).toEqual(before);

    forge().faults.clear();
    await logged(() => personalData());
    expect(storedText(forge())).not.toContain(SITE_ADMIN.accountId);
  });
});

describe('account ids the page does not show', () => {
  it('deletes the damaged and the newer-release reviews of a closed account, and leaves others', async () => {
    await publishVersions(1);
    await review(call, forge(), SITE_ADMIN, 1, '2026-09-02T08:00:00.000Z');
    const bystander = siteAdmin(3);
    const damaged = DEFAULT_KEYS.review(1, '2026-09-01T08:00:00.000Z', SITE_ADMIN.accountId);
    const newer = DEFAULT_KEYS.review(1, '2026-09-01T09:00:00.000Z', SITE_ADMIN.accountId);
    const others = DEFAULT_KEYS.review(1, '2026-09-01T10:00:00.000Z', bystander.accountId);
    await kvs.set(damaged, { version: 'one' });
    await kvs.set(newer, { recordVersion: 99, reviewer: { id: SITE_ADMIN.accountId } });
    await kvs.set(others, { version: 'one' });
    forge().personalData.close(SITE_ADMIN.accountId);
    const { result, text } = await logged(() => personalData());
    expect(result).toEqual({ statusCode: 204 });
    // The damaged records' keys were reported too: their account ids are stored.
    expect(forge().personalData.reports[0]!.map((account) => account.accountId)).toEqual(
      [bystander.accountId, SITE_ADMIN.accountId].sort(),
    );
    const stored = forge().snapshot();
    expect(stored[damaged]).toBeUndefined();
    expect(stored[newer]).toBeUndefined();
    expect(stored[others]).toEqual({ version: 'one' });
    expect(JSON.stringify(stored)).not.toContain(SITE_ADMIN.accountId);
    expect(text).toContain('erased from 3 review(s)');
  });

  it('erases a closed account from the reviews this app stored before the key prefix', async () => {
    const at = '2026-01-15T12:00:00.000Z';
    const bare = { version: 1, accountId: SITE_ADMIN.accountId, reviewedAt: at };
    await kvs.set(BARE_KEYS.review(1, at, SITE_ADMIN.accountId), bare);
    await kvs.set(BARE_KEYS.versionLatestReview(1), bare);
    await kvs.set(BARE_KEYS.latestReview, bare);
    forge().personalData.close(SITE_ADMIN.accountId);
    await logged(() => personalData());
    const stored = forge().snapshot();
    const kept = {
      recordVersion: CURRENT_RECORD_VERSION,
      version: 1,
      accountId: CLOSED_ACCOUNT_ID,
      reviewedAt: at,
    };
    expect(stored[BARE_KEYS.review(1, at, CLOSED_ACCOUNT_ID)]).toEqual(kept);
    expect(stored[BARE_KEYS.versionLatestReview(1)]).toEqual(kept);
    expect(stored[BARE_KEYS.latestReview]).toEqual(kept);
    expect(JSON.stringify(stored)).not.toContain(SITE_ADMIN.accountId);
  });
});

describe('what the report trusts', () => {
  it('never writes over a review recorded while Atlassian was answering', async () => {
    await publishVersions(1);
    await review(call, forge(), SITE_ADMIN, 1, '2026-09-02T08:00:00.000Z');
    const other = siteAdmin(4);
    forge().setUser(other);
    const report = createPersonalDataReport({
      reportAccounts: async (accounts) => {
        // Another admin reviews version 1 between the inventory and the erasure.
        vi.setSystemTime(new Date('2026-09-05T08:00:00.000Z'));
        forge().setActingUser(other.accountId);
        const marked = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, onAdminPage(other));
        expect(marked.ok).toBe(true);
        return privacy.reportPersonalData(accounts);
      },
    });
    forge().personalData.close(SITE_ADMIN.accountId);
    const { result } = await logged(() => report());
    // No newest-review copy names the account any more; the version's review list still did.
    expect(result).toMatchObject({ closed: 1, erasedReviews: 1, erasedCopies: 1 });
    const stored = forge().snapshot();
    const newest = {
      version: 1,
      accountId: other.accountId,
      reviewedAt: '2026-09-05T08:00:00.000Z',
    };
    expect(stored[DEFAULT_KEYS.latestReview]).toMatchObject(newest);
    expect(stored[DEFAULT_KEYS.versionLatestReview(1)]).toMatchObject(newest);
    expect(JSON.stringify(stored)).not.toContain(SITE_ADMIN.accountId);
  });

  it('acts only on the accounts it reported, whatever else the answer names', async () => {
    await publishVersions(1);
    await review(call, forge(), SITE_ADMIN, 1, '2026-09-02T08:00:00.000Z');
    const bystander = siteAdmin(5);
    await review(call, forge(), bystander, 1, '2026-09-03T08:00:00.000Z');
    const before = forge().snapshot();
    let asked: string[] = [];
    const report = createPersonalDataReport({
      reportAccounts: async (accounts) => {
        asked = accounts.map((account) => account.accountId);
        return [
          { accountId: 'someone-else', status: 'closed' },
          { accountId: SITE_ADMIN.accountId, status: 'suspended' as 'closed' },
        ];
      },
    });
    const { result, text } = await logged(() => report());
    expect(asked).toEqual([SITE_ADMIN.accountId, bystander.accountId].sort());
    expect(result).toMatchObject({ closed: 0, erasedReviews: 0 });
    expect(forge().snapshot()).toEqual(before);
    expect(text).toContain('named an account that was not reported; ignored');
    expect(text).toContain('status "suspended" was ignored');
  });

  it('refuses a key prefix that is not one, as the disclosure backend does', () => {
    expect(() => createPersonalDataReport({ keyPrefix: 'no colon' })).toThrow(
      /keyPrefix may only contain letters, digits/,
    );
  });
});
