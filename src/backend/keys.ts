/**
 * Every Forge storage key the disclosure uses, in one place, all built from one prefix so that a
 * vendor's app that embeds the disclosure keeps the rest of its storage to itself.
 *
 * Layout under the prefix P, chosen so a page view costs two queries once published, and a page
 * of the history a constant number of requests (batches of 25 keys) whatever its length:
 * - `P head:current`             the version being served (a copy of its publication record)
 * - `P head:latest-review`       the newest review of any version
 * - `P meta:<v>`                 the immutable record of version v, created with FAIL_IF_EXISTS
 * - `P v:<v>:chunk:<hash>:<i>`   the canonical JSON of version v's declaration, in pieces
 * - `P v:<v>:published`          that version v was shown (its publication record), written with
 *                                the pointer in one transaction: the commit of a publication
 * - `P v:<v>:latest-review`      the newest review of version v
 * - `P v:<v>:reviews`            the newest reviews of version v and their count, written with
 *                                each review: a page of history reads every row's in one batch
 * - `P review:<v>:<time>:<id>`   every review, one key each, so concurrent reviews never collide
 * - `P migration:bare-keys`      set once the storage from before the prefix has been copied
 * Version numbers are zero-padded so that keys sort in version order. Every value that is an
 * object carries its `recordVersion`, and the pieces hold a declaration with its own
 * `schemaVersion` (see `record-version.ts`).
 */

/** The prefix of every key unless the vendor configures another. */
export const DEFAULT_KEY_PREFIX = 'privacy-disclosure:';

/** Forge's limit on a key's length. */
export const MAX_KEY_LENGTH = 500;

/** Forge's rule for a key (from its KVS error message): these characters, not only whitespace. */
export const FORGE_KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

/**
 * What the disclosure itself puts in a key: Forge's characters without whitespace, which would
 * be invisible in a log and easy to get wrong in a prefix. Account ids are checked against it.
 */
export const KEY_SAFE = /^[a-zA-Z0-9:._\-#]+$/;

/** The longest account id a review key holds (Atlassian's are 24 to about 60 characters). */
export const MAX_ACCOUNT_ID_LENGTH = 128;

/**
 * The longest prefix accepted. The longest key is a review's: prefix, `review:` and 7 digits,
 * a 24-character timestamp and an account id, 168 characters after the prefix; 200 leaves room.
 */
export const MAX_KEY_PREFIX_LENGTH = 200;

const MAX_VERSION = 9_999_999;

/** Every key of one layout, built from its prefix. */
export interface StorageKeys {
  /** What every key starts with. */
  readonly prefix: string;
  /** The head keys, read together in one request. */
  readonly headPrefix: string;
  /** The pointer to the served version. */
  readonly current: string;
  /** The newest review of any version. */
  readonly latestReview: string;
  /** All version records. */
  readonly metaPrefix: string;
  /** The marker that the storage from before the prefix was copied. */
  readonly bareKeysMigrated: string;
  /** The immutable record of one published version. */
  meta(version: number): string;
  /** The version a record key names, or undefined when the key is not a version record's. */
  versionOfMetaKey(key: string): number | undefined;
  /** Everything a page view needs about one version: its chunks and its newest review. */
  versionPrefix(version: number): string;
  /** One piece of a version's declaration; the hash keeps a concurrent writer's pieces apart. */
  chunk(version: number, contentHash: string, index: number): string;
  /** That a version was shown: read with its pieces, so a page view checks it for free. */
  published(version: number): string;
  /** The newest review of one version. */
  versionLatestReview(version: number): string;
  /** The newest reviews of one version, with their count (`review-list.ts`). */
  versionReviews(version: number): string;
  /** All reviews of one version. */
  reviewPrefix(version: number): string;
  /** Every review of every version: what the personal data report lists. */
  readonly reviewsPrefix: string;
  /** One review record. */
  review(version: number, reviewedAt: string, accountId: string): string;
  /** The key as it may be shown in a log: without the account id a review key ends with. */
  redact(key: string): string;
}

/**
 * Checks a configured key prefix: Forge's key characters without whitespace, ending with `:` so
 * that the disclosure's keys read apart from the vendor's (`privacy-disclosure:head:current`),
 * and short enough that every key stays within Forge's 500 characters. Throws a message that
 * names the option and the rule broken.
 */
export function checkKeyPrefix(prefix: unknown): string {
  const problem =
    typeof prefix !== 'string'
      ? `must be a string, got ${prefix === null ? 'null' : typeof prefix}`
      : prefix.length === 0
        ? 'must not be empty: the disclosure would share keys such as "head:current" with the app'
        : prefix.length > MAX_KEY_PREFIX_LENGTH
          ? `is ${prefix.length} characters long; at most ${MAX_KEY_PREFIX_LENGTH} keep every key within Forge's ${MAX_KEY_LENGTH}`
          : !KEY_SAFE.test(prefix)
            ? `may only contain letters, digits and the characters : . _ - # (Forge's key rule, without whitespace); "${visible(prefix)}" has ${describeBad(prefix)}`
            : !prefix.endsWith(':')
              ? `must end with ":" so the disclosure's keys read apart from the app's ("${prefix}:head:current")`
              : undefined;
  if (problem) throw new Error(`keyPrefix ${problem}.`);
  return prefix as string;
}

function visible(text: string): string {
  return JSON.stringify(text.slice(0, 60)).slice(1, -1);
}

function describeBad(prefix: string): string {
  const bad = [...prefix].find((character) => !KEY_SAFE.test(character)) ?? '';
  const code = bad.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
  return `"${visible(bad)}" (U+${code}) at position ${prefix.indexOf(bad) + 1}`;
}

const pad = (version: number): string => {
  if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) {
    throw new Error(`Storage keys: ${version} is not a version number (1 to ${MAX_VERSION}).`);
  }
  return String(version).padStart(7, '0');
};

/** A key as Forge will accept it, or an error naming it: the builders never send a bad one. */
function checked(key: string): string {
  if (key.length > MAX_KEY_LENGTH || !FORGE_KEY_PATTERN.test(key)) {
    throw new Error(`Storage key "${visible(key)}…" breaks Forge's key rule.`);
  }
  return key;
}

/** The key layout under `prefix` (checked with {@link checkKeyPrefix} unless it is empty). */
export function storageKeys(prefix: string): StorageKeys {
  if (prefix !== '') checkKeyPrefix(prefix);
  const versionPrefix = (version: number) => `${prefix}v:${pad(version)}:`;
  const reviewPrefix = (version: number) => `${prefix}review:${pad(version)}:`;
  const metaPrefix = `${prefix}meta:`;
  const metaKey = new RegExp(`^${escapeRegExp(metaPrefix)}(\\d{7})$`);
  return {
    prefix,
    headPrefix: `${prefix}head:`,
    current: `${prefix}head:current`,
    latestReview: `${prefix}head:latest-review`,
    metaPrefix,
    bareKeysMigrated: `${prefix}migration:bare-keys`,
    meta: (version) => checked(`${metaPrefix}${pad(version)}`),
    versionOfMetaKey(key) {
      const digits = metaKey.exec(key)?.[1];
      const version = Number(digits);
      return digits !== undefined && version >= 1 ? version : undefined;
    },
    versionPrefix,
    chunk: (version, contentHash, index) =>
      checked(`${versionPrefix(version)}chunk:${contentHash}:${String(index).padStart(3, '0')}`),
    published: (version) => checked(`${versionPrefix(version)}published`),
    versionLatestReview: (version) => checked(`${versionPrefix(version)}latest-review`),
    versionReviews: (version) => checked(`${versionPrefix(version)}reviews`),
    reviewPrefix,
    reviewsPrefix: `${prefix}review:`,
    review(version, reviewedAt, accountId) {
      if (!KEY_SAFE.test(accountId) || accountId.length > MAX_ACCOUNT_ID_LENGTH) {
        throw new Error('Storage keys: an account id that cannot be part of a key.');
      }
      return checked(`${reviewPrefix(version)}${reviewedAt}:${accountId}`);
    },
    redact(key) {
      // Only review keys hold personal data: keep the version and time, drop the account id.
      const reviews = `${prefix}review:`;
      if (!key.startsWith(reviews)) return key;
      const rest = key.slice(reviews.length);
      const kept = /^\d{7}:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z:/.exec(rest)?.[0];
      return `${reviews}${kept ?? rest.slice(0, 8)}…`;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The keys under the default prefix. */
export const DEFAULT_KEYS: StorageKeys = storageKeys(DEFAULT_KEY_PREFIX);

/**
 * The layout this app used before the prefix (its own installs up to 0.1.0): bare `head:`, `v:`,
 * `meta:` and `review:` keys. Read only to copy them once, never written.
 */
export const BARE_KEYS: StorageKeys = storageKeys('');
