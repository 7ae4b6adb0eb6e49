import { z } from 'zod';
import { RESOLVER_KEYS } from './api.ts';

/**
 * The zod schemas of the resolver payloads, which the backend validates every call against.
 * Kept out of `api.ts` so the Custom UI can import the contract without loading zod; `api.ts`
 * derives the payload types from these with type-only imports.
 */

/** A positive whole version number: 1 is the first declaration this site was shown. */
export const VersionNumber = z.number().int().min(1).max(1_000_000);

/** Payload of `disclosure/get`. */
export const GetDisclosurePayload = z.strictObject({});
/** Payload of `versions/list`. */
export const ListVersionsPayload = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).optional(),
  /**
   * With the first page: also what changed from the version last reviewed (when older than the
   * served one) or else the one before, to the served version; the page's default comparison.
   */
  withDefaultDiff: z.boolean().optional(),
});
/** Payload of `versions/get`. */
export const GetVersionPayload = z.strictObject({ version: VersionNumber });
/** Payload of `versions/diff`: from the older to the newer version. */
export const DiffVersionsPayload = z.strictObject({ from: VersionNumber, to: VersionNumber });
/** Payload of `review/mark`. */
export const MarkReviewedPayload = z.strictObject({ version: VersionNumber });

/** Each resolver key's payload schema, so a new key without a schema fails to compile. */
export const PAYLOAD_SCHEMAS = {
  [RESOLVER_KEYS.getDisclosure]: GetDisclosurePayload,
  [RESOLVER_KEYS.listVersions]: ListVersionsPayload,
  [RESOLVER_KEYS.getVersion]: GetVersionPayload,
  [RESOLVER_KEYS.diffVersions]: DiffVersionsPayload,
  [RESOLVER_KEYS.markReviewed]: MarkReviewedPayload,
} as const satisfies Record<(typeof RESOLVER_KEYS)[keyof typeof RESOLVER_KEYS], z.ZodType>;
