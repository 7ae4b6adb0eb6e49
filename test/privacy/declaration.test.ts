import { RESOLVER_KEYS } from '@declaration';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import type { Text } from '@declaration';
import { DEFAULT_KEYS } from '../../src/backend/keys.ts';
import { CHUNK_CODE_UNITS, MAX_CHUNKS, StoredReviewRecord } from '../../src/backend/records.ts';
import { REPORT_BATCH_SIZE } from '../../src/backend/personal-data.ts';
import { CLOSED_ACCOUNT_ID } from '../../src/backend/closed-account.ts';
import { lifecycle, personalData } from '../../src/index.ts';
import { JIRA_ADMIN_PAGE, SITE_ADMIN, useLocalForge } from '../backend/forge-harness.ts';
import { loadExample, readRepoFile } from '../examples/load-example.ts';

// The declaration of this app itself: it must stay true to what the code stores and sends.
const file = 'privacy/declaration.yaml';
const declaration = loadExample(file);

const en = (text: Text | undefined): string =>
  text === undefined ? '' : typeof text === 'string' ? text : (text.en ?? '');
const category = (id: string) => {
  const found = declaration.dataCategories.find((item) => item.id === id);
  if (!found) throw new Error(`${file} has no data category "${id}"`);
  return found;
};
const location = (id: string) => {
  const found = declaration.locations.find((item) => item.id === id);
  if (!found) throw new Error(`${file} has no location "${id}"`);
  return found;
};
const stored = declaration.dataCategories.filter((item) => item.storedIn?.length);

describe("Privacy Disclosure's own declaration", () => {
  it('points editors at the JSON Schema and is written in format 2', () => {
    expect(readRepoFile(file).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/declaration.schema.json',
    );
    expect(readRepoFile(file)).toMatch(/^schemaVersion: 2$/m);
  });

  it('stores exactly two kinds, declaration versions and review records, and asks for two more', () => {
    expect(declaration.dataCategories.map((item) => item.id)).toEqual([
      'declaration-versions',
      'review-records',
      'administrator-check',
      'reviewer-names',
    ]);
    expect(stored.map((item) => item.id)).toEqual(['declaration-versions', 'review-records']);
    expect(category('declaration-versions')).toMatchObject({
      personal: 'no',
      sensitive: 'no',
      subjects: ['none'],
    });
    expect(category('review-records')).toMatchObject({
      personal: 'yes',
      sensitive: 'no',
      subjects: ['administrators'],
      collection: 'optional',
    });
  });

  it('shows reviewers by display name, asked as the viewer, and stores the names nowhere', () => {
    const names = category('reviewer-names');
    expect(names.retention.basis).toBe('not-stored');
    expect(names.storedIn).toBeUndefined();
    expect(names.recipients).toEqual([]);
    expect(names.sources).toEqual(['atlassian']);
    expect(names.personal).toBe('yes');
  });

  it('uses the answer to "is this user an administrator?" for one call and stores it nowhere', () => {
    const check = category('administrator-check');
    expect(check.retention.basis).toBe('not-stored');
    expect(check.storedIn).toBeUndefined();
    expect(check.recipients).toEqual([]);
    expect(check.sources).toEqual(['atlassian']);
    expect(en(check.description)).toContain('is not stored');
  });

  it('describes a review record with the fields the backend stores, and nothing more', () => {
    expect(Object.keys(StoredReviewRecord.shape).sort()).toEqual(
      ['accountId', 'reviewedAt', 'version'].sort(),
    );
    expect(category('review-records').examples?.map(en)).toEqual([
      'Atlassian account id of the administrator',
      'The declaration version reviewed',
      'Time of the review',
    ]);
    expect(category('review-records').handling).toMatchObject({
      forms: ['identifiers-only'],
      collectedByDefault: false,
    });
  });

  it("states the backend's size limit for a version and that versions are published by default", () => {
    const handling = category('declaration-versions').handling;
    expect(handling?.collectedByDefault).toBe(true);
    const kib = Math.floor((MAX_CHUNKS * CHUNK_CODE_UNITS) / 1024);
    expect(en(handling?.sizeLimit)).toContain(
      `at most ${MAX_CHUNKS} pieces of ${CHUNK_CODE_UNITS.toLocaleString('en-US')} characters`,
    );
    expect(en(handling?.sizeLimit)).toContain(`about ${kib} KiB`);
  });

  it("keeps what it stores in Forge storage, on Atlassian, in scope of the site's data residency", () => {
    expect(location('forge-storage')).toMatchObject({
      hostedBy: 'atlassian',
      followsDataResidency: 'yes',
      platforms: ['cloud'],
    });
    for (const item of stored) {
      expect(item.storedIn).toEqual(['forge-storage']);
      expect(item.residency).toBe('in-scope');
      expect(item.encryptionAtRest).toBe('yes');
      expect((item.encryption?.notes ?? []).map(en).join(' ')).toContain(
        'encrypt and store data on disk',
      );
    }
    expect(declaration.locations.map((item) => item.hostedBy)).toEqual(['atlassian', 'atlassian']);
  });

  it("sends only the review records' account ids, to Atlassian's personal data reporting; no transfers, no cookies", () => {
    expect(declaration.recipients.map((item) => item.id)).toEqual([
      'atlassian-personal-data-reporting',
    ]);
    expect(declaration.recipients[0]).toMatchObject({ kind: 'recipient', category: 'platform' });
    expect(declaration.recipients[0]?.domains).toBeUndefined();
    for (const item of declaration.dataCategories) {
      expect(item.recipients ?? [], item.id).toEqual(
        item.id === 'review-records' ? ['atlassian-personal-data-reporting'] : [],
      );
    }
    expect(declaration.transfers ?? []).toEqual([]);
    expect(declaration.cookies).toEqual([]);
  });

  it('declares the weekly personal data report the manifest schedules, and what it erases', () => {
    const manifest = parse(readRepoFile('manifest.yml')) as {
      modules: { scheduledTrigger?: { function: string; interval: string }[] };
      permissions: { scopes: string[] };
    };
    expect(manifest.modules.scheduledTrigger).toEqual([
      expect.objectContaining({ function: 'personal-data', interval: 'week' }),
    ]);
    expect(manifest.permissions.scopes).toContain('report:personal-data');
    const reviews = category('review-records');
    const said = [
      en(reviews.retention.description),
      ...(reviews.retention.notes ?? []).map(en),
      ...(reviews.handling?.notes ?? []).map(en),
    ].join(' ');
    expect(said).toContain('Once a week');
    expect(said).toContain('privacy.reportPersonalData');
    expect(said).toContain(`at most ${REPORT_BATCH_SIZE} accounts`);
    expect(said).toContain('as Atlassian reports it');
    expect(said).toContain('a review by an account that was closed');
    expect(en(declaration.recipients[0]?.when)).toContain(
      "every account id in the review records, with the time of that account's newest review",
    );
  });

  it('stays true to the manifest: no egress permission that could send data out', () => {
    const manifest = parse(readRepoFile('manifest.yml')) as {
      permissions?: { external?: unknown; scopes?: string[] };
    };
    expect(manifest.permissions?.external).toBeUndefined();
    expect(manifest.permissions?.scopes).toContain('storage:app');
  });

  it('is Cloud only', () => {
    expect(declaration.app.platforms.map((item) => item.platform)).toEqual(['cloud']);
    for (const item of declaration.dataCategories) expect(item.platforms).toEqual(['cloud']);
    expect(declaration.app.framework).toBe('forge');
  });

  it('keeps data while installed; Forge retains it 28 days after uninstall', () => {
    for (const item of stored) {
      expect(item.retention).toMatchObject({
        basis: 'while-installed',
        period: 'P28D',
        after: 'uninstall',
      });
      expect(en(item.retention.description)).toContain(
        'Forge hosted storage retains data for 28 days after uninstallation',
      );
    }
  });

  it('rests review records on legitimate interests and invents no company or listing', () => {
    const review = declaration.purposes.find((purpose) => purpose.id === 'record-review');
    expect(review?.legalBasis).toEqual(['legitimate-interests']);
    expect(category('review-records').purposes).toEqual(['record-review']);
    expect(declaration.vendor.legalName).toBeUndefined();
    expect(declaration.vendor.registeredAddress).toBeUndefined();
    expect(declaration.app.marketplaceUrl).toBeUndefined();
    expect(en(declaration.rights.howToExercise)).toContain('administrator of your Atlassian site');
  });

  it("declares its Forge logs, kept by Atlassian and read by the app's developers", () => {
    expect(declaration.logs?.map((log) => log.id)).toEqual(['forge-function-logs']);
    const log = declaration.logs![0]!;
    expect(log.storedIn).toEqual(['forge-logs']);
    expect(location('forge-logs')).toMatchObject({
      hostedBy: 'atlassian',
      followsDataResidency: 'not-stated',
    });
    expect(log.retention?.basis).toBe('not-stated');
    expect(log.readableBy?.map(en).join(' ')).toContain('Forge developer console');
    expect(log.platforms).toEqual(['cloud']);
  });
});

describe('what the Forge logs hold, as the backend writes them', () => {
  const { call } = useLocalForge();
  afterEach(() => vi.restoreAllMocks());

  it('holds no account id: a failed review write is logged with its storage keys, the account id removed', async () => {
    // A review's key ends with the reviewer's account id; redact() is what keeps it out of logs.
    const key = DEFAULT_KEYS.review(1, '2026-12-01T00:00:00.000Z', SITE_ADMIN.accountId);
    expect(key.endsWith(SITE_ADMIN.accountId)).toBe(true);
    expect(DEFAULT_KEYS.redact(key)).not.toContain(SITE_ADMIN.accountId);

    await lifecycle({ app: { id: 'ari:cloud:ecosystem::app/x', version: '1.0.0' } });
    type Fetch = (spec: { type?: string } | undefined, path: string, init?: unknown) => unknown;
    const globals = globalThis as { __forge_fetch__?: Fetch };
    const original = globals.__forge_fetch__!;
    globals.__forge_fetch__ = (spec, path, init) =>
      spec?.type === 'kvs' && path.includes('transaction')
        ? Promise.resolve(
            new Response(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'down' }), {
              status: 500,
              headers: { 'content-type': 'application/json' },
            }),
          )
        : original(spec, path, init);
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
      logged.push(parts.map(String).join(' '));
    });
    try {
      const answer = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, JIRA_ADMIN_PAGE);
      expect(answer.ok).toBe(false);
    } finally {
      globals.__forge_fetch__ = original;
    }
    // The failure is logged, naming the review's key by its version and time only.
    expect(logged.join('\n')).toMatch(
      /review\/mark: .*review:0000001:\d{4}-\d{2}-\d{2}T[\d:.]+Z:…/,
    );
    const leaks = logged.some((line) => line.includes(SITE_ADMIN.accountId));
    const log = declaration.logs![0]!;
    // The declaration says what the logs hold: if an account id reached them, it would be untrue.
    expect({ leaks, endUserData: log.endUserData }).toEqual({ leaks: false, endUserData: 'no' });
  });
});

describe('what the weekly personal data report does, as the declaration says', () => {
  const { call, forge } = useLocalForge();

  it("sends Atlassian the account id and newest review time, and keeps a closed account's review without its id", async () => {
    await lifecycle({ app: { id: 'ari:cloud:ecosystem::app/x', version: '1.0.0' } });
    const marked = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, JIRA_ADMIN_PAGE);
    expect(marked.ok).toBe(true);
    forge().personalData.close(SITE_ADMIN.accountId);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await personalData();
    // What the recipient entry says is sent, and nothing more.
    expect(forge().personalData.reports).toEqual([
      [{ accountId: SITE_ADMIN.accountId, updatedAt: marked.data.review.reviewedAt }],
    ]);
    expect(JSON.stringify(forge().snapshot())).not.toContain(SITE_ADMIN.accountId);
    const history = await call(RESOLVER_KEYS.listVersions, {}, JIRA_ADMIN_PAGE);
    expect(history.data.versions[0].reviews).toEqual([
      { ...marked.data.review, accountId: CLOSED_ACCOUNT_ID },
    ]);
    vi.restoreAllMocks();
  });
});
