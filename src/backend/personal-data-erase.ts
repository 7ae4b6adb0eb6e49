import { kvs } from '@forge/kvs';
import type { ReviewRecord } from '../declaration/api.ts';
import { CLOSED_ACCOUNT_ID } from './closed-account.ts';
import { DisclosureError } from './errors.ts';
import {
  foundList,
  mentions,
  readCopy,
  readInRounds,
  type FoundCopy,
  type FoundList,
  type LayoutInventory,
} from './personal-data-inventory.ts';
import { StoredReviewRecord, toStored } from './records.ts';
import { StoredReviewList } from './review-list.ts';
import { forgeStore, type KeyValueStore, type StoredEntry } from './store.ts';

/**
 * Erasing a closed account's reviews. A review is kept, its account id replaced by
 * {@link CLOSED_ACCOUNT_ID}: the history still says that version was reviewed, and when, by someone
 * whose account was closed, and nothing in it names or links to the person (every closed
 * reviewer's reviews read the same). The review moves to the key of its new account id, and each
 * newest-review copy of it is rewritten in the same transaction, so no copy ever names a review
 * that is no longer stored. A record that cannot be read (damaged, or written by a newer release)
 * is deleted: its key holds the account id, and no page shows it.
 *
 * Each version's review list is rewritten after its reviews, with the same mark in place of the
 * account id; one that cannot be read and holds the account id is deleted (the history reads the
 * review keys instead, and writes it again). A run that stops between the two leaves the account
 * id in the list, where the next run finds it, reports it and erases it. So does a review of the
 * same version recorded during the erasure, which may merge the entry back into the list.
 */

/** Forge's limit on the operations of one transaction. */
export const MAX_TRANSACTION_OPERATIONS = 25;

/** Storage that can also delete keys and write, in one transaction, some keys and delete others. */
export interface ErasingStore extends KeyValueStore {
  /** Writes `sets` and deletes `deletes`, all or nothing; at most 25 operations, each key once. */
  transact(sets: StoredEntry[], deletes: string[]): Promise<void>;
}

/** Forge storage (`@forge/kvs`), with its transactions. */
export const forgeErasingStore: ErasingStore = {
  ...forgeStore,
  async transact(sets, deletes) {
    const transaction = kvs.transact();
    for (const { key, value } of sets) transaction.set(key, value);
    for (const key of deletes) transaction.delete(key);
    await transaction.execute();
  },
};

/** What was erased of one account. */
export interface Erased {
  /** Review records whose account id was replaced by the closed-account mark, or deleted. */
  reviews: number;
  /** Newest-review copies and review lists rewritten with the closed-account mark, or deleted. */
  copies: number;
}

/** One review and the copies of it: always written in the same transaction. */
interface Step {
  sets: StoredEntry[];
  deletes: string[];
  reviews: number;
  copies: number;
}

function tombstone(review: ReviewRecord): ReviewRecord {
  return { ...review, accountId: CLOSED_ACCOUNT_ID };
}

function sameReview(a: ReviewRecord, b: { version: number; reviewedAt: string }): boolean {
  return a.version === b.version && Date.parse(a.reviewedAt) === Date.parse(b.reviewedAt);
}

/**
 * The copies that name `accountId` now: read again just before the erasure, so that a review
 * recorded since the inventory (by another administrator) is never written over.
 */
async function currentCopies(
  store: KeyValueStore,
  inventory: LayoutInventory,
  accountId: string,
): Promise<FoundCopy[]> {
  const { keys } = inventory;
  const wanted = new Set([keys.latestReview]);
  for (const review of inventory.reviews) {
    if (review.accountId === accountId) wanted.add(keys.versionLatestReview(review.version));
  }
  for (const copy of inventory.copies) {
    if (copy.review.accountId === accountId) wanted.add(copy.key);
  }
  const read = await Promise.all([...wanted].map((key) => readCopy(store, keys, key)));
  return read.filter((copy): copy is FoundCopy => copy?.review.accountId === accountId);
}

function stepsFor(
  inventory: LayoutInventory,
  accountId: string,
  copies: FoundCopy[],
  lists: FoundList[],
): Step[] {
  const { keys } = inventory;
  const left = [...copies];
  const takeCopies = (review: { version: number; reviewedAt: string }): StoredEntry[] =>
    left
      .filter((copy) => sameReview(copy.review, review))
      .map((copy) => {
        left.splice(left.indexOf(copy), 1);
        const value = toStored(StoredReviewRecord, keys.redact(copy.key), tombstone(copy.review));
        return { key: copy.key, value };
      });
  const steps: Step[] = inventory.reviews
    .filter((review) => review.accountId === accountId)
    .map((review) => {
      const copied = takeCopies(review);
      if (!review.record)
        return { sets: copied, deletes: [review.key], reviews: 1, copies: copied.length };
      const kept = tombstone(review.record);
      const key = keys.review(kept.version, review.reviewedAt, CLOSED_ACCOUNT_ID);
      const value = toStored(StoredReviewRecord, keys.redact(key), kept);
      return {
        sets: [{ key, value }, ...copied],
        deletes: [review.key],
        reviews: 1,
        copies: copied.length,
      };
    });
  // A copy of a review that is no longer stored still names the account: it is erased too.
  for (const copy of [...left]) {
    const sets = takeCopies(copy.review);
    steps.push({ sets, deletes: [], reviews: 0, copies: sets.length });
  }
  for (const found of lists) {
    if (!found.list) {
      steps.push({ sets: [], deletes: [found.key], reviews: 0, copies: 1 });
      continue;
    }
    const list = {
      ...found.list,
      reviews: found.list.reviews.map((review) =>
        review.accountId === accountId ? tombstone(review) : review,
      ),
    };
    const value = toStored(StoredReviewList, found.key, list);
    steps.push({ sets: [{ key: found.key, value }], deletes: [], reviews: 0, copies: 1 });
  }
  return steps;
}

/**
 * The review lists that name `accountId` now, read again just before the erasure like the copies:
 * those of every version the account reviewed or a list of which named it in the inventory.
 */
async function currentLists(
  store: KeyValueStore,
  inventory: LayoutInventory,
  accountId: string,
): Promise<FoundList[]> {
  const { keys } = inventory;
  const versions = new Set<number>();
  for (const review of inventory.reviews) {
    if (review.accountId === accountId) versions.add(review.version);
  }
  for (const found of inventory.lists) {
    if (mentions(found.value, accountId)) versions.add(found.version);
  }
  const wanted = [...versions].sort((a, b) => a - b);
  const values = await readInRounds(
    store,
    wanted.map((version) => keys.versionReviews(version)),
  );
  return wanted.flatMap((version) => {
    const value = values.get(keys.versionReviews(version));
    if (value === undefined) return [];
    const found = foundList(keys, version, value);
    const names = found.list
      ? found.list.reviews.some((review) => review.accountId === accountId)
      : mentions(value, accountId);
    return names ? [found] : [];
  });
}

/** Steps packed into transactions of at most 25 operations; a step is never split. */
function transactions(steps: Step[]): Step[] {
  const packed: Step[] = [];
  for (const step of steps) {
    const last = packed.at(-1);
    const size = (s: Step) => s.sets.length + s.deletes.length;
    if (last && size(last) + size(step) <= MAX_TRANSACTION_OPERATIONS) {
      last.sets.push(...step.sets);
      last.deletes.push(...step.deletes);
      last.reviews += step.reviews;
      last.copies += step.copies;
    } else {
      packed.push({ ...step, sets: [...step.sets], deletes: [...step.deletes] });
    }
  }
  return packed;
}

/**
 * Erases `accountId` from every review and copy under each layout. Each review is erased with its
 * copies in one transaction, and an account's reviews in as few transactions as fit (25
 * operations each); when one fails, what it held is unchanged and the next run erases it, since
 * its keys still name the account. Throws STORAGE_ERROR, with no account id in the message.
 */
export async function eraseAccount(
  store: ErasingStore,
  inventories: readonly LayoutInventory[],
  accountId: string,
): Promise<Erased> {
  const erased: Erased = { reviews: 0, copies: 0 };
  for (const inventory of inventories) {
    const copies = await currentCopies(store, inventory, accountId);
    const lists = await currentLists(store, inventory, accountId);
    for (const transaction of transactions(stepsFor(inventory, accountId, copies, lists))) {
      try {
        await store.transact(transaction.sets, transaction.deletes);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw new DisclosureError(
          'STORAGE_ERROR',
          `Forge storage could not erase ${transaction.reviews} review(s) and ${transaction.copies} newest-review copies of a closed account${typeof code === 'string' ? ` (${code})` : ''}; they are unchanged, and the next run erases them.`,
          { cause: error },
        );
      }
      erased.reviews += transaction.reviews;
      erased.copies += transaction.copies;
    }
  }
  return erased;
}
