/**
 * The local Forge runtime's personal data reporting API, through the real `@forge/api`: it answers
 * what Atlassian's does, so the report's tests mean something.
 */
import { __requestAtlassianAsApp, __requestAtlassianAsUser, privacy } from '@forge/api';
import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_ACCOUNTS } from '../../src/local/forge/index.ts';
import { useLocalForge } from './forge-harness.ts';

const { forge } = useLocalForge();

const accounts = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    accountId: `5b10ac8d82e05b22cc7d${String(index).padStart(4, '0')}`,
    updatedAt: '2026-11-01T10:00:00.000Z',
  }));

const post = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('the local personal data reporting API', () => {
  it('answers closed accounts, and accounts updated after the time reported; nothing for the rest', async () => {
    const [closed, updated, stale, quiet] = accounts(4);
    forge().personalData.close(closed!.accountId);
    forge().personalData.update(updated!.accountId, '2026-11-05T00:00:00.000Z');
    forge().personalData.update(stale!.accountId, '2026-10-01T00:00:00.000Z');
    expect(await privacy.reportPersonalData([closed!, updated!, stale!, quiet!])).toEqual([
      { accountId: closed!.accountId, status: 'closed' },
      { accountId: updated!.accountId, status: 'updated' },
    ]);
    // 204 when no account needs anything: the SDK answers an empty list.
    expect(await privacy.reportPersonalData([quiet!])).toEqual([]);
    expect(forge().personalData.reports.map((report) => report.length)).toEqual([4, 1]);
  });

  it('takes at most 90 accounts a request, as the SDK sends them', async () => {
    await privacy.reportPersonalData(accounts(100));
    expect(forge().personalData.reports.map((report) => report.length)).toEqual([90, 10]);
    const tooMany = await __requestAtlassianAsApp(
      '/app/report-accounts',
      post({ accounts: accounts(MAX_REPORTED_ACCOUNTS + 1) }),
    );
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).message).toContain('at most 90 accounts per request, got 91');
  });

  it('refuses a report without a time, and one sent as a user rather than the app', async () => {
    const noTime = await __requestAtlassianAsApp(
      '/app/report-accounts',
      post({ accounts: [{ accountId: 'abc' }] }),
    );
    expect(noTime.status).toBe(400);
    expect((await noTime.json()).message).toBe(
      'accounts[0].updatedAt: an ISO 8601 UTC time is required.',
    );
    const asUser = await __requestAtlassianAsUser(
      '/app/report-accounts',
      post({ accounts: accounts(1) }),
    );
    expect(asUser.status).toBe(403);
    expect(forge().personalData.reports).toEqual([]);
  });

  it('fails the request a test names, with the answer it gives', async () => {
    forge().personalData.failReport(2, {
      status: 429,
      body: { message: 'Too many requests' },
      headers: { 'retry-after': '30' },
    });
    await privacy.reportPersonalData(accounts(1));
    const refused = await privacy.reportPersonalData(accounts(1)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 429 });
    expect((refused as Response).headers.get('retry-after')).toBe('30');
    expect(forge().personalData.reports).toHaveLength(1);
  });
});
