import { z } from 'zod';
import type { Declaration } from './schema/index.ts';

/**
 * The contract between the Forge resolvers and the Custom UI: function keys, payload schemas
 * (validated by the backend) and answer types. Pure, so both sides import it from one place.
 */
export const RESOLVER_KEYS = {
  getDisclosure: 'disclosure/get',
  listVersions: 'versions/list',
  getVersion: 'versions/get',
  diffVersions: 'versions/diff',
  markReviewed: 'review/mark',
} as const;

/** Why a resolver call failed. */
export type ApiErrorCode =
  | 'INVALID_PAYLOAD'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CORRUPT_DATA'
  | 'STORAGE_ERROR'
  | 'INVALID_DECLARATION'
  | 'INTERNAL';

/** A failure the UI can show: a code to branch on and a message a person can read. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/** Every resolver answers with this envelope. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** A positive whole version number: 1 is the first declaration this site was shown. */
export const VersionNumber = z.number().int().min(1).max(1_000_000);

/** Payload of `disclosure/get`. */
export const GetDisclosurePayload = z.strictObject({});
/** Payload of `versions/list`. */
export const ListVersionsPayload = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
/** Payload of `versions/get`. */
export const GetVersionPayload = z.strictObject({ version: VersionNumber });
/** Payload of `versions/diff`: from the older to the newer version. */
export const DiffVersionsPayload = z.strictObject({ from: VersionNumber, to: VersionNumber });
/** Payload of `review/mark`. */
export const MarkReviewedPayload = z.strictObject({ version: VersionNumber });

/** What is known about one published version, without the declaration itself. */
export interface VersionMeta {
  /** 1, 2, 3, ... in publication order on this site. */
  version: number;
  /** SHA-256 of the canonical JSON of the declaration, hex. */
  contentHash: string;
  /** ISO 8601 timestamp of publication. */
  publishedAt: string;
  /** The app version (Forge or package version) that published it. */
  appVersion: string;
  /** The vendor's own policy version label (declaration.policy.version). */
  policyVersion: string;
  /** declaration.policy.lastUpdated. */
  lastUpdated: string;
}

/** An admin's record that they reviewed a version. */
export interface ReviewRecord {
  version: number;
  /** Atlassian account id of the reviewer. */
  accountId: string;
  /** ISO 8601 timestamp. */
  reviewedAt: string;
}

/** Answer of `disclosure/get`: everything the page needs in one call. */
export interface DisclosureView {
  declaration: Declaration;
  version: VersionMeta;
  review: {
    /** The newest review of the current version, if any. */
    current: ReviewRecord | null;
    /** The newest review of any version (may be an older version). */
    lastReviewed: ReviewRecord | null;
  };
  /** Whether this module may record reviews (an admin module); the user's rights are checked on write. */
  canReview: boolean;
  /** The Marketplace "Privacy & security" tab, when the declaration names the listing. */
  marketplacePrivacyUrl: string | null;
}

/** Answer of `versions/list`. */
export interface VersionPage {
  versions: (VersionMeta & { reviews: ReviewRecord[] })[];
  nextCursor: string | null;
}

/** Answer of `versions/get`. */
export interface VersionDetail {
  version: VersionMeta;
  declaration: Declaration;
}

/** One field that differs inside a changed item. */
export interface FieldChange {
  /** Path inside the item, e.g. "retention.period" or "countries". */
  path: string;
  before: unknown;
  after: unknown;
}

/** The parts of a declaration a diff reports on. */
export type DiffSection =
  | 'vendor'
  | 'app'
  | 'policy'
  | 'purposes'
  | 'dataCategories'
  | 'retention'
  | 'locations'
  | 'recipients'
  | 'cookies'
  | 'notCollected'
  | 'commitments'
  | 'transfers'
  | 'rights'
  | 'security'
  | 'vendorAccess'
  | 'sections'
  | 'summary';

/** One item added, removed or changed between two versions. */
export interface DiffEntry {
  section: DiffSection;
  kind: 'added' | 'removed' | 'changed';
  /** The item's id, or a stable key such as a cookie's name. */
  key: string;
  /** A human label: the item's English name. */
  label: string;
  /** For changed items: which fields differ. */
  fields: FieldChange[];
}

/** Answer of `versions/diff`. */
export interface DeclarationDiff {
  from: number;
  to: number;
  entries: DiffEntry[];
  counts: { added: number; removed: number; changed: number };
}

/** Answer of `review/mark`. */
export interface MarkReviewedResult {
  review: ReviewRecord;
}
