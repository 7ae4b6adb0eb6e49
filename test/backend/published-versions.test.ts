import { describe, expect, it } from 'vitest';
import {
  includesVersion,
  PublishedVersions,
  versionSet,
  versionsFrom,
  withVersion,
} from '../../src/backend/published-versions.ts';

// The versions a site was shown, as a publication stores them: the history pages through them,
// and a review or a version request is checked against them.

describe('the versions a site was shown', () => {
  it.each([
    ['one after the other', [1, 2, 3], [[1, 3]]],
    [
      'with a number stepped over',
      [1, 3, 4],
      [
        [1, 1],
        [3, 4],
      ],
    ],
    ['in any order, the gap then filled', [4, 1, 3, 2], [[1, 4]]],
  ])('%s are stored as the shortest ranges', (_name, versions, ranges) => {
    expect(versionSet(versions)).toEqual(ranges);
    expect(PublishedVersions.safeParse(ranges).success).toBe(true);
  });

  it('answers whether a version was shown, gaps included', () => {
    const shown = withVersion(versionSet([1, 2]), 4);
    expect([1, 2, 3, 4, 5].map((version) => includesVersion(shown, version))).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  it('pages newest first over the versions shown only, the next cursor the next one shown', () => {
    const shown = versionSet([1, 2, 5, 6, 9]);
    expect(versionsFrom(shown, 9, 2)).toEqual({ versions: [9, 6], next: 5 });
    expect(versionsFrom(shown, 5, 2)).toEqual({ versions: [5, 2], next: 1 });
    expect(versionsFrom(shown, 4, 5)).toEqual({ versions: [2, 1], next: null });
  });

  it('pages through a long history without listing every number', () => {
    expect(versionsFrom([[1, 9_999_999]], 9_999_999, 2)).toEqual({
      versions: [9_999_999, 9_999_998],
      next: 9_999_997,
    });
  });

  it.each([
    ['empty', []],
    ['a range that ends before it starts', [[3, 1]]],
    [
      'ranges that touch',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    [
      'ranges out of order',
      [
        [5, 6],
        [1, 2],
      ],
    ],
    ['version 0', [[0, 2]]],
  ])('refuses a stored set that is %s', (_name, ranges) => {
    expect(PublishedVersions.safeParse(ranges).success).toBe(false);
  });
});
