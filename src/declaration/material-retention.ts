import type { DiffRef, MaterialChange, RetentionSpan } from './api.ts';
import { parseDuration } from './duration.ts';
import type { Retention, Text } from './schema/index.ts';

/**
 * How long a retention may keep data, for telling whether an upgrade keeps it longer or shorter:
 * the most it may keep (`upper`, in days, Infinity when nothing bounds it), then, among the
 * unbounded, whether anything ends it at all (`endless`: indefinitely) and the least it keeps
 * (`lower`: an at-least period). Null when the declaration does not say (`not-stated` without a
 * period): an unstated retention is neither longer nor shorter than a stated one.
 */
interface Length {
  upper: number;
  endless: boolean;
  lower: number;
}

/** Days in a period, a year being 12 months, so that P12M and P1Y are the same length. */
function days(period: string): number | undefined {
  const parts = parseDuration(period);
  if (!parts) return undefined;
  const months = parts.years * 12 + parts.months;
  const seconds = parts.hours * 3600 + parts.minutes * 60 + parts.seconds;
  return months * (365.2425 / 12) + parts.weeks * 7 + parts.days + seconds / 86400;
}

function lengthOf(retention: Retention): Length | null {
  const period = retention.period === undefined ? undefined : days(retention.period);
  if (retention.basis === 'not-stored') return { upper: 0, endless: false, lower: 0 };
  if (retention.basis === 'indefinitely') {
    return { upper: Infinity, endless: true, lower: Infinity };
  }
  if (period === undefined) {
    // A basis with no period: kept until an event (uninstall, a request) that may never come.
    return retention.basis === 'not-stated' ? null : { upper: Infinity, endless: false, lower: 0 };
  }
  if (retention.bound === 'at-least') return { upper: Infinity, endless: false, lower: period };
  return { upper: period, endless: false, lower: retention.bound === 'exactly' ? period : 0 };
}

/**
 * -1, 0 or 1 as `a` is shorter than, as long as or longer than `b`. Periods within 2% of each
 * other are the same length: P30D and P1M, P52W and P1Y say the same thing in other units.
 */
function compareDays(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 0.02 * Math.max(a, b)) {
    return 0;
  }
  return a > b ? 1 : -1;
}

function compareLength(a: Length, b: Length): number {
  const upper = compareDays(a.upper, b.upper);
  if (upper !== 0 || Number.isFinite(a.upper)) return upper;
  if (a.endless !== b.endless) return a.endless ? 1 : -1;
  return compareDays(a.lower, b.lower);
}

function span(retention: Retention): RetentionSpan {
  return {
    basis: retention.basis,
    period: retention.period ?? null,
    ...(retention.bound !== undefined && { bound: retention.bound }),
  };
}

/**
 * A retention change when the newer retention may keep data longer or shorter than the older
 * one, compared as durations: "P12M" to "P1Y" is no change, "until you ask" to "at least 7
 * years" is longer (asking no longer ends it), a fixed 2 years to "while installed" is longer.
 * Nothing when either side is missing or does not say how long.
 */
export function retentionChange(
  name: Text,
  before: Retention | undefined,
  after: Retention | undefined,
  ref: DiffRef,
): MaterialChange[] {
  if (!before || !after) return [];
  const [old, current] = [lengthOf(before), lengthOf(after)];
  if (!old || !current) return [];
  const order = compareLength(current, old);
  if (order === 0) return [];
  return [
    {
      kind: 'retention',
      change: order > 0 ? 'longer' : 'shorter',
      name,
      before: span(before),
      after: span(after),
      ref,
    },
  ];
}
