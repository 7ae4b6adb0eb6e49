import { kvs } from '@forge/kvs';
import type { ReviewRecord } from '../declaration/api.ts';
import { CLOSED_ACCOUNT_ID } from './closed-account.ts';
import { DisclosureError } from './errors.ts';
import { readCopy, type FoundCopy, type LayoutInventory } from './personal-data-inventory.ts';
import { StoredReviewRecord, toStored } from './records.ts';
import { forgeStore, type KeyValueStore, type StoredEntry } from './store.ts';

/**
 * Erasing a closed account's reviews. A review is kept, its account id replaced by
 * {@link CLOSED_ACCOUNT_ID}: the history still says that version was reviewed, and when, by someone
 * whose account was closed, and nothing in it names or links to the person (every closed
 * reviewer's reviews read the same). The review moves to the key of its new account id, and each
 * newest-review copy of it is rewritten in the same transaction, so no copy ever names a review
 * that is no longer stored. A record that cannot be read (damaged, or written by a newer release)
 * is deleted: its key holds the account id, and no page shows it.
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
  /** Newest-review copies rewritten with the closed-account mark. */
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

function stepsFor(inventory: LayoutInventory, accountId: string, copies: FoundCopy[]): Step[] {
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
  return steps;
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
    for (const transaction of transactions(stepsFor(inventory, accountId, copies))) {
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
