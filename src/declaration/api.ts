import type { z } from 'zod';
import type { PAYLOAD_SCHEMAS } from './api-payloads.ts';
import type { PublishedManifestFacts } from './manifest/published.ts';
import type { Declaration, PeriodBound, RetentionBasis, Text } from './schema/index.ts';

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

/**
 * Where a material change's detail is in "What changed": the section and key of the diff entry
 * (a {@link DiffEntry}) it summarises. The page links it to `diffAnchor(ref)`.
 */
export interface DiffRef {
  section: DiffSection;
  key: string;
}

/** A retention as compared for a material change: its basis and longest period, if it has one. */
export interface RetentionSpan {
  basis: RetentionBasis;
  /** ISO 8601 duration; null when the data is kept without a stated limit. */
  period: string | null;
  bound?: PeriodBound;
}

/**
 * One change between two versions that matters to a privacy review, in the order an admin reads
 * them: where data is (countries, hosting), who receives it, what personal data is collected, how
 * long it is kept, residency, what the manifest lets the app reach, rights and contacts. Names
 * are the vendor's text from the version the item comes from (a removed item from the older one),
 * so the page puts them in words in the reader's language without a declaration at hand; no
 * change carries an id for people to read.
 */
export type MaterialChange =
  /** A country where data is stored, backed up or transferred to, added or removed. */
  | {
      kind: 'country';
      change: 'added' | 'removed';
      /** ISO 3166-1 alpha-2. */
      country: string;
      role: 'stored' | 'backup' | 'transfer';
      ref: DiffRef | null;
    }
  /** A storage location added or removed, or its provider, region or country changed. */
  | {
      kind: 'hosting';
      change: 'added' | 'removed' | 'changed';
      /** The location's name (or provider), from the side it comes from. */
      location: Text;
      /** Its provider on each side, when the provider changed or the location came or went. */
      provider: { before: Text | null; after: Text | null };
      ref: DiffRef | null;
    }
  /** A recipient (a subprocessor or another recipient) added or removed. */
  | {
      kind: 'recipient';
      change: 'added' | 'removed';
      /** The recipient's kind in the format: `subprocessor` or `recipient`. */
      recipientKind: string;
      name: Text;
      ref: DiffRef | null;
    }
  /**
   * A data category that holds personal or sensitive data: new, or one that now does (its
   * `personal` or `sensitive` status became yes or may-contain).
   */
  | {
      kind: 'personal-data';
      change: 'added' | 'now-personal' | 'now-sensitive';
      name: Text;
      sensitive: boolean;
      ref: DiffRef | null;
    }
  /** A data category kept longer or shorter, compared as durations. */
  | {
      kind: 'retention';
      change: 'longer' | 'shorter';
      name: Text;
      before: RetentionSpan;
      after: RetentionSpan;
      ref: DiffRef | null;
    }
  /** Data residency gained or lost, for a data category or a storage location (null: the app). */
  | {
      kind: 'residency';
      change: 'gained' | 'lost';
      name: Text | null;
      ref: DiffRef | null;
    }
  /** An egress domain or a remote in the app's manifest, added or removed (the truth check's facts). */
  | {
      kind: 'egress';
      change: 'added' | 'removed';
      /** The host (egress) or the remote's key. */
      target: string;
      remote: boolean;
      ref: DiffRef | null;
    }
  /** The rights people have, or how to exercise them, changed. */
  | { kind: 'rights'; ref: DiffRef | null }
  /** The vendor's privacy, protection or security contacts changed. */
  | { kind: 'contacts'; ref: DiffRef | null };

/** The material changes of a version against the version it followed, stored at publication. */
export interface MaterialChanges {
  /** The version compared with: the one served before this one was published. */
  from: number;
  changes: MaterialChange[];
}

/**
 * The vendor's names of the items a diff's ids point at, per kind, so that an id shared by a
 * location and a recipient is named as each, and a removed item is named from the older version.
 */
export interface DiffNames {
  purposes: Record<string, Text>;
  dataCategories: Record<string, Text>;
  recipients: Record<string, Text>;
  locations: Record<string, Text>;
  logs: Record<string, Text>;
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
  /**
   * What changed that matters since the version this one followed, computed when it was
   * published; null for version 1 and for a version published by an earlier release.
   */
  material: MaterialChanges | null;
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
  versions: (VersionMeta & {
    reviews: ReviewRecord[];
    /** Its material changes, stored at publication; null when none were computed (see DisclosureView). */
    material: MaterialChanges | null;
  })[];
  nextCursor: string | null;
  /**
   * Asked for with `withDefaultDiff` on the first page: the served version's default comparison
   * (from the version last reviewed when it is older, else from the one before), or null when
   * there is nothing to compare (version 1 alone). Absent when not asked for.
   */
  defaultDiff?: DeclarationDiff | null;
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
  /**
   * For a list of plain values (examples, notes, countries, ids) compared item by item: the items
   * only the newer list has, and those only the older one has. Absent for other fields.
   */
  added?: unknown[];
  removed?: unknown[];
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
  /** The changes that matter to a privacy review between the two versions, most important first. */
  material: MaterialChange[];
  /** Names of what the entries' ids point at, from each side. */
  names: { before: DiffNames; after: DiffNames };
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
