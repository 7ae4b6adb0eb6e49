import { RESOLVER_KEYS } from '@declaration';
import { canonicalJson, sha256Hex } from '@declaration/canonical.ts';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DEFAULT_KEYS as K } from '../../src/backend/keys.ts';
import { CURRENT_RECORD_VERSION } from '../../src/backend/record-version.ts';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { loadExample } from '../examples/load-example.ts';
import { JIRA_ADMIN_PAGE, READER, useLocalForge } from './forge-harness.ts';

// A record written by a later release (the site downgraded the app afterwards) is refused with
// the reason, by what reads it; it is never called damaged, rebuilt or written over.

const { forge, call } = useLocalForge();
const upsmith = loadExample('examples/upsmith-zendesk-sell-for-jsm.yaml');
const exalate = loadExample('examples/exalate-cloud.yaml');

let errors: MockInstance<typeof console.error>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

/** Two published versions, the newer one reviewed. */
async function twoVersions(): Promise<void> {
  await publishDeclaration(upsmith, '1.0.0');
  await publishDeclaration(exalate, '1.1.0');
  expect((await call(RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE)).ok).toBe(true);
}

/** The record version a later release writes. */
const LATER = CURRENT_RECORD_VERSION + 1;

/** Rewrites a stored record as a later release would have written it. */
async function fromLaterRelease(key: string, recordVersion = LATER): Promise<void> {
  const record = (await kvs.get<Record<string, unknown>>(key))!;
  await kvs.set(key, { ...record, recordVersion, addedLater: true });
}

const CALLS: [string, unknown][] = [
  [RESOLVER_KEYS.getDisclosure, {}],
  [RESOLVER_KEYS.listVersions, {}],
  [RESOLVER_KEYS.getVersion, { version: 1 }],
  [RESOLVER_KEYS.getVersion, { version: 2 }],
  [RESOLVER_KEYS.diffVersions, { from: 1, to: 2 }],
  [RESOLVER_KEYS.markReviewed, { version: 1 }],
];

/** Which of {@link CALLS} answer, and which are refused as newer (nothing else is allowed). */
async function outcomes(): Promise<string[]> {
  const answers: string[] = [];
  for (const [key, payload] of CALLS) {
    const answer = await call(key, payload, JIRA_ADMIN_PAGE);
    if (answer.ok) answers.push(`${key} ok`);
    else {
      expect(answer.error.code).toBe('UNSUPPORTED_VERSION');
      expect(answer.error.message).toMatch(
        /stored by a newer version of the app \(.+\).*Upgrade the app/,
      );
      answers.push(`${key} refused`);
    }
  }
  return answers;
}

describe('a record written by a newer release', () => {
  it('as the pointer: every resolver says to upgrade, and nothing is rebuilt or published', async () => {
    await twoVersions();
    await fromLaterRelease(K.current, LATER + 1);
    const before = forge().snapshot();
    const answer = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'UNSUPPORTED_VERSION',
        message: `The stored value "${K.current}" was stored by a newer version of the app (record version ${LATER + 1}); this version reads up to record version ${CURRENT_RECORD_VERSION}. Upgrade the app to show it. Nothing was changed.`,
      },
    });
    expect(await outcomes()).toEqual(CALLS.map(([key]) => `${key} refused`));
    // The downgraded app's own upgrade event publishes nothing over the newer records.
    await expect(
      publishDeclaration(loadExample('examples/oci-europe-web-service.yaml'), '0.9.0'),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_VERSION' });
    expect(forge().snapshot()).toEqual(before);
  });

  it("as an older version's record: only what reads that version is refused", async () => {
    await twoVersions();
    await fromLaterRelease(K.meta(1));
    expect(await outcomes()).toEqual([
      `${RESOLVER_KEYS.getDisclosure} ok`,
      `${RESOLVER_KEYS.listVersions} refused`,
      `${RESOLVER_KEYS.getVersion} refused`,
      `${RESOLVER_KEYS.getVersion} ok`,
      `${RESOLVER_KEYS.diffVersions} refused`,
      `${RESOLVER_KEYS.markReviewed} refused`,
    ]);
  });

  it("as the served version's publication record: refused, never written again from the pointer", async () => {
    await twoVersions();
    await fromLaterRelease(K.published(2));
    const stored = await kvs.get(K.published(2));
    expect(await outcomes()).toEqual(CALLS.map(([key]) => `${key} refused`));
    expect(await kvs.get(K.published(2))).toEqual(stored);
  });

  it('as the newest review: the page view is refused; the history, versions and diff answer', async () => {
    await twoVersions();
    await fromLaterRelease(K.latestReview);
    const stored = await kvs.get(K.latestReview);
    expect(await outcomes()).toEqual([
      `${RESOLVER_KEYS.getDisclosure} refused`,
      `${RESOLVER_KEYS.listVersions} ok`,
      `${RESOLVER_KEYS.getVersion} ok`,
      `${RESOLVER_KEYS.getVersion} ok`,
      `${RESOLVER_KEYS.diffVersions} ok`,
      // Recording a review writes the newest review: never over one a newer release wrote.
      `${RESOLVER_KEYS.markReviewed} refused`,
    ]);
    expect(await kvs.get(K.latestReview)).toEqual(stored);
  });

  it('as a review in the history: only the history is refused', async () => {
    await twoVersions();
    const [review] = Object.keys(forge().snapshot()).filter((key) =>
      key.startsWith(K.reviewPrefix(2)),
    );
    // A release records a review with the version's review list, in one transaction.
    await fromLaterRelease(review!);
    await fromLaterRelease(K.versionReviews(2));
    expect(await outcomes()).toEqual([
      `${RESOLVER_KEYS.getDisclosure} ok`,
      `${RESOLVER_KEYS.listVersions} refused`,
      `${RESOLVER_KEYS.getVersion} ok`,
      `${RESOLVER_KEYS.getVersion} ok`,
      `${RESOLVER_KEYS.diffVersions} ok`,
      `${RESOLVER_KEYS.markReviewed} ok`,
    ]);
  });

  it('as a declaration in a newer format: that version is refused, naming the format', async () => {
    await twoVersions();
    // Version 1 as a later release would store it: schemaVersion 3, its records on that hash.
    const json = canonicalJson({ ...structuredClone(upsmith), schemaVersion: 3 });
    const hash = await sha256Hex(json);
    for (const key of Object.keys(forge().snapshot())) {
      if (key.startsWith(`${K.versionPrefix(1)}chunk:`)) await kvs.delete(key);
    }
    await kvs.set(K.chunk(1, hash, 0), json);
    for (const key of [K.meta(1), K.published(1)]) {
      const record = (await kvs.get<{ meta: object }>(key))!;
      await kvs.set(key, { ...record, meta: { ...record.meta, contentHash: hash }, chunkCount: 1 });
    }
    const answer = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER);
    expect(answer.error).toEqual({
      code: 'UNSUPPORTED_VERSION',
      message:
        'The stored declaration of version 1 was stored by a newer version of the app (declaration format 3); this version reads up to declaration format 2. Upgrade the app to show it. Nothing was changed.',
    });
    expect(await outcomes()).toEqual([
      `${RESOLVER_KEYS.getDisclosure} ok`,
      `${RESOLVER_KEYS.listVersions} ok`,
      `${RESOLVER_KEYS.getVersion} refused`,
      `${RESOLVER_KEYS.getVersion} ok`,
      `${RESOLVER_KEYS.diffVersions} refused`,
      `${RESOLVER_KEYS.markReviewed} ok`,
    ]);
  });

  it('is logged for the vendor, as damage is', async () => {
    await twoVersions();
    await fromLaterRelease(K.current);
    await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(errors.mock.calls.flat().join('\n')).toContain('stored by a newer version of the app');
  });
});

describe('a record with a record version that is not a number', () => {
  it('is damage: the pointer is rebuilt and the page answers', async () => {
    await twoVersions();
    await fromLaterRelease(K.current);
    const record = (await kvs.get<Record<string, unknown>>(K.current))!;
    await kvs.set(K.current, { ...record, recordVersion: 'two' });
    const answer = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(answer.ok).toBe(true);
    expect(answer.data.version.version).toBe(2);
    expect(await kvs.get(K.current)).toMatchObject({ recordVersion: CURRENT_RECORD_VERSION });
  });
});
