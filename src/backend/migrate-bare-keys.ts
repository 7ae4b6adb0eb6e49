import type { ReviewRecord } from '../declaration/api.ts';
import type { StorageContext } from './context.ts';
import { DisclosureError } from './errors.ts';
import type { StorageKeys } from './keys.ts';
import { recordShownVersions } from './migrate-published.ts';
import {
  StoredChunk,
  StoredMigration,
  StoredPublication,
  StoredReviewRecord,
  StoredVersionRecord,
  toStored,
} from './records.ts';
import {
  checkedReview,
  listReviews,
  listVersionRecords,
  loadVersion,
  parseVersionRecord,
  type Storage,
} from './repository.ts';

/**
 * Copies this app's storage from before the key prefix (`head:`, `meta:`, `v:`, `review:`) under
 * the prefix, once: every valid version record, its declaration pieces and every review. The old
 * keys are only read, never changed or deleted, so nothing is lost if a copy stops half-way; a
 * later call finishes it (each write is the same value again) and the marker written last keeps
 * it from running after that. Damaged old records are reported and left where they are.
 *
 * Answers the record to serve, or null when there was nothing to copy.
 */
export async function migrateBareKeys(
  context: StorageContext,
  bareKeys: StorageKeys,
): Promise<StoredVersionRecord | null> {
  const { store, keys } = context;
  if ((await store.get(keys.bareKeysMigrated)) !== undefined) return null;
  const old: Storage = { ...context, keys: bareKeys };
  const { records } = await listVersionRecords(old);
  const copied: StoredVersionRecord[] = [];
  for (const record of [...records].reverse()) {
    if (await copyVersion(context, old, record)) copied.unshift(record);
  }

  const served = copied.length === 0 ? null : await copyHead(context, old, copied);
  const marker: StoredMigration = {
    migratedAt: context.now().toISOString(),
    versions: copied.length,
  };
  await store.set(keys.bareKeysMigrated, toStored(StoredMigration, keys.bareKeysMigrated, marker));
  if (copied.length > 0) {
    context.report(
      `Copied ${copied.length} published version(s) and their reviews from the keys without a prefix to "${keys.prefix}"; the old keys were left as they are.`,
    );
  }
  return served;
}

/**
 * Copies the newest review and then the pointer, each only where nothing is stored yet: a
 * publication or review under the prefix that happened meanwhile is newer and stays.
 */
async function copyHead(
  context: StorageContext,
  old: Storage,
  records: StoredVersionRecord[],
): Promise<StoredVersionRecord | null> {
  const { store, keys } = context;
  const bareKeys = old.keys;
  const heads = await store.list(bareKeys.headPrefix);
  const served = await pickServed(
    context,
    old,
    records,
    heads.find((e) => e.key === bareKeys.current)?.value,
  );
  if (served) {
    const latest = heads.find((entry) => entry.key === bareKeys.latestReview)?.value;
    const review =
      latest === undefined
        ? null
        : checkedReview(old, bareKeys.latestReview, latest, () => bareKeys.latestReview);
    if (review && review.version <= served.meta.version) {
      await store.create(
        keys.latestReview,
        toStored(StoredReviewRecord, keys.latestReview, review),
      );
    }
    // The pointer after everything it points to: once it is there, readers see the copies.
    // Release 0.1.0 showed every version up to its pointer: each is recorded as shown.
    const publication = await recordShownVersions(context, served, records);
    await store.create(keys.current, toStored(StoredPublication, keys.current, publication));
  }
  return served;
}

/**
 * Copies one version: its declaration pieces, then its record, then its reviews. Answers false,
 * copying no review, when the prefix already holds a different record under that number.
 */
async function copyVersion(
  context: StorageContext,
  old: Storage,
  record: StoredVersionRecord,
): Promise<boolean> {
  const { store, keys } = context;
  const { version, contentHash } = record.meta;
  const entries = await store.list(old.keys.versionPrefix(version));
  for (let index = 0; index < record.chunkCount; index += 1) {
    const piece = entries.find((e) => e.key === old.keys.chunk(version, contentHash, index));
    const chunk = StoredChunk.safeParse(piece?.value);
    if (!chunk.success) {
      context.report(`Version ${version}: piece ${index} is missing or damaged; not copied.`);
      continue;
    }
    await store.set(keys.chunk(version, contentHash, index), chunk.data);
  }
  const key = keys.meta(version);
  if (!(await store.create(key, toStored(StoredVersionRecord, key, record)))) {
    // Copied by an earlier run that stopped before the marker: the same record is there.
    const there = parseVersionRecord(context, version, await store.get(key));
    if (!there.ok || there.record.meta.contentHash !== contentHash) {
      context.report(
        `"${key}" already holds another version ${version}; the old one and its reviews stay under the old keys, not copied over it.`,
      );
      return false;
    }
  }
  const latestKey = old.keys.versionLatestReview(version);
  const latest = entries.find((entry) => entry.key === latestKey);
  const review =
    latest &&
    checkedReview(old, latestKey, latest.value, (found) =>
      old.keys.versionLatestReview(found.version),
    );
  if (review) await copyReview(context, keys.versionLatestReview(version), review, 'create');
  for (const each of await listReviews(old, version)) {
    await copyReview(context, keys.review(version, each.reviewedAt, each.accountId), each, 'set');
  }
  return true;
}

/** Writes a copied review; the newest-review keys only where no newer review was recorded. */
async function copyReview(
  context: StorageContext,
  key: string,
  review: ReviewRecord,
  how: 'set' | 'create',
): Promise<void> {
  const value = toStored(StoredReviewRecord, context.keys.redact(key), review);
  if (how === 'create') await context.store.create(key, value);
  else await context.store.set(key, value);
}

/**
 * The version to serve after copying: the one the old pointer named when it was copied, else the
 * newest copied version whose declaration loads completely.
 */
async function pickServed(
  context: StorageContext,
  old: Storage,
  records: StoredVersionRecord[],
  pointer: unknown,
): Promise<StoredVersionRecord | null> {
  const parsed = StoredVersionRecord.safeParse(pointer);
  const named = parsed.success
    ? records.find(
        ({ meta }) =>
          meta.version === parsed.data.meta.version &&
          meta.contentHash === parsed.data.meta.contentHash,
      )
    : undefined;
  if (named) return named;
  if (pointer !== undefined) {
    old.report(`"${old.keys.current}" is damaged or names no copied version; serving the newest.`);
  }
  for (const record of records) {
    try {
      await loadVersion(context, record);
      return record;
    } catch (error) {
      if (!(error instanceof DisclosureError) || error.code !== 'CORRUPT_DATA') throw error;
    }
  }
  return null;
}
