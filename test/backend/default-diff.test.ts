import { RESOLVER_KEYS } from '@declaration';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_KEYS as K } from '../../src/backend/keys.ts';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { loadExample } from '../examples/load-example.ts';
import { READER, SITE_ADMIN, useLocalForge } from './forge-harness.ts';
import { review } from './personal-data-helpers.ts';

// `versions/list` with `withDefaultDiff` brings the page's first comparison with the first page
// of the history: from the version last reviewed when it is older than the served one, else from
// the newest version shown below it, to the served version.

const { forge, call } = useLocalForge();
const upsmith = loadExample('examples/upsmith-zendesk-sell-for-jsm.yaml');
const exalate = loadExample('examples/exalate-cloud.yaml');
const techtime = loadExample('examples/techtime-user-management.yaml');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function listed(payload: unknown): Promise<any> {
  const answer = await call(RESOLVER_KEYS.listVersions, payload, READER);
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.data;
}

/** What `versions/diff` answers for the same two versions. */
async function diff(from: number, to: number): Promise<unknown> {
  const answer = await call(RESOLVER_KEYS.diffVersions, { from, to }, READER);
  expect(answer.ok).toBe(true);
  return answer.data;
}

async function threeVersions(): Promise<void> {
  await publishDeclaration(upsmith, '1.0.0');
  await publishDeclaration(exalate, '1.1.0');
  await publishDeclaration(techtime, '1.2.0');
}

describe('the default diff', () => {
  it('is null when the served version is the only one', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    expect(await listed({ withDefaultDiff: true })).toMatchObject({ defaultDiff: null });
  });

  it('is absent when not asked for, and on a later page', async () => {
    await threeVersions();
    expect(await listed({})).not.toHaveProperty('defaultDiff');
    expect(await listed({ withDefaultDiff: false })).not.toHaveProperty('defaultDiff');
    const later = await listed({ cursor: '2', withDefaultDiff: true });
    expect(later.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(later).not.toHaveProperty('defaultDiff');
  });

  it('compares with the one before when nothing was reviewed, as versions/diff does', async () => {
    await threeVersions();
    const page = await listed({ withDefaultDiff: true });
    expect(page.defaultDiff).toMatchObject({ from: 2, to: 3 });
    expect(page.defaultDiff).toEqual(await diff(2, 3));
    expect(page.versions).toHaveLength(3);
  });

  it('compares with the version last reviewed when it is older, even off the page', async () => {
    await threeVersions();
    await review(call, forge(), SITE_ADMIN, 1, '2026-11-02T08:00:00.000Z');
    const page = await listed({ withDefaultDiff: true, limit: 1 });
    expect(page.versions.map((v: { version: number }) => v.version)).toEqual([3]);
    expect(page.defaultDiff).toEqual(await diff(1, 3));
  });

  it('compares with the one before once the served version itself was reviewed last', async () => {
    await threeVersions();
    await review(call, forge(), SITE_ADMIN, 1, '2026-11-02T08:00:00.000Z');
    await review(call, forge(), SITE_ADMIN, 3, '2026-11-03T08:00:00.000Z');
    expect((await listed({ withDefaultDiff: true })).defaultDiff).toEqual(await diff(2, 3));
  });

  it('steps over a version number the site was never shown', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    // A damaged record holds number 2: the next publication takes 3.
    await kvs.set(K.meta(2), 'not a record');
    await publishDeclaration(exalate, '1.1.0');
    const page = await listed({ withDefaultDiff: true });
    expect(page.versions.map((v: { version: number }) => v.version)).toEqual([3, 1]);
    expect(page.defaultDiff).toEqual(await diff(1, 3));
  });

  it('is left out (null, and logged) when the older version’s pieces are damaged; the page still lists', async () => {
    await threeVersions();
    const piece = Object.keys(forge().snapshot()).find((key) =>
      key.startsWith(`${K.versionPrefix(2)}chunk:`),
    )!;
    await kvs.set(piece, 'damaged');
    const page = await listed({ withDefaultDiff: true });
    expect(page.defaultDiff).toBeNull();
    expect(page.versions).toHaveLength(3);
    expect(vi.mocked(console.error).mock.calls.flat().join('\n')).toContain(
      'The default comparison was left out',
    );
  });
});
