import type { ReviewRecord } from '../declaration/api.ts';
import type { StorageContext } from './context.ts';
import { DisclosureError } from './errors.ts';
import { migrateBareKeys } from './migrate-bare-keys.ts';
import { readStored, StoredVersionRecord, toStored } from './records.ts';
import { checkedReview, listVersionRecords, loadVersion, type Storage } from './repository.ts';

/** What `head:` holds: the served version and the newest review of any version. */
export interface Head {
  current: StoredVersionRecord | null;
  latestReview: ReviewRecord | null;
}

/**
 * Reads the head keys in one request. A missing or damaged pointer is rebuilt from the newest
 * complete version record, so a lost pointer never hides what was published; a newest review
 * that is damaged, or names a version that was never published, is reported and not served.
 * Storage from before the prefix is copied first, once, when the app asks for it. Answers
 * `current: null` only when nothing has been published.
 */
export async function readHead(context: StorageContext): Promise<Head> {
  const { store, keys } = context;
  const entries = await store.list(keys.headPrefix);
  const value = (key: string) => entries.find((entry) => entry.key === key)?.value;
  let current: StoredVersionRecord | null = null;
  const stored = value(keys.current);
  if (stored !== undefined) {
    try {
      current = readStored(StoredVersionRecord, keys.current, stored);
    } catch (error) {
      if (!(error instanceof DisclosureError)) throw error;
      context.report(`${error.message} Rebuilding it from the version records.`);
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

function latestReview(
  storage: Storage,
  value: unknown,
  current: StoredVersionRecord | null,
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
  return review;
}

/**
 * The newest version record whose declaration loads completely, written back as the pointer;
 * null when there is none.
 */
async function recoverCurrent(
  context: StorageContext,
  damaged: boolean,
): Promise<StoredVersionRecord | null> {
  const { store, keys } = context;
  const { records } = await listVersionRecords(context);
  for (const record of records) {
    try {
      await loadVersion(context, record);
    } catch (error) {
      if (!(error instanceof DisclosureError) || error.code !== 'CORRUPT_DATA') throw error;
      context.report(`Version ${record.meta.version} cannot be served: ${error.message}`);
      continue;
    }
    const pointer = toStored(StoredVersionRecord, keys.current, record);
    if (damaged) {
      await store.set(keys.current, pointer);
    } else if (!(await store.create(keys.current, pointer))) {
      // Someone else wrote the pointer meanwhile (a publication, or the same recovery): use theirs.
      const theirs = StoredVersionRecord.safeParse(await store.get(keys.current));
      if (theirs.success) return theirs.data;
      await store.set(keys.current, pointer);
    }
    context.report(
      `"${keys.current}" was ${damaged ? 'damaged' : 'missing'}; it was rebuilt from "${keys.meta(record.meta.version)}", the newest complete version.`,
    );
    return record;
  }
  return null;
}
