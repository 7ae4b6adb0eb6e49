import type { ReviewRecord } from '../declaration/api.ts';
import { CLOSED_ACCOUNT_ID } from './closed-account.ts';
import type { StorageKeys } from './keys.ts';
import { parseStored, StoredReviewRecord } from './records.ts';
import { StoredReviewList } from './review-list.ts';
import type { KeyValueStore } from './store.ts';

/**
 * Where the disclosure keeps account ids: each review key ends with one
 * (`review:<version>:<time>:<account id>`) and its value holds it, and the newest-review copies
 * (`head:latest-review`, `v:<version>:latest-review`) hold one, and each version's review list
 * (`v:<version>:reviews`) holds those of its newest reviews. This finds every one of them, under
 * one key layout, read straight from storage: a record that is damaged, misplaced or written by a
 * newer release is not shown on the page, but the account id in its key is still stored. A
 * review list that does not read is not searched for ids to report (it was written from review
 * keys, which are), but it is deleted when it holds an account being erased.
 */

/** One review key, with what its key says and the record when it reads. */
export interface FoundReview {
  key: string;
  version: number;
  reviewedAt: string;
  accountId: string;
  /** The record, when it reads and agrees with its key; null when it is damaged or newer. */
  record: ReviewRecord | null;
}

/** A newest-review copy that reads, under the key it was read from. */
export interface FoundCopy {
  key: string;
  review: ReviewRecord;
}

/** A version's review list as stored. */
export interface FoundList {
  key: string;
  version: number;
  /** The list, when it reads; null when it is damaged or written by a newer release. */
  list: StoredReviewList | null;
  /** What is stored, to find an account id in a list that does not read. */
  value: unknown;
}

/** Every account id stored under one key layout. */
export interface LayoutInventory {
  keys: StorageKeys;
  reviews: FoundReview[];
  copies: FoundCopy[];
  lists: FoundList[];
}

const REVIEW_KEY_REST = /^(\d{7}):(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z):(.+)$/;

/** What a review key names: version, time and account id; null for a key of another shape. */
export function parseReviewKey(
  keys: StorageKeys,
  key: string,
): Pick<FoundReview, 'version' | 'reviewedAt' | 'accountId'> | null {
  if (!key.startsWith(keys.reviewsPrefix)) return null;
  const match = REVIEW_KEY_REST.exec(key.slice(keys.reviewsPrefix.length));
  if (!match) return null;
  return { version: Number(match[1]), reviewedAt: match[2]!, accountId: match[3]! };
}

/** A stored review record when it reads (migrated to the current record version), else null. */
export function readReviewValue(
  keys: StorageKeys,
  key: string,
  value: unknown,
): ReviewRecord | null {
  const read = parseStored(StoredReviewRecord, keys.redact(key), value);
  return read.ok ? read.data : null;
}

function foundReview(keys: StorageKeys, key: string, value: unknown): FoundReview | null {
  const named = parseReviewKey(keys, key);
  if (!named) return null;
  const record = readReviewValue(keys, key, value);
  const agrees =
    record !== null &&
    record.version === named.version &&
    record.reviewedAt === named.reviewedAt &&
    record.accountId === named.accountId;
  return { key, ...named, record: agrees ? record : null };
}

/** The newest-review copy under `key`, when there is one that reads. */
export async function readCopy(
  store: KeyValueStore,
  keys: StorageKeys,
  key: string,
): Promise<FoundCopy | null> {
  const value = await store.get(key);
  const review = value === undefined ? null : readReviewValue(keys, key, value);
  return review ? { key, review } : null;
}

/** A stored review list, read or not. */
export function foundList(keys: StorageKeys, version: number, value: unknown): FoundList {
  const key = keys.versionReviews(version);
  const read = parseStored(StoredReviewList, key, value);
  return { key, version, list: read.ok ? read.data : null, value };
}

/** Whether a stored value holds `accountId` anywhere: for a record that does not read. */
export function mentions(value: unknown, accountId: string): boolean {
  return JSON.stringify(value ?? null).includes(JSON.stringify(accountId).slice(1, -1));
}

/** Keys read per round of batch reads: ten batches of 25 at once, then the next ten. */
const KEYS_PER_ROUND = 250;

/** The values of `wanted`, read in rounds so that a long history never floods storage. */
export async function readInRounds(
  store: KeyValueStore,
  wanted: readonly string[],
): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  for (let start = 0; start < wanted.length; start += KEYS_PER_ROUND) {
    const round = await store.getMany(wanted.slice(start, start + KEYS_PER_ROUND));
    for (const [key, value] of round) values.set(key, value);
  }
  return values;
}

/** The keys of every newest-review copy that may exist: the head's and one per version known. */
function copyKeys(keys: StorageKeys, versions: Iterable<number>): string[] {
  return [keys.latestReview, ...[...versions].map((version) => keys.versionLatestReview(version))];
}

/** Every review key and newest-review copy under `keys`, in key order. */
export async function inventoryLayout(
  store: KeyValueStore,
  keys: StorageKeys,
): Promise<LayoutInventory> {
  const [entries, records] = await Promise.all([
    store.list(keys.reviewsPrefix),
    store.list(keys.metaPrefix),
  ]);
  const reviews = entries.flatMap((entry) => {
    const review = foundReview(keys, entry.key, entry.value);
    return review ? [review] : [];
  });
  const versions = new Set(reviews.map((review) => review.version));
  for (const { key } of records) {
    const version = keys.versionOfMetaKey(key);
    if (version !== undefined) versions.add(version);
  }
  const known = [...versions].sort((a, b) => a - b);
  const wanted = copyKeys(keys, known);
  const values = await readInRounds(store, [
    ...wanted,
    ...known.map((version) => keys.versionReviews(version)),
  ]);
  const copies = wanted.flatMap((key): FoundCopy[] => {
    const value = values.get(key);
    const review = value === undefined ? null : readReviewValue(keys, key, value);
    return review ? [{ key, review }] : [];
  });
  const lists = known.flatMap((version): FoundList[] => {
    const value = values.get(keys.versionReviews(version));
    return value === undefined ? [] : [foundList(keys, version, value)];
  });
  return { keys, reviews, copies, lists };
}

/**
 * Every account id stored, with the time of its newest review (the `updatedAt` Atlassian is told:
 * when the app last stored something about the account), in account id order. Reviews whose
 * account id was already erased are not accounts.
 */
export function storedAccounts(inventories: readonly LayoutInventory[]): Map<string, string> {
  const newest = new Map<string, string>();
  const note = (accountId: string, reviewedAt: string) => {
    if (accountId === CLOSED_ACCOUNT_ID) return;
    const known = newest.get(accountId);
    if (known === undefined || Date.parse(reviewedAt) > Date.parse(known)) {
      newest.set(accountId, new Date(Date.parse(reviewedAt)).toISOString());
    }
  };
  for (const { reviews, copies, lists } of inventories) {
    for (const review of reviews) note(review.accountId, review.reviewedAt);
    for (const { review } of copies) note(review.accountId, review.reviewedAt);
    for (const { list } of lists) {
      for (const review of list?.reviews ?? []) note(review.accountId, review.reviewedAt);
    }
  }
  return new Map([...newest].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
