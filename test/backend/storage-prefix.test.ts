import { RESOLVER_KEYS } from '@declaration';
import { kvs } from '@forge/kvs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DECLARATION } from '../../src/backend/bundled-declaration.generated.ts';
import { createDisclosureBackend } from '../../src/backend/create-backend.ts';
import { upgradedOwnDeclaration } from './fixtures.ts';
import { MEMBER, SITE_ADMIN, useLocalForge, type As } from './forge-harness.ts';
import { recordStorageAccess } from './storage-recorder.ts';

const { forge, call } = useLocalForge();

/** Keys a vendor's own app stores, some of them named like the disclosure's used to be. */
const VENDOR_KEYS: Record<string, unknown> = {
  'head:current': { sprint: 42, board: 'ACME' },
  'v:1': 'the vendor app schema, version 1',
  'meta:x': { installedBy: 'acme-admin', features: ['sync', 'export'] },
  'review:queue': [{ issue: 'ACME-1' }],
  'privacy-disclosure-settings': { theme: 'dark' },
  'privacy-disclosure': 'no colon: not under the prefix',
};

const ADMIN_PAGE = 'acme-jira-admin';
const VENDOR_ADMIN: As = { moduleKey: ADMIN_PAGE, user: SITE_ADMIN };
const VENDOR_READER: As = { moduleKey: 'acme-issue-panel', user: MEMBER };

/** A vendor's app embedding the disclosure, as installed and then upgraded. */
function vendorBackends(keyPrefix?: string) {
  const options = {
    adminModuleKeys: { jira: [ADMIN_PAGE] },
    ...(keyPrefix === undefined ? {} : { keyPrefix }),
  };
  return {
    installed: createDisclosureBackend({ ...options, declaration: BUNDLED_DECLARATION }),
    upgraded: createDisclosureBackend({ ...options, declaration: upgradedOwnDeclaration() }),
  };
}

async function seedVendorKeys(): Promise<void> {
  for (const [key, value] of Object.entries(VENDOR_KEYS)) await kvs.set(key, value);
}

function vendorKeysNow(): Record<string, unknown> {
  const snapshot = forge().snapshot();
  return Object.fromEntries(Object.keys(VENDOR_KEYS).map((key) => [key, snapshot[key]]));
}

describe.each([
  ['the default prefix', undefined, 'privacy-disclosure:'],
  ['a prefix the vendor chose', 'acme-app:privacy:', 'acme-app:privacy:'],
])('with %s, the disclosure touches no key outside it', (_name, keyPrefix, expected) => {
  it('through install, page view, upgrade, diff and review', async () => {
    await seedVendorKeys();
    const before = JSON.stringify(vendorKeysNow());
    const { installed, upgraded } = vendorBackends(keyPrefix);
    expect(installed.keyPrefix).toBe(expected);
    const recorder = recordStorageAccess();
    try {
      await installed.lifecycle({ app: { version: '3.4.0' } });
      const view = await call(RESOLVER_KEYS.getDisclosure, {}, VENDOR_READER, installed.handler);
      expect(view).toMatchObject({ ok: true, data: { version: { version: 1 }, canReview: false } });

      await upgraded.lifecycle({ app: { version: '3.5.0' } });
      const list = await call(RESOLVER_KEYS.listVersions, {}, VENDOR_READER, upgraded.handler);
      expect(list.data.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const diff = await call(
        RESOLVER_KEYS.diffVersions,
        { from: 1, to: 2 },
        VENDOR_READER,
        upgraded.handler,
      );
      expect(diff.data.counts.added).toBe(1);
      const review = await call(
        RESOLVER_KEYS.markReviewed,
        { version: 2 },
        VENDOR_ADMIN,
        upgraded.handler,
      );
      expect(review).toMatchObject({ ok: true, data: { review: { version: 2 } } });
      const after = await call(RESOLVER_KEYS.getDisclosure, {}, VENDOR_ADMIN, upgraded.handler);
      expect(after.data.review.current).toEqual(review.data.review);
    } finally {
      recorder.stop();
    }

    const touched = recorder.accesses.flatMap((access) => access.keys);
    expect(touched.length).toBeGreaterThan(10);
    expect(touched.filter((key) => !key.startsWith(expected))).toEqual([]);
    expect(new Set(recorder.accesses.map((access) => access.op))).toEqual(
      new Set(['query', 'get', 'batch/get', 'set', 'transaction']),
    );
    expect(JSON.stringify(vendorKeysNow())).toBe(before);
    const stored = Object.keys(forge().snapshot()).filter((key) => !(key in VENDOR_KEYS));
    expect(stored.filter((key) => !key.startsWith(expected))).toEqual([]);
  });
});

describe('the key prefix option', () => {
  const declaration = BUNDLED_DECLARATION;
  const adminModuleKeys = { jira: [ADMIN_PAGE] };
  const refused = (keyPrefix: unknown) => () =>
    createDisclosureBackend({ declaration, adminModuleKeys, keyPrefix: keyPrefix as string });

  it('refuses a prefix Forge would not accept, or one that shares keys with the app', () => {
    expect(refused('')).toThrow(/keyPrefix must not be empty/);
    expect(refused('acme privacy:')).toThrow(
      /keyPrefix may only contain .*" " \(U\+0020\) at position 5/,
    );
    expect(refused('acme/privacy:')).toThrow(/"\/" \(U\+002F\) at position 5/);
    expect(refused('acme-privacy')).toThrow(/keyPrefix must end with ":"/);
    expect(refused(`${'a'.repeat(200)}:`)).toThrow(/is 201 characters long; at most 200/);
    expect(refused(42)).toThrow(/keyPrefix must be a string, got number/);
  });

  it('keeps the longest key within Forge’s 500 characters and key rule', async () => {
    const keyPrefix = `${'acme.app_v2-#'.repeat(15)}${'x'.repeat(4)}:`;
    expect(keyPrefix).toHaveLength(200);
    const backend = createDisclosureBackend({ declaration, adminModuleKeys, keyPrefix });
    const longest = {
      accountId: `557058:${'f'.repeat(121)}`,
      jiraAdmin: true,
      confluenceAdmin: true,
    };
    forge().setUser(longest);
    await backend.lifecycle({ app: { version: '1.0.0' } });
    const review = await call(
      RESOLVER_KEYS.markReviewed,
      { version: 1 },
      { moduleKey: ADMIN_PAGE, user: longest },
      backend.handler,
    );
    expect(review.ok).toBe(true);
    const keys = Object.keys(forge().snapshot());
    const reviewKey = keys.find((key) => key.includes(':review:'))!;
    expect(reviewKey.length).toBeGreaterThan(360);
    for (const key of keys) {
      expect(key.length).toBeLessThanOrEqual(500);
      expect(key).toMatch(/^[a-zA-Z0-9:._\s\-#]+$/);
    }
  });
});
