import type { PublishedManifestFacts, ReviewRecord, VersionMeta } from '../declaration/api.ts';
import type { Declaration } from '../declaration/schema/index.ts';
import { decodeDeclaration } from './content.ts';
import type { StorageContext } from './context.ts';
import { corrupt, DisclosureError } from './errors.ts';
import { includesVersion } from './published-versions.ts';
import { currentRecord } from './record-version.ts';
import {
  isNewer,
  manifestFactsOf,
  parseStored,
  readStored,
  sameRecord,
  StoredPublication,
  StoredReviewRecord,
  StoredVersionRecord,
  versionRecordOf,
} from './records.ts';

/**
 * Reading stored records, each checked against its schema and against the key it was read from:
 * a record under another version's key is never served as that version's.
 */

/** What reading needs: the store, the key layout and where to report skipped records. */
export type Storage = Pick<StorageContext, 'store' | 'keys' | 'report'>;

/** A version's declaration with its newest review. */
export interface LoadedVersion {
  meta: VersionMeta;
  declaration: Declaration;
  /** What the app's manifest showed when it was built; null when it was not checked against one. */
  manifest: PublishedManifestFacts | null;
  /** Its newest review, or the refusal of one a newer release wrote: only a page view needs it. */
  latestReview: ReviewRead;
  /** Its publication record when one is stored, valid and about this very record; else null. */
  publication: StoredPublication | null;
}

/**
 * A newest review as read: the review (null when there is none to show), or the refusal of one
 * written by a newer release. Kept apart so that only what shows the review is refused.
 */
export type ReviewRead =
  { ok: true; review: ReviewRecord | null } | { ok: false; error: DisclosureError };

/** No review to show. */
export const NO_REVIEW: ReviewRead = { ok: true, review: null };

/** The review of a {@link ReviewRead}, or its refusal thrown. */
export function reviewOf(read: ReviewRead): ReviewRecord | null {
  if (read.ok) return read.review;
  throw read.error;
}

/** Runs a review read, keeping a refusal of a newer record as the answer instead of throwing it. */
export function readReview(read: () => ReviewRecord | null): ReviewRead {
  try {
    return { ok: true, review: read() };
  } catch (error) {
    if (error instanceof DisclosureError && error.code === 'UNSUPPORTED_VERSION') {
      return { ok: false, error };
    }
    throw error;
  }
}

/** A version record read from its key, or why it cannot be used. */
export type VersionRecordRead =
  { ok: true; record: StoredVersionRecord } | { ok: false; error: DisclosureError };

/** Parses the record stored under `meta:<version>`, checking it describes that version. */
export function parseVersionRecord(
  storage: Storage,
  version: number,
  value: unknown,
): VersionRecordRead {
  const key = storage.keys.meta(version);
  try {
    const record = readStored(StoredVersionRecord, key, value);
    if (record.meta.version !== version) {
      throw corrupt(`value "${key}"`, `it describes version ${record.meta.version}`);
    }
    return { ok: true, record };
  } catch (error) {
    if (error instanceof DisclosureError) return { ok: false, error };
    throw error;
  }
}

/**
 * The record of a published version, or NOT_FOUND when `version` was never served here: only the
 * versions the served publication lists were shown. A record that exists for another number
 * belongs to a publication that never finished, or is still under way, and is never visible.
 */
export async function readVersionRecord(
  storage: Storage,
  version: number,
  current: StoredPublication,
): Promise<StoredVersionRecord> {
  if (version === current.meta.version) return versionRecordOf(current);
  if (!includesVersion(current.published, version)) throw notFound(version, current.meta.version);
  const value = await storage.store.get(storage.keys.meta(version));
  if (value === undefined) throw notFound(version, current.meta.version);
  const read = parseVersionRecord(storage, version, value);
  if (!read.ok) throw read.error;
  return read.record;
}

function notFound(version: number, newest: number): DisclosureError {
  return new DisclosureError(
    'NOT_FOUND',
    `Version ${version} was never published on this site; the newest published version is ${newest}.`,
  );
}

/**
 * The publication record stored for `record`'s version, when it is valid and copies that very
 * record; null otherwise (never published, or damaged: the caller says which it takes it for).
 * One written by a newer release is refused (UNSUPPORTED_VERSION): it is never written over.
 */
export function parsePublication(
  storage: Pick<Storage, 'keys'>,
  record: StoredVersionRecord,
  value: unknown,
): StoredPublication | null {
  const parsed = parseStored(StoredPublication, storage.keys.published(record.meta.version), value);
  if (isNewer(parsed) && !parsed.ok) throw parsed.error;
  return parsed.ok && sameRecord(parsed.data, record) ? parsed.data : null;
}

/**
 * Every version record under `meta:`, newest first. A damaged one, or one whose key and content
 * disagree, is reported and left out; `highest` is the highest number any record key holds. One
 * written by a newer release is refused (UNSUPPORTED_VERSION): what is built from the list (a
 * rebuilt pointer, a migration) would leave it out.
 */
export async function listVersionRecords(
  storage: Storage,
): Promise<{ records: StoredVersionRecord[]; highest: number }> {
  const entries = await storage.store.list(storage.keys.metaPrefix);
  const records: StoredVersionRecord[] = [];
  let highest = 0;
  for (const entry of entries) {
    const version = storage.keys.versionOfMetaKey(entry.key);
    if (version === undefined) continue;
    highest = Math.max(highest, version);
    const read = parseVersionRecord(storage, version, entry.value);
    if (read.ok) records.push(read.record);
    else if (read.error.code === 'UNSUPPORTED_VERSION') throw read.error;
    else storage.report(`Skipped a version record: ${read.error.message}`);
  }
  return { records: records.sort((a, b) => b.meta.version - a.meta.version), highest };
}

/**
 * A review read from `key`, when it is valid and stored where it belongs: its own version's key,
 * built from its own time and account. Anything else is reported and answered null, but a review
 * written by a newer release, which is refused (UNSUPPORTED_VERSION).
 */
export function checkedReview(
  storage: Storage,
  key: string,
  value: unknown,
  expectedKey: (review: ReviewRecord) => string,
): ReviewRecord | null {
  const shown = storage.keys.redact(key);
  const record = currentRecord(`review "${shown}"`, value);
  if (!record.ok && typeof record.error !== 'string') throw record.error;
  // A recordVersion that is not a number is left on: the strict schema reports it as damage.
  const parsed = StoredReviewRecord.safeParse(record.ok ? record.value : value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    storage.report(
      `Skipped the damaged review "${shown}" (${issue?.message ?? 'invalid'}${where}).`,
    );
    return null;
  }
  if (keyOrNull(() => expectedKey(parsed.data)) !== key) {
    storage.report(
      `Skipped the review "${shown}": it records a review of version ${parsed.data.version}, which belongs elsewhere.`,
    );
    return null;
  }
  return parsed.data;
}

function keyOrNull(build: () => string): string | null {
  try {
    return build();
  } catch {
    // A record whose fields cannot form a key was not written by the disclosure.
    return null;
  }
}

/**
 * Loads a version's declaration, newest review and publication record in one request, checking
 * every piece.
 */
export async function loadVersion(
  storage: Storage,
  record: StoredVersionRecord,
): Promise<LoadedVersion> {
  return loadFrom(storage, record, await versionEntries(storage, record.meta.version));
}

/** Every key under `v:<version>:` (pieces, publication record, newest review), in one request. */
export async function versionEntries(
  storage: Storage,
  version: number,
): Promise<Map<string, unknown>> {
  const entries = await storage.store.list(storage.keys.versionPrefix(version));
  return new Map(entries.map((entry): [string, unknown] => [entry.key, entry.value]));
}

/** {@link loadVersion} over entries already read with {@link versionEntries}. */
export async function loadFrom(
  storage: Storage,
  record: StoredVersionRecord,
  byKey: Map<string, unknown>,
): Promise<LoadedVersion> {
  const { version, contentHash } = record.meta;
  const { keys } = storage;
  const pieces = Array.from({ length: record.chunkCount }, (_, index) =>
    byKey.get(keys.chunk(version, contentHash, index)),
  );
  const manifest = manifestFactsOf(record);
  const declaration = await decodeDeclaration(version, pieces, contentHash, manifest);
  const reviewKey = keys.versionLatestReview(version);
  const review = byKey.get(reviewKey);
  return {
    meta: record.meta,
    declaration,
    manifest,
    publication: parsePublication(storage, record, byKey.get(keys.published(version))),
    latestReview:
      review === undefined
        ? NO_REVIEW
        : readReview(() =>
            checkedReview(storage, reviewKey, review, (found) =>
              keys.versionLatestReview(found.version),
            ),
          ),
  };
}

/** Every valid review of a version, oldest first; damaged or misplaced ones are reported. */
export async function listReviews(storage: Storage, version: number): Promise<ReviewRecord[]> {
  const { keys } = storage;
  const entries = await storage.store.list(keys.reviewPrefix(version));
  return entries.flatMap((entry) => {
    const review = checkedReview(storage, entry.key, entry.value, (found) =>
      keys.review(found.version, found.reviewedAt, found.accountId),
    );
    return review ? [review] : [];
  });
}
