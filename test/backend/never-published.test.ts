import { RESOLVER_KEYS } from '@declaration';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { loadExample } from '../examples/load-example.ts';
import {
  CONFLUENCE_ADMIN,
  JIRA_ADMIN_PAGE,
  MODULE_KEYS,
  READER,
  SITE_ADMIN,
  useLocalForge,
} from './forge-harness.ts';
import { stoppedBeforeThePointer } from './interrupted-publication.ts';

// A version the site was never shown (its publication stopped before it became the served one,
// or its number was stepped over) stays out of everything the site shows; one that was shown
// stays in, whatever happens to the pointer later.

const { forge, call } = useLocalForge();
const upsmith = loadExample('examples/upsmith-zendesk-sell-for-jsm.yaml');
const exalate = loadExample('examples/exalate-cloud.yaml');
const techtime = loadExample('examples/techtime-user-management.yaml');
const P = 'privacy-disclosure:';
const SETTINGS = { moduleKey: MODULE_KEYS.confluenceGlobalSettings, user: CONFLUENCE_ADMIN };
const MINUTES = 60 * 1000;

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

const logged = () => vi.mocked(console.error).mock.calls.join('\n');

async function history(payload: object = {}) {
  const list = await call(RESOLVER_KEYS.listVersions, payload, READER);
  expect(list.ok, JSON.stringify(list.error)).toBe(true);
  return {
    versions: list.data.versions.map((v: { version: number; reviews: unknown[] }) => ({
      version: v.version,
      reviews: v.reviews,
    })),
    nextCursor: list.data.nextCursor,
  };
}

/** Every stored key of versions 1 and 2 (records, pieces, reviews) with its value. */
function versionsOneAndTwo(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(forge().snapshot()).filter(([key]) =>
      /^privacy-disclosure:(meta|v|review):000000[12]/.test(key),
    ),
  );
}

describe('a publication that stopped before its version was served', () => {
  it('is not listed, fetched, compared or reviewable once the next one is published', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    await stoppedBeforeThePointer(forge(), () => publishDeclaration(exalate, '1.1.0'));
    const abandoned = await kvs.get(`${P}meta:0000002`);
    const later = new Date(Date.now() + 16 * MINUTES);
    const published = await publishDeclaration(techtime, '1.2.0', { now: () => later });
    expect(published.version.version).toBe(3);

    expect((await history()).versions.map((v: { version: number }) => v.version)).toEqual([3, 1]);
    const first = await history({ limit: 1 });
    expect(first).toEqual({ versions: [{ version: 3, reviews: [] }], nextCursor: '1' });
    expect(await history({ cursor: '2', limit: 1 })).toEqual({
      versions: [{ version: 1, reviews: [] }],
      nextCursor: null,
    });
    for (const [functionKey, payload, as] of [
      [RESOLVER_KEYS.getVersion, { version: 2 }, READER],
      [RESOLVER_KEYS.diffVersions, { from: 1, to: 2 }, READER],
      [RESOLVER_KEYS.diffVersions, { from: 2, to: 3 }, READER],
      [RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE],
    ] as const) {
      const answer = await call(functionKey, payload, as);
      expect(answer.error, functionKey).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Version 2 was never published on this site; the newest published version is 3.',
      });
    }
    const diff = await call(RESOLVER_KEYS.diffVersions, { from: 1, to: 3 }, READER);
    expect(diff.ok).toBe(true);

    // Nothing was written for it, and its record stays as it was left.
    const keys = Object.keys(forge().snapshot());
    expect(keys.filter((key) => key.startsWith(`${P}review:0000002`))).toEqual([]);
    expect(keys).not.toContain(`${P}v:0000002:published`);
    expect(await kvs.get(`${P}meta:0000002`)).toEqual(abandoned);
  });
});

describe('the newest review of any version', () => {
  it('naming a number that was stepped over is not served, and reported', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    await kvs.set(`${P}meta:0000002`, 'not a record');
    expect((await publishDeclaration(exalate, '1.1.0')).version.version).toBe(3);
    await kvs.set(`${P}head:latest-review`, {
      version: 2,
      accountId: SITE_ADMIN.accountId,
      reviewedAt: '2026-12-01T10:16:00.000Z',
    });

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.version.version).toBe(3);
    expect(view.data.review.lastReviewed).toBeNull();
    expect(logged()).toMatch(
      /"privacy-disclosure:head:latest-review": it names version 2, which was never published on this site/,
    );

    // A review of a version that was shown is served, still in two storage requests.
    const first = (await call(RESOLVER_KEYS.markReviewed, { version: 1 }, SETTINGS)).data.review;
    forge().stats.reset();
    const next = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(next.data.review).toEqual({ current: null, lastReviewed: first });
    expect(forge().stats.storageCalls).toBeLessThanOrEqual(2);
  });
});

describe('a lost pointer while the newest version cannot be loaded', () => {
  it('publishes at once as the next version, keeping that version and its reviews', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    await publishDeclaration(exalate, '1.1.0');
    const first = (await call(RESOLVER_KEYS.markReviewed, { version: 1 }, SETTINGS)).data.review;
    const second = (await call(RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE)).data
      .review;
    await kvs.delete(`${P}head:current`);
    for (const key of Object.keys(forge().snapshot())) {
      if (key.startsWith(`${P}v:0000002:chunk:`)) await kvs.delete(key);
    }
    const before = versionsOneAndTwo();

    const published = await publishDeclaration(techtime, '1.2.0');
    expect(published).toMatchObject({ published: true, version: { version: 3 } });
    expect(versionsOneAndTwo()).toEqual(before);
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.declaration).toEqual(techtime);
    expect((await history()).versions).toEqual([
      { version: 3, reviews: [] },
      { version: 2, reviews: [second] },
      { version: 1, reviews: [first] },
    ]);
  });
});
