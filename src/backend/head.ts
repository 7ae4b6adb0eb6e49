import type { ReviewRecord } from '../declaration/api.ts';
import type { StorageContext } from './context.ts';
import { DisclosureError } from './errors.ts';
import { migrateBareKeys } from './migrate-bare-keys.ts';
import { migrateUnrecordedPointer } from './migrate-published.ts';
import { includesVersion } from './published-versions.ts';
import { readStored, StoredPublication, StoredVersionRecord } from './records.ts';
import { recoverCurrent } from './recover-head.ts';
import { checkedReview, type Storage } from './repository.ts';

/** What `head:` holds: the served version's publication record and the newest review. */
export interface Head {
  current: StoredPublication | null;
  latestReview: ReviewRecord | null;
}

/**
 * Reads the head keys in one request. A missing or damaged pointer is rebuilt from the newest
 * complete published version, so a lost pointer never hides what was published; a pointer from
 * before publication records is migrated; a newest review that is damaged, or names a version that
 * was never published, is reported and not served. Storage from before the prefix is copied
 * first, once, when the app asks for it. Answers `current: null` only when nothing can be served.
 *
 * The pointer is not yet compared with the records of the version it names: a page view does that
 * with the pieces it reads anyway, everything else with `verifiedHead` (check-head.ts).
 */
export async function readHead(context: StorageContext): Promise<Head> {
  const { store, keys } = context;
  const entries = await store.list(keys.headPrefix);
  const value = (key: string) => entries.find((entry) => entry.key === key)?.value;
  let current: StoredPublication | null = null;
  const stored = value(keys.current);
  if (stored !== undefined) {
    try {
      current = readStored(StoredPublication, keys.current, stored);
    } catch (error) {
      if (!(error instanceof DisclosureError)) throw error;
      const unrecorded = StoredVersionRecord.safeParse(stored);
      if (unrecorded.success) current = await migrateUnrecordedPointer(context, unrecorded.data);
      else context.report(`${error.message} Rebuilding it from the version records.`);
    }
  }
  if (!current) {
    const migrated = context.bareKeys ? await migrateBareKeys(context, context.bareKeys) : null;
    // Copied from before the prefix: read again, now with the copied pointer and review.
    if (migrated) return readHead(context);
    current = await recoverCurrent(context, stored !== undefined);
  }
  return { current, latestReview: latestReview(context, value(keys.latestReview), current) };
}

/** The newest review of any version, when it is valid and of a version the site was shown. */
function latestReview(
  storage: Storage,
  value: unknown,
  current: StoredPublication | null,
): ReviewRecord | null {
  if (value === undefined) return null;
  const { keys } = storage;
  const review = checkedReview(storage, keys.latestReview, value, () => keys.latestReview);
  if (!review) return null;
  const newest = current?.meta.version ?? 0;
  if (review.version > newest) {
    storage.report(
      `Skipped "${keys.latestReview}": it names version ${review.version}, but only versions up to ${newest} were published.`,
    );
    return null;
  }
  if (!current || !includesVersion(current.published, review.version)) {
    storage.report(
      `Skipped "${keys.latestReview}": it names version ${review.version}, which was never published on this site.`,
    );
    return null;
  }
  return review;
}
