import { RESOLVER_KEYS } from '@declaration';
import { describe, expect, it } from 'vitest';
import { publishDeclaration } from '../../src/backend/publish.ts';
import {
  BUNDLED_DECLARATION,
  BUNDLED_MANIFEST_FACTS,
} from '../../src/backend/bundled-declaration.generated.ts';
import { lifecycle } from '../../src/index.ts';
import { upgradedOwnDeclaration } from './fixtures.ts';
import {
  CONFLUENCE_ADMIN,
  JIRA_ADMIN_PAGE,
  MODULE_KEYS,
  READER,
  SITE_ADMIN,
  useLocalForge,
} from './forge-harness.ts';

const { forge, call } = useLocalForge();

describe('install, page view, upgrade, diff, review', () => {
  it('serves what the lifecycle published and records reviews against the right versions', async () => {
    await lifecycle({ app: { id: 'ari:cloud:ecosystem::app/x', version: '1.0.0' } });

    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.ok).toBe(true);
    expect(view.data.declaration).toEqual(BUNDLED_DECLARATION);
    expect(view.data.version).toMatchObject({
      version: 1,
      appVersion: '1.0.0',
      policyVersion: BUNDLED_DECLARATION.policy.version,
    });
    expect(view.data.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(view.data.canReview).toBe(false);
    // What this app's manifest.yml shows, bundled beside the declaration and published with it.
    expect(view.data.manifest).toEqual(BUNDLED_MANIFEST_FACTS);
    expect(view.data.manifest.runsOnAtlassian).toEqual({ eligible: true, blockers: [] });
    expect(view.data.review).toEqual({ current: null, lastReviewed: null });

    const adminView = await call(RESOLVER_KEYS.getDisclosure, {}, JIRA_ADMIN_PAGE);
    expect(adminView.data.canReview).toBe(true);

    // The upgraded app's bundle publishes version 2; the same content again publishes nothing.
    const options = { manifestFacts: BUNDLED_MANIFEST_FACTS };
    const upgraded = await publishDeclaration(upgradedOwnDeclaration(), '1.1.0', options);
    expect(upgraded).toMatchObject({
      published: true,
      version: { version: 2, appVersion: '1.1.0' },
    });
    const again = await publishDeclaration(upgradedOwnDeclaration(), '1.1.1', options);
    expect(again).toMatchObject({ published: false, version: { version: 2, appVersion: '1.1.0' } });

    const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
    expect(list.data.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(list.data.nextCursor).toBeNull();

    const diff = await call(RESOLVER_KEYS.diffVersions, { from: 1, to: 2 }, READER);
    expect(diff.ok).toBe(true);
    const summary = diff.data.entries.map(
      (entry: { section: string; kind: string; key: string }) =>
        `${entry.section}:${entry.kind}:${entry.key}`,
    );
    expect(summary).toEqual(
      expect.arrayContaining([
        'policy:changed:policy',
        'dataCategories:changed:review-records',
        'retention:changed:review-records',
        'recipients:added:atlassian-logging',
      ]),
    );
    expect(diff.data.counts).toEqual({ added: 1, removed: 0, changed: summary.length - 1 });

    const marked = await call(RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE);
    expect(marked.ok).toBe(true);
    expect(marked.data.review).toMatchObject({ version: 2, accountId: SITE_ADMIN.accountId });

    const settings = { moduleKey: MODULE_KEYS.confluenceGlobalSettings, user: CONFLUENCE_ADMIN };
    const older = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, settings);
    expect(older.ok).toBe(true);

    const after = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(after.data.version.version).toBe(2);
    expect(after.data.review.current).toEqual(marked.data.review);
    expect(after.data.review.lastReviewed).toEqual(older.data.review);

    const history = await call(RESOLVER_KEYS.listVersions, { limit: 1 }, READER);
    expect(history.data.versions).toHaveLength(1);
    expect(history.data.versions[0].reviews).toEqual([marked.data.review]);
    const page2 = await call(
      RESOLVER_KEYS.listVersions,
      { cursor: history.data.nextCursor },
      READER,
    );
    expect(page2.data.versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(page2.data.versions[0].reviews).toEqual([older.data.review]);

    const first = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER);
    expect(first.data.declaration).toEqual(BUNDLED_DECLARATION);
  });

  it('costs at most two storage requests per page view once published', async () => {
    await lifecycle({ app: { version: '1.0.0' } });
    await call(RESOLVER_KEYS.markReviewed, { version: 1 }, JIRA_ADMIN_PAGE);
    forge().stats.reset();
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(view.ok).toBe(true);
    expect(view.data.review.current?.accountId).toBe(SITE_ADMIN.accountId);
    expect(forge().stats.storageCalls).toBeLessThanOrEqual(2);
    expect(forge().stats.productCalls).toBe(0);
  });

  it('publishes on the first page view when the install event never arrived', async () => {
    const views = await Promise.all([
      call(RESOLVER_KEYS.getDisclosure, {}, READER),
      call(RESOLVER_KEYS.getDisclosure, {}, JIRA_ADMIN_PAGE),
    ]);
    for (const view of views) expect(view.data.version.version).toBe(1);
    const list = await call(RESOLVER_KEYS.listVersions, {}, READER);
    expect(list.data.versions).toHaveLength(1);
    forge().stats.reset();
    await call(RESOLVER_KEYS.getDisclosure, {}, READER);
    expect(forge().stats.storageCalls).toBeLessThanOrEqual(2);
  });
});
