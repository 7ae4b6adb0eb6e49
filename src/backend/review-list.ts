import { z } from 'zod';
import type { ReviewRecord } from '../declaration/api.ts';
import { DisclosureError } from './errors.ts';
import { parseStored, StoredReviewRecord, toStored } from './records.ts';
import { checkedReview, listReviews, type Storage } from './repository.ts';

/**
 * A version's reviews in one record (`v:<v>:reviews`), so that a page of the history reads each
 * version's reviews with one key of a batch instead of one query per version. The review keys
 * (`review:<v>:<time>:<id>`) stay what is true: the list is written with them, in the same
 * transaction, and rebuilt from them whenever it cannot be trusted.
 *
 * It keeps the newest {@link MAX_LISTED_REVIEWS} and the count of all. Past that (more reviews of
 * one version than any site records), the history reads that version's review keys instead: one
 * query per 100 reviews for that version alone, so the audit file still holds every review.
 */

/** The most reviews a list keeps: about 13 KB, so a page of 20 lists stays a few hundred KB. */
export const MAX_LISTED_REVIEWS = 100;

/** Validates a review list as stored. */
export const StoredReviewList = z
  .strictObject({
    version: z.number().int().min(1),
    /** Every review of the version, also those past the newest kept. */
    count: z.number().int().min(0),
    /** The newest reviews, newest first. */
    reviews: z.array(StoredReviewRecord).max(MAX_LISTED_REVIEWS),
  })
  .refine((list) => list.count >= list.reviews.length, {
    message: 'the count is lower than the reviews listed',
    path: ['count'],
  });
/** A review list as stored. */
export type StoredReviewList = z.infer<typeof StoredReviewList>;

const identity = (review: ReviewRecord) => `${review.reviewedAt}\u0000${review.accountId}`;

/** The list of `version` holding `reviews` (any order, repeats allowed), and at least `count`. */
export function reviewListOf(
  version: number,
  reviews: readonly ReviewRecord[],
  count = 0,
): StoredReviewList {
  const unique = [...new Map(reviews.map((review) => [identity(review), review])).values()];
  unique.sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
  return {
    version,
    count: Math.max(count, unique.length),
    reviews: unique.slice(0, MAX_LISTED_REVIEWS),
  };
}

/**
 * Where a version's reviews are read: the list's (newest first), or the review keys, writing the
 * list again from them (`rewrite`) unless it is only too long to hold them all.
 */
export type ListedReviews =
  { from: 'list'; reviews: ReviewRecord[] } | { from: 'keys'; rewrite: boolean };

const FROM_KEYS: ListedReviews = { from: 'keys', rewrite: true };

/**
 * The reviews a stored list gives for `version`, or that they must be read from the review keys:
 * no list while the version has a newest review (reviewed before lists existed), or one that is
 * damaged, under another version's key, or without the version's newest review (`latest`, which
 * every release writes with each review: an earlier one, after a downgrade, wrote no list); all
 * of these are written again from the keys. A list holding fewer than all (past
 * {@link MAX_LISTED_REVIEWS}) is right as it is: only the keys hold the rest. A review in a list
 * that belongs to another version is reported and left out. A list written by a newer release is
 * refused (UNSUPPORTED_VERSION).
 */
export function listedReviews(
  storage: Storage,
  version: number,
  value: unknown,
  latest: unknown,
): ListedReviews {
  const key = storage.keys.versionReviews(version);
  let newest: ReviewRecord | null;
  try {
    newest =
      latest === undefined
        ? null
        : checkedReview(storage, storage.keys.versionLatestReview(version), latest, (found) =>
            storage.keys.versionLatestReview(found.version),
          );
  } catch (error) {
    // A newest review a newer release wrote: its review keys say whether the history can show it.
    if (error instanceof DisclosureError && error.code === 'UNSUPPORTED_VERSION') {
      return { from: 'keys', rewrite: false };
    }
    throw error;
  }
  if (value === undefined) return newest ? FROM_KEYS : { from: 'list', reviews: [] };
  const read = parseStored(StoredReviewList, key, value);
  if (!read.ok) {
    if (read.error.code === 'UNSUPPORTED_VERSION') throw read.error;
    storage.report(`${read.error.message} Its reviews are read from the review records.`);
    return FROM_KEYS;
  }
  const list = read.data;
  if (list.version !== version) {
    storage.report(
      `Skipped "${key}": it lists the reviews of version ${list.version}. Its reviews are read from the review records.`,
    );
    return FROM_KEYS;
  }
  const reviews = list.reviews.filter((review) => {
    if (review.version === version) return true;
    storage.report(
      `Skipped a review in "${key}": it records a review of version ${review.version}, which belongs elsewhere.`,
    );
    return false;
  });
  if (newest && !list.reviews.some((review) => identity(review) === identity(newest))) {
    return FROM_KEYS;
  }
  if (list.count > list.reviews.length) return { from: 'keys', rewrite: false };
  return { from: 'list', reviews };
}

/**
 * Writes `version`'s list from `reviews` (read from its review keys) and merges in whatever it
 * replaced, until what it replaced holds nothing it did not write: two reviews recorded at once
 * each end in the list, whichever transaction wrote it last. Answers the list written.
 */
export async function saveReviewList(
  storage: Storage,
  version: number,
  reviews: readonly ReviewRecord[],
): Promise<StoredReviewList> {
  const key = storage.keys.versionReviews(version);
  let list = reviewListOf(version, reviews);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const replaced = await storage.store.exchange(key, toStored(StoredReviewList, key, list));
    const read = replaced === undefined ? null : parseStored(StoredReviewList, key, replaced);
    if (!read?.ok || read.data.version !== version) return list;
    const written = new Set(list.reviews.map(identity));
    const missing = read.data.reviews.filter(
      (review) => review.version === version && !written.has(identity(review)),
    );
    // Left out only for being older than the newest kept: nothing was lost.
    const oldest = list.reviews.at(-1)?.reviewedAt ?? '';
    const lost = missing.filter(
      (review) => list.reviews.length < MAX_LISTED_REVIEWS || review.reviewedAt > oldest,
    );
    if (lost.length === 0 && read.data.count <= list.count) return list;
    list = reviewListOf(version, [...list.reviews, ...missing], read.data.count);
  }
  return list;
}

/**
 * Every review of `version` read from its review keys (damaged or misplaced ones reported and left
 * out), newest first, and its list written again from them: once per version whose list could
 * not be trusted. A list that cannot be written is reported; the reviews are still answered.
 */
export async function rebuildReviewList(
  storage: Storage,
  version: number,
): Promise<ReviewRecord[]> {
  const reviews = newestFirst(await listReviews(storage, version));
  try {
    await saveReviewList(storage, version, reviews);
  } catch (error) {
    if (!(error instanceof DisclosureError)) throw error;
    storage.report(`The review list of version ${version} was not written: ${error.message}`);
  }
  return reviews;
}

/** Reviews newest first. */
export function newestFirst(reviews: readonly ReviewRecord[]): ReviewRecord[] {
  return [...reviews].sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt));
}
