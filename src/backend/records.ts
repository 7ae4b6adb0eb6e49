import { z } from 'zod';
import type { ReviewRecord, VersionMeta } from '../declaration/api.ts';
import { corrupt } from './errors.ts';

/** The most pieces one version's declaration may be split into (about 780 KiB of JSON). */
export const MAX_CHUNKS = 20;

const IsoTimestamp = z.iso.datetime({ offset: true });

/** Validates {@link VersionMeta} read back from storage. */
export const StoredVersionMeta = z.strictObject({
  version: z.number().int().min(1),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  publishedAt: IsoTimestamp,
  appVersion: z.string().min(1).max(100),
  policyVersion: z.string().min(1).max(64),
  lastUpdated: z.string().min(1).max(64),
}) satisfies z.ZodType<VersionMeta>;

/** The immutable record of one version (`meta:<v>`) and the pointer to the served one (`head:current`). */
export const StoredVersionRecord = z.strictObject({
  meta: StoredVersionMeta,
  /** How many `chunk` keys hold the declaration's canonical JSON. */
  chunkCount: z.number().int().min(1).max(MAX_CHUNKS),
});
/** A version record as stored. */
export type StoredVersionRecord = z.infer<typeof StoredVersionRecord>;

/** Validates a {@link ReviewRecord} read back from storage. */
export const StoredReviewRecord = z.strictObject({
  version: z.number().int().min(1),
  accountId: z.string().min(1).max(128),
  reviewedAt: IsoTimestamp,
}) satisfies z.ZodType<ReviewRecord>;

/** Parses a stored value with `schema`, or throws CORRUPT_DATA naming the key. */
export function readStored<T>(schema: z.ZodType<T>, key: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  throw corrupt(`value "${key}"`, `${first?.message ?? 'invalid'}${where}`);
}
