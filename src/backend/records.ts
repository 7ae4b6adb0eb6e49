import { z } from 'zod';
import type { MaterialChanges, ReviewRecord, VersionMeta } from '../declaration/api.ts';
import { canonicalJson } from '../declaration/canonical.ts';
import { PublishedManifestFacts } from '../declaration/manifest/published.ts';
import { normaliseAppVersion, UNKNOWN_APP_VERSION } from './app-version.ts';
import { corrupt, DisclosureError } from './errors.ts';
import { MAX_ACCOUNT_ID_LENGTH } from './keys.ts';
import { newestVersion, PublishedVersions } from './published-versions.ts';
import {
  currentRecord,
  RECORD_MIGRATIONS,
  stamped,
  type RecordMigration,
} from './record-version.ts';
import { StoredMaterialChanges } from './stored-material.ts';

/**
 * Every record the disclosure stores, one schema each. The same schema checks a value before it
 * is written ({@link toStored}) and after it is read ({@link readStored}), so nothing is stored
 * that the reader would refuse. Each object is written with its `recordVersion`, which the
 * schemas do not list: reading takes it off first (`record-version.ts`).
 */

/** The most pieces one version's declaration may be split into (about 780 KiB of JSON). */
export const MAX_CHUNKS = 20;

/**
 * UTF-16 code units per chunk. JSON escapes a code unit to at most 6 bytes (\u001f), so a chunk
 * stored as a JSON string stays under Forge's 240 KiB value limit whatever the text contains.
 */
export const CHUNK_CODE_UNITS = 40_000;

const IsoTimestamp = z.iso.datetime({ offset: true });

/**
 * The app version is a label the platform sends: it is normalised on the way in and on the way
 * out, so a value stored by an earlier release (empty, or longer than the limit) reads as a
 * placeholder instead of locking the site out of its disclosure.
 */
const AppVersion = z
  .string()
  .transform((value) => normaliseAppVersion(value) ?? UNKNOWN_APP_VERSION);

/** Validates {@link VersionMeta}. */
export const StoredVersionMeta = z.strictObject({
  version: z.number().int().min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  publishedAt: IsoTimestamp,
  appVersion: AppVersion,
  policyVersion: z.string().min(1).max(64),
  lastUpdated: z.string().min(1).max(64),
}) satisfies z.ZodType<VersionMeta>;

/**
 * The record version of the manifest facts a version record holds. They are a record of their
 * own inside it, with their own `recordVersion`, so their shape can change without a new version
 * of every record the disclosure stores: read with {@link MANIFEST_FACTS_MIGRATIONS}, a newer one
 * refused (UNSUPPORTED_VERSION) like any record a later release wrote.
 */
export const MANIFEST_FACTS_RECORD_VERSION = 1;

/** The migrations of the manifest facts' record version. None yet: version 1 is their first shape. */
export const MANIFEST_FACTS_MIGRATIONS: readonly RecordMigration[] = [];

/** The zod issue parameter that marks a nested record written by a newer release. */
const NEWER_RECORD = 'newerRecord';

/** Manifest facts as stored: the facts with their own record version. */
export type StoredManifestFacts = PublishedManifestFacts & { recordVersion: number };

/**
 * Validates the manifest facts of a version record, read or about to be written: brought to
 * {@link MANIFEST_FACTS_RECORD_VERSION} and stamped with it.
 */
export const StoredManifestFacts = z.unknown().transform((value, context): StoredManifestFacts => {
  const record = currentRecord(
    'manifest facts record',
    value,
    MANIFEST_FACTS_MIGRATIONS,
    MANIFEST_FACTS_RECORD_VERSION,
  );
  if (!record.ok) {
    const { error } = record;
    context.addIssue({
      code: 'custom',
      message: typeof error === 'string' ? error : error.message,
      ...(typeof error !== 'string' && { params: { [NEWER_RECORD]: true } }),
    });
    return z.NEVER;
  }
  const parsed = PublishedManifestFacts.safeParse(record.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
    return z.NEVER;
  }
  return { recordVersion: MANIFEST_FACTS_RECORD_VERSION, ...parsed.data };
});

/** The facts of a stored record, without their record version; null when it has none. */
export function manifestFactsOf(record: {
  manifest?: StoredManifestFacts | undefined;
}): PublishedManifestFacts | null {
  if (!record.manifest) return null;
  const { recordVersion: _version, ...facts } = record.manifest;
  return facts;
}

/**
 * The immutable record of one version (`meta:<v>`), created when a publication claims its number.
 * Before publication records existed, the pointer `head:current` was a copy of it; such a pointer
 * is read only to migrate it (see `migrate-published.ts`).
 */
export const StoredVersionRecord = z.strictObject({
  meta: StoredVersionMeta,
  /** How many `chunk` keys hold the declaration's canonical JSON. */
  chunkCount: z.number().int().min(1).max(MAX_CHUNKS),
  /**
   * What the app's manifest showed when the version was built; the content hash covers it. A
   * version published before facts were bundled has none: "not checked against a manifest".
   */
  manifest: StoredManifestFacts.optional(),
  /**
   * What changed that matters since the version served before it, computed at publication (from
   * record version 2). Version 1 has none, and neither has a version published by an earlier
   * release or after a served version that could not be read.
   */
  material: StoredMaterialChanges.optional(),
});
/** A version record as stored. */
export type StoredVersionRecord = z.infer<typeof StoredVersionRecord>;

/**
 * That a version was shown: its record and every version the site had been shown up to it. Written
 * under `v:<v>:published` in the same transaction that moves the pointer onto the version, and
 * `head:current` is the same value, so a version without it never became the served one. The set
 * ends with the version itself: a publication takes the next number.
 */
export const StoredPublication = StoredVersionRecord.extend({
  published: PublishedVersions,
}).refine((publication) => newestVersion(publication.published) === publication.meta.version, {
  message: 'the published versions must end with the version itself',
  path: ['published'],
});
/** A publication record as stored. */
export type StoredPublication = z.infer<typeof StoredPublication>;

/** Whether two records describe the same stored version: every field of `meta:<v>` equal. */
export function sameRecord(left: StoredVersionRecord, right: StoredVersionRecord): boolean {
  const fields = Object.keys(StoredVersionMeta.shape) as (keyof StoredVersionRecord['meta'])[];
  return (
    left.chunkCount === right.chunkCount &&
    fields.every((field) => left.meta[field] === right.meta[field]) &&
    canonicalJson(left.manifest ?? null) === canonicalJson(right.manifest ?? null) &&
    canonicalJson(left.material ?? null) === canonicalJson(right.material ?? null)
  );
}

/** Whether two publication records are the same: the same record and the same versions shown. */
export function samePublication(left: StoredPublication, right: StoredPublication): boolean {
  return (
    sameRecord(left, right) &&
    left.published.length === right.published.length &&
    left.published.every(
      ([first, last], index) =>
        right.published[index]?.[0] === first && right.published[index]?.[1] === last,
    )
  );
}

/** The `meta:<v>` part of a publication record. */
export function versionRecordOf(record: StoredVersionRecord): StoredVersionRecord {
  return {
    meta: record.meta,
    chunkCount: record.chunkCount,
    ...(record.manifest && { manifest: record.manifest }),
    ...(record.material && { material: record.material }),
  };
}

/** The material changes a version record keeps; null when none were computed. */
export function materialOf(record: {
  material?: MaterialChanges | undefined;
}): MaterialChanges | null {
  return record.material ?? null;
}

/** Validates a {@link ReviewRecord}. */
export const StoredReviewRecord = z.strictObject({
  version: z.number().int().min(1),
  accountId: z.string().min(1).max(MAX_ACCOUNT_ID_LENGTH),
  reviewedAt: IsoTimestamp,
}) satisfies z.ZodType<ReviewRecord>;

/** One piece of a declaration's canonical JSON. */
export const StoredChunk = z.string().min(1).max(CHUNK_CODE_UNITS);

/** The marker that the storage from before the key prefix was copied under it. */
export const StoredMigration = z.strictObject({
  migratedAt: IsoTimestamp,
  /** How many versions were copied (0 when there was nothing to copy). */
  versions: z.number().int().min(0),
});
/** The migration marker as stored. */
export type StoredMigration = z.infer<typeof StoredMigration>;

/** Why a value failed its schema: the first issue and where it is. */
function firstIssue(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `${first?.message ?? 'invalid'}${where}`;
}

/** A value as written: an object carries its record version; a declaration piece is a string. */
export type Stored<T> = T extends object ? T & { recordVersion: number } : T;

/** A stored value read with its schema, or why it cannot be used: damaged, or newer than this release. */
export type StoredRead<T> = { ok: true; data: T } | { ok: false; error: DisclosureError };

/**
 * Reads a stored value: brings it to the current record version (see `record-version.ts`), then
 * checks it with `schema`. A record written by a newer release is UNSUPPORTED_VERSION, anything
 * else that fails CORRUPT_DATA; both name `key` (pass a review key redacted).
 */
export function parseStored<T>(
  schema: z.ZodType<T>,
  key: string,
  value: unknown,
  migrations: readonly RecordMigration[] = RECORD_MIGRATIONS,
): StoredRead<T> {
  const what = `value "${key}"`;
  const record = currentRecord(what, value, migrations);
  if (!record.ok) {
    const { error } = record;
    return { ok: false, error: typeof error === 'string' ? corrupt(what, error) : error };
  }
  const result = schema.safeParse(record.value);
  if (result.success) return { ok: true, data: result.data };
  const newer = result.error.issues.find(
    (issue) => issue.code === 'custom' && issue.params?.[NEWER_RECORD] === true,
  );
  if (newer) return { ok: false, error: new DisclosureError('UNSUPPORTED_VERSION', newer.message) };
  return { ok: false, error: corrupt(what, firstIssue(result.error)) };
}

/** Parses a stored value with `schema` ({@link parseStored}), or throws why it cannot be used. */
export function readStored<T>(schema: z.ZodType<T>, key: string, value: unknown): T {
  const read = parseStored(schema, key, value);
  if (read.ok) return read.data;
  throw read.error;
}

/**
 * A stored value when it reads, null when it is missing or damaged (the caller writes it again);
 * one written by a newer release is refused (UNSUPPORTED_VERSION), so it is never written over.
 */
export function storedOrNull<T>(schema: z.ZodType<T>, key: string, value: unknown): T | null {
  const read = parseStored(schema, key, value);
  if (read.ok) return read.data;
  if (read.error.code === 'UNSUPPORTED_VERSION') throw read.error;
  return null;
}

/** Whether a read failed because a newer release wrote the record: it is refused, never repaired. */
export function isNewer(read: StoredRead<unknown>): boolean {
  return !read.ok && read.error.code === 'UNSUPPORTED_VERSION';
}

/**
 * The value to write under `key`, checked by the schema the reader uses, with the record version
 * this release writes. Throws (and nothing is written) when it would not read back: a value the
 * backend built wrongly is a bug to report, never a record to store.
 */
export function toStored<T>(schema: z.ZodType<T>, key: string, value: unknown): Stored<T> {
  // A record read or built earlier may carry its version already: it is written as current.
  const bare = isRecord(value) ? withoutVersion(value) : value;
  const result = schema.safeParse(bare);
  if (result.success) {
    const data = result.data;
    return (isRecord(data) ? stamped(data) : data) as Stored<T>;
  }
  throw new DisclosureError(
    'INTERNAL',
    `Refused to store "${key}": it would not read back (${firstIssue(result.error)}). Nothing was written.`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutVersion(value: Record<string, unknown>): Record<string, unknown> {
  const { recordVersion: _version, ...rest } = value;
  return rest;
}
