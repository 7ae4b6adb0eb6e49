import type { ReviewRecord, VersionMeta } from '../declaration/api.ts';
import type { Declaration } from '../declaration/schema/index.ts';
import { decodeDeclaration } from './content.ts';
import { corrupt, DisclosureError } from './errors.ts';
import {
  CURRENT_KEY,
  HEAD_PREFIX,
  LATEST_REVIEW_KEY,
  chunkPrefix,
  metaKey,
  reviewPrefix,
  versionLatestReviewKey,
  versionPrefix,
} from './keys.ts';
import { readStored, StoredReviewRecord, StoredVersionRecord } from './records.ts';
import type { KeyValueStore, StoredEntry } from './store.ts';

/** What `head:` holds: the served version and the newest review of any version. */
export interface Head {
  current: StoredVersionRecord | null;
  latestReview: ReviewRecord | null;
}

/** A version's declaration with its newest review. */
export interface LoadedVersion {
  meta: VersionMeta;
  declaration: Declaration;
  latestReview: ReviewRecord | null;
}

/** Reads the head keys in one request; every value is validated. */
export async function readHead(store: KeyValueStore): Promise<Head> {
  const entries = await store.list(HEAD_PREFIX);
  const find = (key: string) => entries.find((entry) => entry.key === key);
  const current = find(CURRENT_KEY);
  const review = find(LATEST_REVIEW_KEY);
  return {
    current: current ? readStored(StoredVersionRecord, CURRENT_KEY, current.value) : null,
    latestReview: review ? readStored(StoredReviewRecord, LATEST_REVIEW_KEY, review.value) : null,
  };
}

/** The record of a published version, or NOT_FOUND when `version` was never served here. */
export async function readVersionRecord(
  store: KeyValueStore,
  version: number,
  current: StoredVersionRecord,
): Promise<StoredVersionRecord> {
  // A record above the pointer belongs to a publication that has not completed: not visible.
  if (version > current.meta.version) throw notFound(version, current.meta.version);
  if (version === current.meta.version) return current;
  const key = metaKey(version);
  const value = await store.get(key);
  if (value === undefined) throw notFound(version, current.meta.version);
  const record = readStored(StoredVersionRecord, key, value);
  if (record.meta.version !== version) {
    throw corrupt(`value "${key}"`, `it describes version ${record.meta.version}`);
  }
  return record;
}

function notFound(version: number, newest: number): DisclosureError {
  return new DisclosureError(
    'NOT_FOUND',
    `Version ${version} does not exist; versions 1 to ${newest} have been published on this site.`,
  );
}

/** Loads a version's declaration and newest review in one request, checking every piece. */
export async function loadVersion(
  store: KeyValueStore,
  record: StoredVersionRecord,
): Promise<LoadedVersion> {
  const { version, contentHash } = record.meta;
  const entries = await store.list(versionPrefix(version));
  const byKey = new Map(entries.map((entry): [string, unknown] => [entry.key, entry.value]));
  const prefix = chunkPrefix(version, contentHash);
  const pieces = Array.from({ length: record.chunkCount }, (_, index) =>
    byKey.get(`${prefix}${String(index).padStart(3, '0')}`),
  );
  const declaration = await decodeDeclaration(version, pieces, contentHash);
  const reviewKey = versionLatestReviewKey(version);
  const review = byKey.get(reviewKey);
  return {
    meta: record.meta,
    declaration,
    latestReview: review === undefined ? null : readStored(StoredReviewRecord, reviewKey, review),
  };
}

/** Every review of a version, oldest first. */
export async function listReviews(store: KeyValueStore, version: number): Promise<ReviewRecord[]> {
  const entries: StoredEntry[] = await store.list(reviewPrefix(version));
  return entries.map((entry) => readStored(StoredReviewRecord, entry.key, entry.value));
}
