/**
 * ISO 8601 periods (P30D, P6M, P1Y, PT1H) without zod: the Custom UI and the exports use these
 * helpers, and importing the schema for them would ship zod to the browser.
 */

/**
 * Whole years, months, weeks and days, then optionally whole hours, minutes and seconds after a
 * `T`: the only period forms a declaration may use. `P0D` matches; the validator says why a zero
 * period is rarely what a policy means.
 */
export const DURATION_PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** The units a period may use, in the order they are written, for messages. */
export const DURATION_UNITS =
  'Y (years), M (months), W (weeks), D (days), and after T: H (hours), M (minutes), S (seconds)';

/** The parts of an ISO 8601 period. */
export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** The parts of an ISO 8601 period; undefined when `value` is not one. */
export function parseDuration(value: string): DurationParts | undefined {
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  const part = (index: number) => Number(match[index] ?? 0);
  return {
    years: part(1),
    months: part(2),
    weeks: part(3),
    days: part(4),
    hours: part(5),
    minutes: part(6),
    seconds: part(7),
  };
}

/**
 * Approximate length of an ISO 8601 period in days (a year 365, a month 30), for ordering and
 * comparing retention periods. Periods shorter than a day give a fraction: PT12H is 0.5.
 */
export function durationInDays(value: string): number | undefined {
  const parts = parseDuration(value);
  if (!parts) return undefined;
  return (
    parts.years * 365 +
    parts.months * 30 +
    parts.weeks * 7 +
    parts.days +
    parts.hours / 24 +
    parts.minutes / 1440 +
    parts.seconds / 86400
  );
}

/** Whether the period is zero (P0D, PT0S, ...). */
export function isZeroDuration(value: string): boolean {
  return durationInDays(value) === 0;
}
