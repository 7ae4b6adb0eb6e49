import type { ReviewRecord } from '../declaration/api.ts';
import type { StorageContext } from './context.ts';
import { migrateBareKeys } from './migrate-bare-keys.ts';
import { migrateUnrecordedPointer } from './migrate-published.ts';
import { includesVersion } from './published-versions.ts';
import { parseStored, StoredPublication, StoredVersionRecord } from './records.ts';
import { recoverCurrent } from './recover-head.ts';
import { checkedReview, readReview, type ReviewRead, type Storage } from './repository.ts';

/** What `head:` holds: the served version's publication record and the newest review. */
export interface Head {
  current: StoredPublication | null;
  /** The newest review of any version, or the refusal of one a newer release wrote. */
  latestReview: ReviewRead;
}

/**
 * Reads the head keys in one request. A missing or damaged pointer is rebuilt from the newest
 * complete published version, so a lost pointer never hides what was published; a pointer from
 * before publication records is migrated; a newest review that is damaged, or names a version that
 * was never published, is reported and not served. Storage from before the prefix is copied
 * first, once, when the app asks for it. Answers `current: null` only when nothing can be served.
 * A pointer written by a newer release is refused (UNSUPPORTED_VERSION), never rebuilt over.
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
    const pointer = parseStored(StoredPublication, keys.current, stored);
    if (pointer.ok) current = pointer.data;
    else if (pointer.error.code === 'UNSUPPORTED_VERSION') throw pointer.error;
    else {
      const unrecorded = parseStored(StoredVersionRecord, keys.current, stored);
      if (unrecorded.ok) current = await migrateUnrecordedPointer(context, unrecorded.data);
      else context.report(`${pointer.error.message} Rebuilding it from the version records.`);
    }
  }
  if (!current) {
    const migrated = context.bareKeys ? await migrateBareKeys(context, context.bareKeys) : null;
    // Copied from before the prefix: read again, now with the copied pointer and review.
    if (migrated) return readHead(context);
    current = await recoverCurrent(context, stored !== undefined);
  }
  const newest = value(keys.latestReview);
  return { current, latestReview: readReview(() => latestReview(context, newest, current)) };
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
