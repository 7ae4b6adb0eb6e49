import type { z } from 'zod';
import type { PAYLOAD_SCHEMAS } from './api-payloads.ts';
import type { PublishedManifestFacts } from './manifest/published.ts';
import type { Declaration } from './schema/index.ts';

export type { PublishedManifestFacts };

/**
 * The contract between the Forge resolvers and the Custom UI: function keys, the resolver map
 * (`DisclosureDefs`) and answer types. Every import here is type-only, so loading it at run time
 * loads no zod: the Custom UI bundle imports it. The payload schemas the backend validates with
 * are in `api-payloads.ts`.
 */
export const RESOLVER_KEYS = {
  getDisclosure: 'disclosure/get',
  listVersions: 'versions/list',
  getVersion: 'versions/get',
  diffVersions: 'versions/diff',
  markReviewed: 'review/mark',
} as const;

/** A resolver function key, e.g. "versions/list". */
export type ResolverKey = (typeof RESOLVER_KEYS)[keyof typeof RESOLVER_KEYS];

/** Why a resolver call failed. */
export type ApiErrorCode =
  | 'INVALID_PAYLOAD'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CORRUPT_DATA'
  /** A stored record was written by a newer release of the app (after a downgrade): upgrade it. */
  | 'UNSUPPORTED_VERSION'
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

/** What is known about one published version, without the declaration itself. */
export interface VersionMeta {
  /** 1, 2, 3, ... in publication order on this site. */
  version: number;
  /**
   * SHA-256, hex, of the canonical JSON of the declaration and, when the version carries them,
   * of its manifest facts (see `publishedContentHash`).
   */
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

/**
 * The `accountId` a review keeps once Atlassian reported its reviewer's account closed: the id is
 * erased and the review kept, so the history still says that version was reviewed, and when, by
 * someone whose account was closed. No Atlassian account id contains `#`.
 */
export const CLOSED_ACCOUNT_ID = '#closed-account';

/** An admin's record that they reviewed a version. */
export interface ReviewRecord {
  version: number;
  /** Atlassian account id of the reviewer, or {@link CLOSED_ACCOUNT_ID}. */
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
  /**
   * What the app's manifest showed when this version was built, or null for a version published
   * without it: "not checked against a manifest".
   */
  manifest: PublishedManifestFacts | null;
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
  /** The version's manifest facts, or null when it was not checked against a manifest. */
  manifest: PublishedManifestFacts | null;
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
  | 'placement'
  | 'recipients'
  | 'logs'
  | 'cookies'
  | 'notCollected'
  | 'commitments'
  | 'transfers'
  | 'rights'
  | 'security'
  | 'vendorAccess'
  | 'sections'
  | 'summary'
  /** What the app's manifest shows: egress domains, remotes, Runs on Atlassian. */
  | 'manifest';

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

/** What the page may send to `key`: the input type of its payload schema. */
export type ResolverPayload<K extends ResolverKey> = z.input<(typeof PAYLOAD_SCHEMAS)[K]>;

/**
 * The resolver map, the one definition both sides use: `makeResolver<DisclosureDefs>()` in the
 * backend and `makeInvoke<DisclosureDefs>()` in the Custom UI check each key's payload and
 * answer against it.
 */
export type DisclosureDefs = {
  [RESOLVER_KEYS.getDisclosure]: (
    payload: ResolverPayload<typeof RESOLVER_KEYS.getDisclosure>,
  ) => ApiResult<DisclosureView>;
  [RESOLVER_KEYS.listVersions]: (
    payload: ResolverPayload<typeof RESOLVER_KEYS.listVersions>,
  ) => ApiResult<VersionPage>;
  [RESOLVER_KEYS.getVersion]: (
    payload: ResolverPayload<typeof RESOLVER_KEYS.getVersion>,
  ) => ApiResult<VersionDetail>;
  [RESOLVER_KEYS.diffVersions]: (
    payload: ResolverPayload<typeof RESOLVER_KEYS.diffVersions>,
  ) => ApiResult<DeclarationDiff>;
  [RESOLVER_KEYS.markReviewed]: (
    payload: ResolverPayload<typeof RESOLVER_KEYS.markReviewed>,
  ) => ApiResult<MarkReviewedResult>;
};
