/**
 * Every Forge storage key the app uses, in one place.
 *
 * Layout, chosen so a page view costs two queries once published:
 * - `head:current`            the version being served (a copy of its record: the commit pointer)
 * - `head:latest-review`      the newest review of any version
 * - `meta:<v>`                the immutable record of version v, created with FAIL_IF_EXISTS
 * - `v:<v>:chunk:<hash>:<i>`  the canonical JSON of version v's declaration, in pieces
 * - `v:<v>:latest-review`     the newest review of version v
 * - `review:<v>:<time>:<id>`  every review, one key each, so concurrent reviews never collide
 * Version numbers are zero-padded so that keys sort in version order.
 */
const pad = (version: number): string => String(version).padStart(7, '0');

export const HEAD_PREFIX = 'head:';
export const CURRENT_KEY = 'head:current';
export const LATEST_REVIEW_KEY = 'head:latest-review';

/** The immutable record of one published version. */
export const metaKey = (version: number): string => `meta:${pad(version)}`;

/** Everything a page view needs about one version: its chunks and its newest review. */
export const versionPrefix = (version: number): string => `v:${pad(version)}:`;

/** One piece of a version's declaration; the hash keeps a concurrent writer's pieces apart. */
export const chunkKey = (version: number, contentHash: string, index: number): string =>
  `${versionPrefix(version)}chunk:${contentHash}:${String(index).padStart(3, '0')}`;

/** The prefix of a version's chunks for one content hash. */
export const chunkPrefix = (version: number, contentHash: string): string =>
  `${versionPrefix(version)}chunk:${contentHash}:`;

/** The newest review of one version. */
export const versionLatestReviewKey = (version: number): string =>
  `${versionPrefix(version)}latest-review`;

/** All reviews of one version. */
export const reviewPrefix = (version: number): string => `review:${pad(version)}:`;

/** One review record. */
export const reviewKey = (version: number, reviewedAt: string, accountId: string): string =>
  `${reviewPrefix(version)}${reviewedAt}:${accountId}`;

/** What Forge accepts in a key; account ids are checked against it before use. */
export const KEY_SAFE = /^[a-zA-Z0-9:._\-#]+$/;
