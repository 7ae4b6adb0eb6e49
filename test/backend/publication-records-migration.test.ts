import { RESOLVER_KEYS } from '@declaration';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PUBLICATION_RECORDS_MIGRATION } from '../../src/backend/migrate-published.ts';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { loadExample } from '../examples/load-example.ts';
import {
  CONFLUENCE_ADMIN,
  JIRA_ADMIN_PAGE,
  MODULE_KEYS,
  READER,
  useLocalForge,
} from './forge-harness.ts';
import { stoppedBeforeThePointer } from './interrupted-publication.ts';

// Releases before publication records kept no record of which versions a site was shown: their
// pointer was a copy of `meta:<v>`, and every version up to it was in the history. After the
// upgrade, every one of those stays, with its reviews, and nothing else is added.

const { forge, call } = useLocalForge();
const upsmith = loadExample('examples/upsmith-zendesk-sell-for-jsm.yaml');
const exalate = loadExample('examples/exalate-cloud.yaml');
const techtime = loadExample('examples/techtime-user-management.yaml');
const oci = loadExample('examples/oci-europe-web-service.yaml');
const P = 'privacy-disclosure:';
const CURRENT = `${P}head:current`;
const SETTINGS = { moduleKey: MODULE_KEYS.confluenceGlobalSettings, user: CONFLUENCE_ADMIN };
const MINUTES = 60 * 1000;

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/**
 * What such a release stored: versions 1 and 2 published and reviewed, optionally a version 3
 * whose publication stopped before the pointer moved, and no publication records.
 */
async function storedBeforePublicationRecords({ unfinished }: { unfinished: boolean }) {
  await publishDeclaration(upsmith, '1.0.0');
  await publishDeclaration(exalate, '1.1.0');
  const first = (await call(RESOLVER_KEYS.markReviewed, { version: 1 }, SETTINGS)).data.review;
  const second = (await call(RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE)).data
    .review;
  if (unfinished) {
    await stoppedBeforeThePointer(forge(), () => publishDeclaration(techtime, '1.2.0'));
  }
  for (const key of Object.keys(forge().snapshot())) {
    if (key.endsWith(':published')) await kvs.delete(key);
  }
  await kvs.set(CURRENT, await kvs.get(`${P}meta:0000002`));
  return { first, second };
}

async function history() {
  const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
  expect(list.ok, JSON.stringify(list.error)).toBe(true);
  return list.data.versions.map((v: { version: number; reviews: unknown[] }) => [
    v.version,
    v.reviews,
  ]);
}

const publicationKeys = () =>
  Object.keys(forge().snapshot()).filter((key) => key.endsWith(':published'));

describe(`migration "${PUBLICATION_RECORDS_MIGRATION}"`, () => {
  it('records every version the site was shown, with its reviews, and no other', async () => {
    const { first, second } = await storedBeforePublicationRecords({ unfinished: true });

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.version.version).toBe(2);
    expect(view.data.review).toEqual({ current: second, lastReviewed: second });
    expect(await history()).toEqual([
      [2, [second]],
      [1, [first]],
    ]);
    const unfinished = await call(RESOLVER_KEYS.getVersion, { version: 3 }, READER);
    expect(unfinished.error.code).toBe('NOT_FOUND');

    expect(publicationKeys()).toEqual([`${P}v:0000001:published`, `${P}v:0000002:published`]);
    expect(await kvs.get(CURRENT)).toEqual(await kvs.get(`${P}v:0000002:published`));
    expect(await kvs.get(CURRENT)).toMatchObject({ published: [[1, 2]] });
    expect(vi.mocked(console.error).mock.calls.join('\n')).toMatch(
      /Recorded 2 version\(s\) up to 2 as shown on this site \(migration "publication-records"\)/,
    );

    // It ran once: page views are back to two storage requests.
    forge().stats.reset();
    await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(forge().stats.storageCalls).toBeLessThanOrEqual(2);
  });

  it('with the pointer lost as well, serves the newest version and keeps every one', async () => {
    const { first, second } = await storedBeforePublicationRecords({ unfinished: false });
    await kvs.delete(CURRENT);

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.data.version.version).toBe(2);
    expect(view.data.declaration).toEqual(exalate);
    expect(await history()).toEqual([
      [2, [second]],
      [1, [first]],
    ]);
    expect(publicationKeys()).toEqual([`${P}v:0000001:published`, `${P}v:0000002:published`]);
  });

  it('is followed by the next upgrade, which steps over the version never shown', async () => {
    const { first, second } = await storedBeforePublicationRecords({ unfinished: true });
    const later = new Date(Date.now() + 16 * MINUTES);

    const published = await publishDeclaration(oci, '1.3.0', { now: () => later });
    expect(published.version.version).toBe(4);
    expect(await history()).toEqual([
      [4, []],
      [2, [second]],
      [1, [first]],
    ]);
  });
});
