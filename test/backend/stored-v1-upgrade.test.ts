import { RESOLVER_KEYS, type Declaration } from '@declaration';
import { parseDeclaration } from '@declaration/parse.ts';
import { CURRENT_SCHEMA_VERSION } from '@declaration/schema/declaration.ts';
import { kvs } from '@forge/kvs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DECLARATION } from '../../src/backend/bundled-declaration.generated.ts';
import { DEFAULT_KEYS } from '../../src/backend/keys.ts';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { CURRENT_RECORD_VERSION } from '../../src/backend/record-version.ts';
import { loadExample } from '../examples/load-example.ts';
import { JIRA_ADMIN_PAGE, READER, SITE_ADMIN, useLocalForge } from './forge-harness.ts';
import { reviewAsRelease01, storeAsRelease01, versionOneDocument } from './release-0.1-storage.ts';

const { forge, call } = useLocalForge();

/** Each version-1 fixture and the declaration in format 2 its upgrade ships. */
const UPGRADES: [string, () => Declaration][] = [
  ['exalate-cloud.yaml', () => loadExample('examples/exalate-cloud.yaml')],
  ['oci-europe-web-service.yaml', () => loadExample('examples/oci-europe-web-service.yaml')],
  [
    'open-source-consulting-apps.yaml',
    () => loadExample('examples/open-source-consulting-apps.yaml'),
  ],
  ['techtime-user-management.yaml', () => loadExample('examples/techtime-user-management.yaml')],
  [
    'upsmith-zendesk-sell-for-jsm.yaml',
    () => loadExample('examples/upsmith-zendesk-sell-for-jsm.yaml'),
  ],
  ['privacy-disclosure.yaml', () => BUNDLED_DECLARATION],
];

const PERSONAL = new Set(['yes', 'no', 'may-contain', 'not-stated']);

describe('a site that stored a version-1 declaration before record versions', () => {
  it('serves it in format 2 before the upgrade, its hash verified against the bytes stored', async () => {
    const document = versionOneDocument('exalate-cloud.yaml');
    await storeAsRelease01(document, 1, '2026-06-01T09:00:00.000Z');
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.ok).toBe(true);
    expect(view.data.declaration.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const first = (document.dataCategories as { id: string; personal: boolean }[])[0]!;
    const served = view.data.declaration.dataCategories.find(
      (category: { id: string }) => category.id === first.id,
    );
    expect(served.personal).toBe(first.personal ? 'yes' : 'no');
  });

  it.each(UPGRADES)(
    '%s: after the upgrade to format 2 every resolver answers, and v1 and v2 versions compare',
    async (name, upgraded) => {
      const before = await storeAsRelease01(
        versionOneDocument(name),
        1,
        '2026-06-01T09:00:00.000Z',
      );
      await reviewAsRelease01(1, SITE_ADMIN.accountId, '2026-06-02T10:00:00.000Z');

      const result = await publishDeclaration(upgraded(), '0.2.0');
      expect(result).toMatchObject({ published: true, version: { version: 2 } });

      const view = await call(RESOLVER_KEYS.getDisclosure, {}, JIRA_ADMIN_PAGE);
      expect(view.ok).toBe(true);
      expect(view.data.version.version).toBe(2);
      expect(view.data.declaration.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      // The review the earlier release recorded, read without a record version.
      expect(view.data.review.lastReviewed).toEqual({
        version: 1,
        accountId: SITE_ADMIN.accountId,
        reviewedAt: '2026-06-02T10:00:00.000Z',
      });

      const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
      expect(list.ok).toBe(true);
      expect(
        list.data.versions.map((v: { version: number; reviews: unknown[] }) => [
          v.version,
          v.reviews.length,
        ]),
      ).toEqual([
        [2, 0],
        [1, 1],
      ]);

      const old = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER);
      expect(old.ok).toBe(true);
      expect(old.data.version.contentHash).toBe(before.contentHash);
      expect(old.data.declaration.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      for (const category of old.data.declaration.dataCategories) {
        expect(PERSONAL.has(category.personal)).toBe(true);
      }

      const diff = await call(RESOLVER_KEYS.diffVersions, { from: 1, to: 2 }, READER);
      expect(diff.ok).toBe(true);
      expect(diff.data).toMatchObject({ from: 1, to: 2 });
      const back = await call(RESOLVER_KEYS.diffVersions, { from: 2, to: 1 }, READER);
      expect(back.ok).toBe(true);
      expect(back.data.counts).toEqual({
        added: diff.data.counts.removed,
        removed: diff.data.counts.added,
        changed: diff.data.counts.changed,
      });

      for (const version of [1, 2]) {
        const marked = await call(RESOLVER_KEYS.markReviewed, { version }, JIRA_ADMIN_PAGE);
        expect(marked.ok).toBe(true);
        expect(marked.data.review).not.toHaveProperty('recordVersion');
      }

      // The version-1 pieces are never rewritten: what was reviewed is what is stored.
      for (const [key, piece] of before.pieces) expect(await kvs.get(key)).toBe(piece);
      const stored = forge().snapshot();
      expect(stored[DEFAULT_KEYS.meta(1)]).not.toHaveProperty('recordVersion');
      for (const key of [DEFAULT_KEYS.meta(2), DEFAULT_KEYS.current, DEFAULT_KEYS.latestReview]) {
        expect(stored[key]).toMatchObject({ recordVersion: CURRENT_RECORD_VERSION });
      }
    },
  );

  it('publishes nothing again when the upgrade ships the same file, still in format 1', async () => {
    // The content hash is of the migrated declaration: the file unchanged is the same content.
    const parsed = parseDeclaration(versionOneDocument('upsmith-zendesk-sell-for-jsm.yaml'));
    if (!parsed.ok) throw new Error('the version-1 fixture does not validate');
    await publishDeclaration(versionOneDocument('upsmith-zendesk-sell-for-jsm.yaml'), '0.2.0');
    const again = await publishDeclaration(parsed.declaration, '0.2.1');
    expect(again).toMatchObject({ published: false, version: { version: 1 } });
  });

  it.each(UPGRADES.map(([name]) => name))(
    '%s: an upgrade that only brings the stored version-1 file to format 2 publishes nothing new',
    async (name) => {
      // Stored by the earlier release as its version-1 bytes, hashed as such.
      await storeAsRelease01(versionOneDocument(name), 1, '2026-06-01T09:00:00.000Z');
      const same = await publishDeclaration(versionOneDocument(name), '0.2.0');
      expect(same).toMatchObject({ published: false, version: { version: 1 } });
      const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
      expect(list.data.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    },
  );

  it('publishes a new version when the format-2 file also changes a fact', async () => {
    const document = versionOneDocument('exalate-cloud.yaml');
    await storeAsRelease01(document, 1, '2026-06-01T09:00:00.000Z');
    const parsed = parseDeclaration(document);
    if (!parsed.ok) throw new Error('the version-1 fixture does not validate');
    const changed = structuredClone(parsed.declaration);
    changed.dataCategories[0]!.residency = 'global';
    expect(await publishDeclaration(changed, '0.2.0')).toMatchObject({
      published: true,
      version: { version: 2 },
    });
  });
});
