import { z } from 'zod';

/**
 * The set of versions a site was shown, stored with every publication. Kept as ranges because a
 * site's versions are nearly always 1 to N: the set stays a few bytes however long the app lives,
 * and a number left out (a damaged record stepped over, a publication that never finished) costs
 * one more range.
 */

/** Ascending, disjoint, non-adjacent `[first, last]` ranges: one way to write each set. */
export type PublishedVersions = [number, number][];

/** More gaps than this would mean storage damaged far beyond what the backend recovers from. */
const MAX_RANGES = 1000;

const Version = z.number().int().min(1);

/** Validates {@link PublishedVersions}; the canonical form makes two equal sets equal values. */
export const PublishedVersions = z
  .array(z.tuple([Version, Version]))
  .min(1)
  .max(MAX_RANGES)
  .superRefine((ranges, issues) => {
    ranges.forEach(([first, last], index) => {
      const previous = ranges[index - 1];
      if (first > last) {
        issues.addIssue({
          code: 'custom',
          path: [index],
          message: 'a range ends before it starts',
        });
      } else if (previous && first <= previous[1] + 1) {
        issues.addIssue({
          code: 'custom',
          path: [index],
          message: 'ranges must be ascending, apart, and not touch',
        });
      }
    });
  }) satisfies z.ZodType<PublishedVersions>;

/** Whether `version` is in the set. */
export function includesVersion(set: PublishedVersions, version: number): boolean {
  return set.some(([first, last]) => first <= version && version <= last);
}

/** The highest version in the set (0 for none). */
export function newestVersion(set: PublishedVersions): number {
  return set.at(-1)?.[1] ?? 0;
}

/** The set with `version` added, ranges that come to touch merged. */
export function withVersion(set: PublishedVersions, version: number): PublishedVersions {
  if (includesVersion(set, version)) return set.map(([first, last]) => [first, last]);
  const ranges = [...set, [version, version] as [number, number]].sort((a, b) => a[0] - b[0]);
  const merged: PublishedVersions = [];
  for (const [first, last] of ranges) {
    const previous = merged.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

/** The set of the given version numbers (any order, repeats allowed). */
export function versionSet(versions: Iterable<number>): PublishedVersions {
  return [...versions].reduce<PublishedVersions>((set, version) => withVersion(set, version), []);
}

/**
 * Up to `limit` versions of the set at or below `start`, newest first, and the next one below
 * them (null when there is none): one page of the history. Walks the ranges, never every number.
 */
export function versionsFrom(
  set: PublishedVersions,
  start: number,
  limit: number,
): { versions: number[]; next: number | null } {
  const versions: number[] = [];
  for (const [first, last] of [...set].reverse()) {
    for (let version = Math.min(last, start); version >= first; version -= 1) {
      if (versions.length === limit) return { versions, next: version };
      versions.push(version);
    }
  }
  return { versions, next: null };
}
