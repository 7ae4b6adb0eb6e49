import { RESOLVER_KEYS } from '@declaration';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { BUNDLED_DECLARATION } from '../../src/backend/bundled-declaration.generated.ts';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { lifecycle } from '../../src/index.ts';
import { loadExample } from '../examples/load-example.ts';
import {
  CONFLUENCE_ADMIN,
  JIRA_ADMIN_PAGE,
  MODULE_KEYS,
  READER,
  SITE_ADMIN,
  useLocalForge,
} from './forge-harness.ts';

// No single damaged record may lock the site out of its disclosure: what can be skipped is
// skipped and reported in the app's logs, what can be rebuilt is rebuilt.

const { forge, call } = useLocalForge();
const upsmith = loadExample('examples/upsmith-zendesk-sell-for-jsm.yaml');
const exalate = loadExample('examples/exalate-cloud.yaml');
const oci = loadExample('examples/oci-europe-web-service.yaml');
const P = 'privacy-disclosure:';
const CONFLUENCE_SETTINGS = {
  moduleKey: MODULE_KEYS.confluenceGlobalSettings,
  user: CONFLUENCE_ADMIN,
};

let errors: MockInstance<typeof console.error>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

/** What was reported to the app's logs. */
const logged = () => errors.mock.calls.map((args) => args.map(String).join(' ')).join('\n');

async function view() {
  const answer = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.data;
}

/** Two published versions, each reviewed, the second twice. */
async function twoReviewedVersions() {
  await publishDeclaration(upsmith, '1.0.0');
  await publishDeclaration(exalate, '1.1.0');
  const first = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, CONFLUENCE_SETTINGS);
  const second = await call(RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE);
  const third = await call(RESOLVER_KEYS.markReviewed, { version: 2 }, CONFLUENCE_SETTINGS);
  return { first: first.data.review, second: second.data.review, third: third.data.review };
}

describe('a damaged review', () => {
  it('in the history is left out and reported, without the account id', async () => {
    const reviews = await twoReviewedVersions();
    const damagedKey = `${P}review:0000002:2026-01-05T10:00:00.000Z:${SITE_ADMIN.accountId}`;
    await kvs.set(damagedKey, { version: 2, accountId: SITE_ADMIN.accountId, reviewedAt: 'soon' });
    // As for a version reviewed before review lists existed: its reviews are read from their keys.
    await kvs.delete(`${P}v:0000002:reviews`);

    const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
    expect(list.ok).toBe(true);
    expect(list.data.versions[0].reviews).toEqual([reviews.third, reviews.second]);
    expect(list.data.versions[1].reviews).toEqual([reviews.first]);
    expect(logged()).toContain(
      `Skipped the damaged review "${P}review:0000002:2026-01-05T10:00:00.000Z:…"`,
    );
    expect(logged()).not.toContain(SITE_ADMIN.accountId);
  });

  it('as the newest review of the served version or of any version is not shown', async () => {
    await twoReviewedVersions();
    await kvs.set(`${P}v:0000002:latest-review`, { version: 2, accountId: '' });
    await kvs.set(`${P}head:latest-review`, { version: 2, accountId: '', reviewedAt: 'yesterday' });
    const data = await view();
    expect(data.version.version).toBe(2);
    expect(data.review).toEqual({ current: null, lastReviewed: null });
    expect(logged()).toContain(`Skipped the damaged review "${P}v:0000002:latest-review"`);
    expect(logged()).toContain(`Skipped the damaged review "${P}head:latest-review"`);

    // Recording the next review replaces both.
    const next = await call(RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE);
    expect((await view()).review).toEqual({
      current: next.data.review,
      lastReviewed: next.data.review,
    });
  });
});

describe('a damaged pointer to the served version', () => {
  it('is rebuilt from the newest version record, keeping every review', async () => {
    const reviews = await twoReviewedVersions();
    const record = await kvs.get<object>(`${P}meta:0000002`);
    await kvs.set(`${P}head:current`, { meta: { version: 'two' }, chunkCount: 1 });

    const data = await view();
    expect(data.version.version).toBe(2);
    expect(data.declaration).toEqual(exalate);
    expect(data.review).toEqual({ current: reviews.third, lastReviewed: reviews.third });
    expect(await kvs.get(`${P}head:current`)).toEqual(await kvs.get(`${P}v:0000002:published`));
    expect(await kvs.get(`${P}head:current`)).toMatchObject(record!);
    expect(logged()).toMatch(
      /"privacy-disclosure:head:current" was damaged; it was rebuilt from "privacy-disclosure:meta:0000002"/,
    );

    // Later publications carry on from there.
    expect((await publishDeclaration(oci, '1.2.0')).version.version).toBe(3);
  });

  it('skips a newest version whose declaration is damaged, and a record that is not one', async () => {
    await twoReviewedVersions();
    const chunk = Object.keys(forge().snapshot()).find((key) =>
      key.startsWith(`${P}v:0000002:chunk:`),
    )!;
    await kvs.set(chunk, 'torn');
    await kvs.set(`${P}meta:0000003`, { meta: { version: 3 } });
    await kvs.delete(`${P}head:current`);

    const data = await view();
    expect(data.version.version).toBe(1);
    expect(data.declaration).toEqual(upsmith);
    expect(logged()).toMatch(
      /Skipped a version record: The stored value "privacy-disclosure:meta:0000003" is damaged/,
    );
    expect(logged()).toMatch(/Version 2 cannot be served: .*content hash does not match/);
  });
});

describe('a damaged piece of the served declaration', () => {
  it('is written again from the declaration the app ships when it is that one', async () => {
    await lifecycle({ app: { version: '1.0.0' } });
    const chunk = Object.keys(forge().snapshot()).find((key) =>
      key.startsWith(`${P}v:0000001:chunk:`),
    )!;
    const text = (await kvs.get<string>(chunk))!;
    const damaged = text.replace('Forge', 'Frog');
    expect(damaged).not.toBe(text);
    await kvs.set(chunk, damaged);

    expect((await view()).declaration).toEqual(BUNDLED_DECLARATION);
    expect(await kvs.get(chunk)).toBe(text);
    expect(logged()).toMatch(/pieces were written again from the app's declaration/);
  });
});
