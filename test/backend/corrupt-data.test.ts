import { RESOLVER_KEYS } from '@declaration';
import { canonicalJson, sha256Hex } from '@declaration/canonical.ts';
import { kvs } from '@forge/kvs';
import { describe, expect, it } from 'vitest';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { loadExample } from '../examples/load-example.ts';
import { JIRA_ADMIN_PAGE, READER, useLocalForge } from './forge-harness.ts';

const { forge, call } = useLocalForge();
const CURRENT = 'privacy-disclosure:head:current';
const PUBLISHED_1 = 'privacy-disclosure:v:0000001:published';
const upsmith = loadExample('examples/upsmith-zendesk-sell-for-jsm.yaml');
const exalate = loadExample('examples/exalate-cloud.yaml');

function chunkKeys(version: number): string[] {
  const prefix = `privacy-disclosure:v:${String(version).padStart(7, '0')}:chunk:`;
  return Object.keys(forge().snapshot()).filter((key) => key.startsWith(prefix));
}

async function expectCorrupt(functionKey: string, payload: unknown): Promise<void> {
  const answer = await call(functionKey, payload, READER);
  expect(answer.ok).toBe(false);
  expect(answer.error.code).toBe('CORRUPT_DATA');
  expect(answer.error.message).toMatch(/damaged and was not shown/);
  expect(answer.error.message).not.toMatch(/\n\s+at /);
  expect(answer).not.toHaveProperty('data');
}

describe('damaged storage is reported, never served', () => {
  it('reports an altered or missing piece of the declaration', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    const [first] = chunkKeys(1);
    const text = (await kvs.get<string>(first!))!;
    await kvs.set(first!, text.replace('Zendesk', 'Zendusk'));
    await expectCorrupt(RESOLVER_KEYS.getDisclosure, {});
    await kvs.delete(first!);
    await expectCorrupt(RESOLVER_KEYS.getDisclosure, {});
  });

  // A declaration in the current format whose hash matches is served without validating it again
  // (trusted-reads.test.ts); one in an older format is still migrated and checked.
  it('reports stored JSON in an older format whose hash matches but which is not a valid declaration', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    const broken = { ...structuredClone(upsmith), schemaVersion: 1, purposes: [] };
    const json = canonicalJson(broken);
    const hash = await sha256Hex(json);
    for (const key of chunkKeys(1)) await kvs.delete(key);
    await kvs.set(`privacy-disclosure:v:0000001:chunk:${hash}:000`, json);
    // The pointer and the records it copies all agree on the new hash: only the JSON is wrong.
    for (const key of [CURRENT, 'privacy-disclosure:meta:0000001', PUBLISHED_1]) {
      const record = (await kvs.get<{ meta: object; chunkCount: number }>(key))!;
      await kvs.set(key, { ...record, meta: { ...record.meta, contentHash: hash }, chunkCount: 1 });
    }
    await expectCorrupt(RESOLVER_KEYS.getDisclosure, {});
  });

  it('reports a damaged older version record when that version is asked for', async () => {
    await publishDeclaration(upsmith, '1.0.0');
    await publishDeclaration(exalate, '1.1.0');
    await kvs.set('privacy-disclosure:meta:0000001', 'not a record');
    await expectCorrupt(RESOLVER_KEYS.getVersion, { version: 1 });
    await expectCorrupt(RESOLVER_KEYS.diffVersions, { from: 1, to: 2 });
    expect((await call(RESOLVER_KEYS.getVersion, { version: 2 }, READER)).ok).toBe(true);
    expect((await call(RESOLVER_KEYS.markReviewed, { version: 2 }, JIRA_ADMIN_PAGE)).ok).toBe(true);
  });
});
