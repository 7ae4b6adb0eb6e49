import { RESOLVER_KEYS, type Declaration } from '@declaration';
import { canonicalJson, sha256Hex } from '@declaration/canonical.ts';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDisclosureBackend } from '../../src/backend/create-backend.ts';
import { OWN_ADMIN_MODULE_KEYS } from '../../src/backend/module-keys.ts';
import { lifecycle } from '../../src/index.ts';
import { loadExample } from '../examples/load-example.ts';
import { upgradedOwnDeclaration } from './fixtures.ts';
import { CONFLUENCE_ADMIN, READER, SITE_ADMIN, useLocalForge } from './forge-harness.ts';
import { recordStorageAccess } from './storage-recorder.ts';

// This app's own installs up to 0.1.0 stored the disclosure under bare keys. After the upgrade
// that brings the prefix, the site keeps every version and review it had.

const { forge, call } = useLocalForge();
const upsmith = loadExample('examples/upsmith-zendesk-sell-for-jsm.yaml');
const exalate = loadExample('examples/exalate-cloud.yaml');

const pad = (version: number) => String(version).padStart(7, '0');

/** Writes what release 0.1.0 stored after publishing `declarations` in order. */
async function storeAsRelease010(declarations: Declaration[]) {
  let record: unknown;
  for (const [index, declaration] of declarations.entries()) {
    const version = index + 1;
    const json = canonicalJson(declaration);
    const contentHash = await sha256Hex(json);
    const pieces = json.match(/[\s\S]{1,40000}/g)!;
    for (const [piece, text] of pieces.entries()) {
      await kvs.set(
        `v:${pad(version)}:chunk:${contentHash}:${String(piece).padStart(3, '0')}`,
        text,
      );
    }
    record = {
      meta: {
        version,
        contentHash,
        publishedAt: `2026-0${version}-01T09:00:00.000Z`,
        appVersion: `0.${version}.0`,
        policyVersion: declaration.policy.version,
        lastUpdated: declaration.policy.lastUpdated,
      },
      chunkCount: pieces.length,
    };
    await kvs.set(`meta:${pad(version)}`, record);
  }
  await kvs.set('head:current', record);
  const reviews = [
    { version: 1, accountId: CONFLUENCE_ADMIN.accountId, reviewedAt: '2026-01-15T10:00:00.000Z' },
    { version: 2, accountId: SITE_ADMIN.accountId, reviewedAt: '2026-02-15T10:00:00.000Z' },
  ];
  for (const review of reviews) {
    await kvs.set(`review:${pad(review.version)}:${review.reviewedAt}:${review.accountId}`, review);
    await kvs.set(`v:${pad(review.version)}:latest-review`, review);
  }
  await kvs.set('head:latest-review', reviews[1]);
  return reviews;
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('storage from before the key prefix', () => {
  it('is copied under the prefix on the first page view, with every review, and left in place', async () => {
    const [first, second] = await storeAsRelease010([upsmith, exalate]);
    const old = forge().snapshot();

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.version).toMatchObject({ version: 2, appVersion: '0.2.0' });
    expect(view.data.declaration).toEqual(exalate);
    expect(view.data.review).toEqual({ current: second, lastReviewed: second });
    const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
    expect(
      list.data.versions.map((v: { version: number; reviews: unknown[] }) => [
        v.version,
        v.reviews,
      ]),
    ).toEqual([
      [2, [second]],
      [1, [first]],
    ]);
    const diff = await call(RESOLVER_KEYS.diffVersions, { from: 1, to: 2 }, READER);
    expect(diff.ok).toBe(true);

    const now = forge().snapshot();
    for (const [key, value] of Object.entries(old)) expect(now[key], key).toEqual(value);
    expect(Object.keys(now).filter((key) => key.startsWith('privacy-disclosure:'))).toEqual(
      expect.arrayContaining([
        'privacy-disclosure:head:current',
        'privacy-disclosure:meta:0000001',
        'privacy-disclosure:meta:0000002',
        `privacy-disclosure:review:0000001:${first!.reviewedAt}:${first!.accountId}`,
        'privacy-disclosure:migration:bare-keys',
      ]),
    );
  });

  it('is copied once: later views and the next upgrade read only the prefix', async () => {
    await storeAsRelease010([upsmith]);
    await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    // Even when the pointer under the prefix is lost later, the old keys are not read again.
    await kvs.delete('privacy-disclosure:head:current');

    const recorder = recordStorageAccess();
    try {
      expect((await call(RESOLVER_KEYS.getDisclosure, {}, READER)).data.version.version).toBe(1);
      const next = createDisclosureBackend({
        declaration: upgradedOwnDeclaration(),
        adminModuleKeys: OWN_ADMIN_MODULE_KEYS,
        migrateBareKeys: true,
      });
      expect((await next.lifecycle({ app: { version: '0.3.0' } })).version.version).toBe(2);
    } finally {
      recorder.stop();
    }
    const touched = recorder.accesses.flatMap((access) => access.keys);
    expect(touched.filter((key) => !key.startsWith('privacy-disclosure:'))).toEqual([]);
  });

  it('is not looked for again once a fresh install has published under the prefix', async () => {
    await lifecycle({ app: { version: '1.0.0' } });
    await kvs.set('head:current', { unrelated: true });
    const recorder = recordStorageAccess();
    try {
      await kvs.delete('privacy-disclosure:head:current');
      expect((await call(RESOLVER_KEYS.getDisclosure, {}, READER)).data.version.version).toBe(1);
    } finally {
      recorder.stop();
    }
    const touched = recorder.accesses.flatMap((access) => access.keys);
    expect(touched.filter((key) => !key.startsWith('privacy-disclosure:'))).toEqual([]);
  });
});
