import { describe, expect, test } from 'vitest';
import { formatSpread, summarise } from '../../scripts/bench-stats.ts';

describe("the bench's median and spread", () => {
  test('nine runs: the fifth value is the median, the quartiles sit between the ranks', () => {
    // Paint times of nine app page loads, in the order measured (unsorted).
    const spread = summarise([212, 181, 190, 176, 305, 183, 179, 186, 178]);
    expect(spread).toEqual({ runs: 9, median: 183, q1: 179, q3: 190, min: 176, max: 305 });
  });

  test('an even count takes the mean of the middle two, and interpolates the quartiles', () => {
    expect(summarise([10, 40, 20, 30])).toEqual({
      runs: 4,
      median: 25,
      q1: 17.5,
      q3: 32.5,
      min: 10,
      max: 40,
    });
  });

  test('one slow outlier moves the range, not the median', () => {
    const calm = summarise([50, 51, 52, 53, 54, 55, 56, 57, 58]);
    const disturbed = summarise([50, 51, 52, 53, 54, 55, 56, 57, 900]);
    expect(disturbed.median).toBe(calm.median);
    expect(disturbed.max).toBe(900);
  });

  test('no runs, or a run that is not a number, is an error naming the measurement', () => {
    expect(() => summarise([], 'the static export')).toThrow(
      'No runs of the static export to summarise.',
    );
    expect(() => summarise([12, Number.NaN], 'the app page')).toThrow(
      'Run 2 of the app page is not a number: NaN.',
    );
  });

  test('the table prints the median with its interquartile range and its range', () => {
    expect(formatSpread(summarise([212, 181, 190, 176, 305, 183, 179, 186, 178]))).toBe(
      '183 ms (IQR 179–190; 176–305)',
    );
  });
});
