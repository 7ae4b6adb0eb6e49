import { canonicalJson, sha256Hex } from '@declaration/canonical.ts';
import { kvs } from '@forge/kvs';
import { parse } from 'yaml';
import { DEFAULT_KEYS } from '../../src/backend/keys.ts';
import { CHUNK_CODE_UNITS } from '../../src/backend/records.ts';
import { readRepoFile } from '../examples/load-example.ts';

/**
 * Storage as the release before record versions wrote it: a version-1 declaration's canonical
 * JSON in pieces, and records without `recordVersion`. Format 1 had no defaults or transforms,
 * so the JSON that release stored is the canonical JSON of the file's own data.
 */

/** A version-1 fixture as its data, e.g. `exalate-cloud.yaml`. */
export function versionOneDocument(name: string): Record<string, unknown> {
  return parse(readRepoFile(`test/fixtures/declarations-v1/${name}`)) as Record<string, unknown>;
}

/** What {@link storeAsRelease01} wrote for one version. */
export interface StoredBefore {
  contentHash: string;
  /** The pieces as stored, to check they are never rewritten. */
  pieces: Map<string, string>;
}

/**
 * Publishes `document` as version `version` the way that release did (pieces, `meta:<v>`, the
 * publication record and the pointer), each versions 1 to `version` listed as shown.
 */
export async function storeAsRelease01(
  document: Record<string, unknown>,
  version: number,
  publishedAt: string,
): Promise<StoredBefore> {
  const json = canonicalJson(document);
  const contentHash = await sha256Hex(json);
  const pieces = new Map<string, string>();
  for (let start = 0, index = 0; start < json.length; start += CHUNK_CODE_UNITS, index += 1) {
    pieces.set(
      DEFAULT_KEYS.chunk(version, contentHash, index),
      json.slice(start, start + CHUNK_CODE_UNITS),
    );
  }
  for (const [key, piece] of pieces) await kvs.set(key, piece);
  const policy = document.policy as { version: string; lastUpdated: string };
  const record = {
    meta: {
      version,
      contentHash,
      publishedAt,
      appVersion: '0.1.0',
      policyVersion: policy.version,
      lastUpdated: policy.lastUpdated,
    },
    chunkCount: pieces.size,
  };
  const publication = { ...record, published: [[1, version]] };
  await kvs.set(DEFAULT_KEYS.meta(version), record);
  await kvs.set(DEFAULT_KEYS.published(version), publication);
  await kvs.set(DEFAULT_KEYS.current, publication);
  return { contentHash, pieces };
}

/** A review recorded by that release: the three keys, no `recordVersion`. */
export async function reviewAsRelease01(
  version: number,
  accountId: string,
  reviewedAt: string,
): Promise<void> {
  const review = { version, accountId, reviewedAt };
  await kvs.set(DEFAULT_KEYS.review(version, reviewedAt, accountId), review);
  await kvs.set(DEFAULT_KEYS.versionLatestReview(version), review);
  await kvs.set(DEFAULT_KEYS.latestReview, review);
}
