import { RESOLVER_KEYS, type MaterialChanges } from '@declaration';
import { materialChanges } from '@declaration/material.ts';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DEFAULT_KEYS as K } from '../../src/backend/keys.ts';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { CURRENT_RECORD_VERSION, currentRecord } from '../../src/backend/record-version.ts';
import { parseStored, StoredVersionRecord } from '../../src/backend/records.ts';
import { loadExample } from '../examples/load-example.ts';
import { JIRA_ADMIN_PAGE, READER, SITE_ADMIN, useLocalForge } from './forge-harness.ts';
import { recordStorageAccess } from './storage-recorder.ts';
import { MAX_MATERIAL_CHANGES } from '../../src/backend/stored-material.ts';

// The upgrade of the fixture pair moves TechTime's cloud backend to AWS in Australia, adds AWS as
// a subprocessor and keeps order information at least seven years: published through the real
// backend over the local KVS, the new version keeps those changes and the resolvers serve them.

const { forge, call } = useLocalForge();
const before = loadExample('test/fixtures/upgrades/techtime-v1.yaml');
const after = loadExample('test/fixtures/upgrades/techtime-v2.yaml');

let errors: MockInstance<typeof console.error>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

const logged = () => errors.mock.calls.flat().join('\n');

/** Version 1 reviewed by an admin, then the upgrade published as version 2. */
async function upgraded(): Promise<void> {
  await publishDeclaration(before, '1.0.0');
  expect((await call(RESOLVER_KEYS.markReviewed, { version: 1 }, JIRA_ADMIN_PAGE)).ok).toBe(true);
  expect(await publishDeclaration(after, '1.1.0')).toMatchObject({
    published: true,
    version: { version: 2 },
  });
}

/** The three changes the upgrade makes, as the page will word them. */
const THE_UPGRADE = [
  expect.objectContaining({
    kind: 'hosting',
    change: 'changed',
    location: "TechTime's backend for the cloud apps",
    provider: { before: 'TechTime', after: 'Amazon Web Services' },
    ref: { section: 'locations', key: 'techtime-cloud-backend' },
  }),
  expect.objectContaining({
    kind: 'recipient',
    change: 'added',
    recipientKind: 'subprocessor',
    name: 'Amazon Web Services',
    ref: { section: 'recipients', key: 'aws' },
  }),
  expect.objectContaining({
    kind: 'retention',
    change: 'longer',
    before: { basis: 'until-deletion-request', period: null },
    after: { basis: 'fixed-period', period: 'P7Y', bound: 'at-least' },
    ref: { section: 'retention', key: 'marketplace-orders' },
  }),
];

describe('material changes kept at publication', () => {
  it('are stored with the upgraded version, against the version served before it', async () => {
    await upgraded();
    const stored = forge().snapshot();
    const record = stored[K.meta(2)] as { recordVersion: number; material: MaterialChanges };
    expect(record.recordVersion).toBe(CURRENT_RECORD_VERSION);
    expect(record.material).toEqual({ from: 1, changes: materialChanges(before, after) });
    expect(record.material.changes).toEqual(expect.arrayContaining(THE_UPGRADE));
    // The publication record and the pointer copy the version record, material changes included.
    expect(stored[K.published(2)]).toMatchObject({ material: record.material });
    expect(stored[K.current]).toMatchObject({ material: record.material });
    // Version 1 followed nothing.
    expect(stored[K.meta(1)]).not.toHaveProperty('material');
  });

  it('are served by disclosure/get for the current version, null for version 1', async () => {
    await publishDeclaration(before, '1.0.0');
    const first = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(first.ok).toBe(true);
    expect(first.data.material).toBeNull();

    await publishDeclaration(after, '1.1.0');
    forge().stats.reset();
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, JIRA_ADMIN_PAGE);
    expect(view.data.version.version).toBe(2);
    expect(view.data.material.from).toBe(1);
    expect(view.data.material.changes).toEqual(expect.arrayContaining(THE_UPGRADE));
    // Still two storage requests: the pointer copies them.
    expect(forge().stats.storageCalls).toBeLessThanOrEqual(2);
  });

  it('mark each row of versions/list, read from the records the list reads anyway', async () => {
    await upgraded();
    const recorder = recordStorageAccess();
    let list;
    try {
      list = await call(RESOLVER_KEYS.listVersions, {}, READER);
    } finally {
      recorder.stop();
    }
    expect(list.ok).toBe(true);
    const [second, first] = list.data.versions;
    expect(second).toMatchObject({ version: 2, reviews: [] });
    expect(second.material.changes).toEqual(expect.arrayContaining(THE_UPGRADE));
    expect(first).toMatchObject({ version: 1, material: null });
    expect(first.reviews).toEqual([expect.objectContaining({ accountId: SITE_ADMIN.accountId })]);
    // The head, then in one batch its publication record and per row its review list, its newest
    // review and (but for the current version, which the pointer copies) its record: nothing more
    // for the material changes.
    expect(recorder.accesses.map((access) => access.op)).toEqual(['query', 'batch/get']);
    expect(recorder.accesses.flatMap((access) => access.keys).sort()).toEqual(
      [
        K.headPrefix,
        K.published(2),
        K.meta(1),
        K.versionReviews(1),
        K.versionLatestReview(1),
        K.versionReviews(2),
        K.versionLatestReview(2),
      ].sort(),
    );
  });

  it('are not written again when the same declaration is published again', async () => {
    await upgraded();
    const stored = forge().snapshot();
    const recorder = recordStorageAccess();
    try {
      expect(await publishDeclaration(after, '1.1.1')).toMatchObject({
        published: false,
        version: { version: 2, appVersion: '1.1.0' },
      });
    } finally {
      recorder.stop();
    }
    expect(recorder.accesses.map((access) => access.op)).not.toContain('set');
    expect(recorder.accesses.map((access) => access.op)).not.toContain('transaction');
    expect(forge().snapshot()).toEqual(stored);
  });

  it('compare with the version served, not the one before it in number', async () => {
    await upgraded();
    const third = structuredClone(before);
    third.policy.version = '2026-12-20';
    await publishDeclaration(third, '1.2.0');
    const record = forge().snapshot()[K.meta(3)] as { material: MaterialChanges };
    expect(record.material).toEqual({ from: 2, changes: materialChanges(after, third) });
    // Going back undoes the upgrade: the subprocessor goes, named from version 2.
    expect(record.material.changes).toContainEqual(
      expect.objectContaining({
        kind: 'recipient',
        change: 'removed',
        name: 'Amazon Web Services',
      }),
    );
  });
});

describe('a served version that cannot be loaded', () => {
  it('does not block the upgrade: it is published without material changes, and the log says why', async () => {
    await publishDeclaration(before, '1.0.0');
    expect((await call(RESOLVER_KEYS.markReviewed, { version: 1 }, JIRA_ADMIN_PAGE)).ok).toBe(true);
    const [piece] = Object.keys(forge().snapshot()).filter((key) =>
      key.startsWith(`${K.versionPrefix(1)}chunk:`),
    );
    await kvs.set(piece!, '{"schemaVersion": 2, "vendor": ');

    expect(await publishDeclaration(after, '1.1.0')).toMatchObject({
      published: true,
      version: { version: 2 },
    });
    expect(forge().snapshot()[K.meta(2)]).not.toHaveProperty('material');
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, JIRA_ADMIN_PAGE);
    expect(view.data.version.version).toBe(2);
    expect(view.data.material).toBeNull();
    const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
    expect(list.data.versions[0]).toMatchObject({ version: 2, material: null });

    expect(logged()).toContain(
      'Version 1 cannot be loaded (The stored declaration of version 1 is damaged',
    );
    expect(logged()).toContain('the next version is published without its material changes.');
    expect(logged()).not.toContain(SITE_ADMIN.accountId);
  });
});

describe('more material changes than a version record keeps', () => {
  it('publish the version without them, and the log says so', async () => {
    await publishDeclaration(before, '1.0.0');
    const crowded = structuredClone(after);
    // Every subprocessor a large vendor might list, and more: each one a change of its own.
    for (let index = 1; index <= MAX_MATERIAL_CHANGES; index += 1) {
      crowded.recipients.push({
        id: `hosting-partner-${index}`,
        name: `Hosting partner ${index}`,
        kind: 'subprocessor',
        category: 'infrastructure',
        purpose: 'Hosts a copy of the backend.',
      });
    }
    expect(await publishDeclaration(crowded, '1.1.0')).toMatchObject({
      published: true,
      version: { version: 2 },
    });
    expect(forge().snapshot()[K.meta(2)]).not.toHaveProperty('material');
    expect(logged()).toContain('The material changes since version 1 were not kept (');
    expect(logged()).toContain(' at material.changes); the version is published without them.');
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.material).toBeNull();
  });
});

describe('stored material changes read back', () => {
  /** Version 1's record with `material` as given, stored where it was. */
  async function withMaterial(material: unknown): Promise<void> {
    const record = (await kvs.get<Record<string, unknown>>(K.meta(1)))!;
    await kvs.set(K.meta(1), { ...record, material });
  }

  it.each([
    [
      'a change of a kind there is none of',
      { from: 1, changes: [{ kind: 'colour', ref: null }] },
      'material.changes.0.kind',
    ],
    [
      'a recipient named by its id',
      {
        from: 1,
        changes: [{ kind: 'recipient', change: 'added', recipientKind: 'subprocessor', id: 'aws' }],
      },
      'material.changes.0.name',
    ],
    [
      'a retention period in words',
      {
        from: 1,
        changes: [
          {
            kind: 'retention',
            change: 'longer',
            name: 'Orders',
            before: { basis: 'until-deletion-request', period: null },
            after: { basis: 'fixed-period', period: 'seven years' },
            ref: null,
          },
        ],
      },
      'material.changes.0.after.period',
    ],
    ['a version compared with none', { from: 0, changes: [] }, 'material.from'],
  ])('with %s are damage, naming the key and the field', async (_what, material, path) => {
    await upgraded();
    await withMaterial(material);
    const answer = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER);
    expect(answer.ok).toBe(false);
    expect(answer.error.code).toBe('CORRUPT_DATA');
    expect(answer.error.message).toContain(`"${K.meta(1)}"`);
    expect(answer.error.message).toContain(` at ${path}`);
    // The history leaves the damaged version out and says so; the current one still answers.
    const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
    expect(list.data.versions.map((row: { version: number }) => row.version)).toEqual([2]);
    expect(logged()).toContain(`The history leaves out version 1`);
  });

  it('are part of what the pointer copies: a pointer whose changes differ is rebuilt', async () => {
    await upgraded();
    const pointer = (await kvs.get<Record<string, unknown>>(K.current))!;
    await kvs.set(K.current, { ...pointer, material: { from: 1, changes: [] } });
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.material.changes).toEqual(expect.arrayContaining(THE_UPGRADE));
    expect(await kvs.get(K.current)).toEqual(pointer);
  });

  it('of a later record version are refused as newer, never called damage', async () => {
    await upgraded();
    const record = (await kvs.get<Record<string, unknown>>(K.meta(1)))!;
    const later = CURRENT_RECORD_VERSION + 1;
    await kvs.set(K.meta(1), { ...record, recordVersion: later, material: { since: 'v0' } });
    const answer = await call(RESOLVER_KEYS.listVersions, {}, READER);
    expect(answer.error).toEqual({
      code: 'UNSUPPORTED_VERSION',
      message: `The stored value "${K.meta(1)}" was stored by a newer version of the app (record version ${later}); this version reads up to record version ${CURRENT_RECORD_VERSION}. Upgrade the app to show it. Nothing was changed.`,
    });
  });

  it('are why an earlier release refuses the new records as newer instead of damaged', async () => {
    await upgraded();
    const stored = forge().snapshot()[K.meta(2)];
    // A release that reads up to record version 1 (no material changes) reading this one.
    const read = currentRecord(`value "${K.meta(2)}"`, stored, [], 1);
    expect(read.ok).toBe(false);
    if (read.ok || typeof read.error === 'string') throw new Error('not refused as newer');
    expect(read.error.code).toBe('UNSUPPORTED_VERSION');
    // This release reads both: the new record, and one stored before material changes existed.
    expect(parseStored(StoredVersionRecord, K.meta(2), stored).ok).toBe(true);
    const {
      recordVersion: _version,
      material: _material,
      ...older
    } = stored as Record<string, unknown>;
    const read1 = parseStored(StoredVersionRecord, K.meta(2), older);
    expect(read1.ok && read1.data.material).toBeUndefined();
    expect(read1.ok && read1.data.meta.version).toBe(2);
  });
});
