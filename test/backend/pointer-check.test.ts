import { RESOLVER_KEYS } from '@declaration';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishDeclaration } from '../../src/backend/publish.ts';
import type { StoredPublication, StoredVersionRecord } from '../../src/backend/records.ts';
import { lifecycle } from '../../src/index.ts';
import { loadExample } from '../examples/load-example.ts';
import { READER, useLocalForge } from './forge-harness.ts';

// The pointer to the served version is a copy of that version's records. One wrong value in it
// must neither lock the site out of its disclosure nor show one version's declaration as another.

const { forge, call } = useLocalForge();
const exalate = loadExample('examples/exalate-cloud.yaml');
const P = 'privacy-disclosure:';
const CURRENT = `${P}head:current`;

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

const logged = () => vi.mocked(console.error).mock.calls.join('\n');

/** The app's own declaration as version 1 (from the install event), Exalate's as version 2. */
async function twoVersions() {
  await lifecycle({ app: { version: '1.0.0' } });
  await publishDeclaration(exalate, '1.1.0');
  const first = (await kvs.get<StoredVersionRecord>(`${P}meta:0000001`))!;
  const second = (await kvs.get<StoredPublication>(CURRENT))!;
  return { first, second };
}

type Damage = (pointer: StoredPublication, first: StoredVersionRecord) => unknown;

const DAMAGED_POINTERS: [string, Damage][] = [
  ['names a version that has no record', (p) => ({ ...p, meta: { ...p.meta, version: 5 } })],
  [
    'names a version that has no record, listing it as shown',
    (p) => ({
      ...p,
      meta: { ...p.meta, version: 5 },
      published: [
        [1, 2],
        [5, 5],
      ],
    }),
  ],
  [
    "carries version 1's content hash and pieces",
    (p, first) => ({
      ...p,
      meta: { ...p.meta, contentHash: first.meta.contentHash },
      chunkCount: first.chunkCount,
    }),
  ],
  [
    'carries another time of publication',
    (p) => ({ ...p, meta: { ...p.meta, publishedAt: '2026-01-01T00:00:00.000Z' } }),
  ],
  ['lists other versions as shown', (p) => ({ ...p, published: [[2, 2]] })],
];

describe.each([
  ['a page view', RESOLVER_KEYS.getDisclosure, {}],
  ['the history', RESOLVER_KEYS.listVersions, {}],
  ['the history with the default diff', RESOLVER_KEYS.listVersions, { withDefaultDiff: true }],
])(
  'a pointer that disagrees with the records it copies, met first by %s,',
  (_name, first, payload) => {
    it.each(DAMAGED_POINTERS)(
      '%s: is rebuilt, and version 2 is served as stored',
      async (_n, damage) => {
        const versions = await twoVersions();
        await kvs.set(CURRENT, damage(versions.second, versions.first));

        const answer = await call(first, payload, READER);
        expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
        if (first === RESOLVER_KEYS.listVersions) {
          expect(answer.data.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
          expect(answer.data.versions[0]).toMatchObject(versions.second.meta);
        }
        if ('withDefaultDiff' in payload)
          expect(answer.data.defaultDiff).toMatchObject({ from: 1, to: 2 });
        expect(await kvs.get(CURRENT)).toEqual(versions.second);
        expect(await kvs.get(`${P}v:0000002:published`)).toEqual(versions.second);
        expect(logged()).toMatch(/privacy-disclosure:head:current/);

        const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
        expect(view.data.version).toEqual(versions.second.meta);
        expect(view.data.declaration).toEqual(exalate);
        const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
        expect(list.data.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

        // No pieces were written for version 2 under another version's hash.
        const pieces = Object.keys(forge().snapshot()).filter((key) =>
          key.startsWith(`${P}v:0000002:chunk:`),
        );
        expect(pieces.every((key) => key.includes(versions.second.meta.contentHash))).toBe(true);

        // Repaired once: the next page view is back to two storage requests.
        forge().stats.reset();
        await call(RESOLVER_KEYS.getDisclosure, {}, READER);
        expect(forge().stats.storageCalls).toBeLessThanOrEqual(2);
      },
    );
  },
);

describe('a publication record of the served version', () => {
  it('that was lost is written again from the pointer when the pointer copies meta:<v>', async () => {
    const { second } = await twoVersions();
    await kvs.delete(`${P}v:0000002:published`);

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.version).toEqual(second.meta);
    expect(await kvs.get(`${P}v:0000002:published`)).toEqual(second);
    expect(logged()).toMatch(
      /"privacy-disclosure:v:0000002:published" was missing while version 2 is served/,
    );
  });
});
