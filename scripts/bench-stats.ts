/** The bench's statistics: what it reports of a measurement's runs (median and spread). */

/** A measurement's runs summarised: the median with the interquartile range and the extremes. */
export interface Spread {
  runs: number;
  median: number;
  /** First quartile (25th percentile). */
  q1: number;
  /** Third quartile (75th percentile). */
  q3: number;
  min: number;
  max: number;
}

/**
 * The value below which `fraction` of the sorted values lie, interpolated between the two
 * nearest ranks (the usual "type 7" definition, as R and NumPy compute it by default).
 */
function quantile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/**
 * Summarises the runs of one measurement. An even count's median is the mean of the middle two.
 * Throws, naming the measurement, when there is no run or a run is not a finite number: a figure
 * made from nothing must not be printed as if it were measured.
 */
export function summarise(values: readonly number[], what = 'the measurement'): Spread {
  if (values.length === 0) throw new Error(`No runs of ${what} to summarise.`);
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) throw new Error(`Run ${bad + 1} of ${what} is not a number: ${values[bad]}.`);
  const sorted = [...values].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** A spread in milliseconds for the table: "181 ms (IQR 176–190; 170–205)", the last the range. */
export function formatSpread(spread: Spread): string {
  const ms = (value: number) => value.toFixed(0);
  return `${ms(spread.median)} ms (IQR ${ms(spread.q1)}–${ms(spread.q3)}; ${ms(spread.min)}–${ms(spread.max)})`;
}
