/**
 * ISO 8601 periods (P30D, P6M, P1Y) without zod: the Custom UI and the exports use these
 * helpers, and importing the schema for them would ship zod to the browser.
 */

/** Whole years, months, weeks and days; the only period forms a declaration may use. */
export const DURATION_PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** The parts of an ISO 8601 period; undefined when `value` is not one. */
export function parseDuration(
  value: string,
): { years: number; months: number; weeks: number; days: number } | undefined {
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  const part = (index: number) => Number(match[index] ?? 0);
  return { years: part(1), months: part(2), weeks: part(3), days: part(4) };
}

/** Approximate length of an ISO 8601 period in days, for ordering retention periods. */
export function durationInDays(value: string): number | undefined {
  const parts = parseDuration(value);
  if (!parts) return undefined;
  return parts.years * 365 + parts.months * 30 + parts.weeks * 7 + parts.days;
}
