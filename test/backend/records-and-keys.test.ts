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

// What is read is checked against where it was read from, and publishing never writes over a
// version that exists, whatever state the pointer to the served version is in.

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

async function history() {
  const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
  expect(list.ok, JSON.stringify(list.error)).toBe(true);
  return list.data.versions.map((v: { version: number; reviews: unknown[] }) => ({
    version: v.version,
    reviews: v.reviews,
  }));
}

/** Every stored key of versions 1 and 2 (records, pieces, reviews) with its value. */
function versionsOneAndTwo(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(forge().snapshot()).filter(([key]) =>
      /^privacy-disclosure:(meta|v|review):000000[12]/.test(key),
    ),
  );
}

describe('a record stored under a key that is not its own', () => {
  it('is not served as the review of the version its key names', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    await publishDeclaration(exalate, '1.1.0');
    const real = (await call(RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE)).data
      .review;
    const moved = { ...real, reviewedAt: '2026-01-01T00:00:00.000Z' };
    await kvs.set(`${P}review:0000001:${moved.reviewedAt}:${real.accountId}`, moved);
    await kvs.set(`${P}v:0000001:latest-review`, moved);

    expect(await history()).toEqual([
      { version: 2, reviews: [real] },
      { version: 1, reviews: [] },
    ]);
    const first = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER);
    expect(first.ok).toBe(true);
  });

  it('is not served when the newest review names a version that was never published', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    await kvs.set(`${P}head:latest-review`, {
      version: 9,
      accountId: SITE_ADMIN.accountId,
      reviewedAt: '2026-01-01T00:00:00.000Z',
    });
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.review.lastReviewed).toBeNull();
    expect(vi.mocked(console.error).mock.calls.join('\n')).toMatch(
      /"privacy-disclosure:head:latest-review": it names version 9, but only versions up to 1 were published/,
    );
  });
});

describe('a lost pointer to the served version', () => {
  it('is rebuilt on the next page view, with every review', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    await publishDeclaration(exalate, '1.1.0');
    const first = (await call(RESOLVER_KEYS.markReviewed, { version: 1 }, SETTINGS)).data.review;
    const second = (await call(RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE)).data
      .review;
    await kvs.delete(`${P}head:current`);

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.version.version).toBe(2);
    expect(view.data.declaration).toEqual(exalate);
    expect(view.data.review).toEqual({ current: second, lastReviewed: second });
    expect(await history()).toEqual([
      { version: 2, reviews: [second] },
      { version: 1, reviews: [first] },
    ]);
  });

  it('does not stop publishing, nor, 15 minutes later, overwrite an existing version', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    await publishDeclaration(exalate, '1.1.0');
    const first = (await call(RESOLVER_KEYS.markReviewed, { version: 1 }, SETTINGS)).data.review;
    const before = versionsOneAndTwo();
    await kvs.delete(`${P}head:current`);

    const later = new Date(Date.now() + 16 * MINUTES);
    const published = await publishDeclaration(techtime, '1.2.0', { now: () => later });
    expect(published).toMatchObject({ published: true, version: { version: 3 } });
    expect(versionsOneAndTwo()).toEqual(before);
    expect(await history()).toEqual([
      { version: 3, reviews: [] },
      { version: 2, reviews: [] },
      { version: 1, reviews: [first] },
    ]);
    const original = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER);
    expect(original.data.declaration).toEqual(upsmith);
  });
});

describe('a version record above the served version', () => {
  it('left by a publication that never finished is kept, and the next number is used', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    // A publication of Exalate's declaration stopped before moving the pointer.
    await stoppedBeforeThePointer(forge(), () => publishDeclaration(exalate, '1.1.0'));
    const abandoned = await kvs.get(`${P}meta:0000002`);
    expect(abandoned).toBeDefined();

    const soon = await publishDeclaration(techtime, '1.2.0').catch((error) => error);
    expect(soon.code).toBe('STORAGE_ERROR');
    expect(soon.message).toMatch(/in progress/);

    const later = new Date(Date.now() + 16 * MINUTES);
    const published = await publishDeclaration(techtime, '1.2.0', { now: () => later });
    expect(published.version.version).toBe(3);
    expect(await kvs.get(`${P}meta:0000002`)).toEqual(abandoned);
  });

  it('that is damaged is kept, and the next number is used', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    await kvs.set(`${P}meta:0000002`, 'not a record');
    const published = await publishDeclaration(exalate, '1.1.0');
    expect(published.version.version).toBe(3);
    expect(await kvs.get(`${P}meta:0000002`)).toBe('not a record');
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.declaration).toEqual(exalate);
  });
});
