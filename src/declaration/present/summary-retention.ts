import { durationInDays } from '../duration.ts';
import type { DataCategory, Declaration, PeriodBound, Retention } from '../schema/index.ts';

/** How long a kind of data is kept, at a glance. */
export interface RetentionGlance {
  /** The longest stated retention, or null when none is stated or nothing is collected. */
  longest: Retention | null;
  /** The most common stated retention among personal-data categories (by its brief words). */
  typical: Retention | null;
  /** Ids of the categories kept the longest. */
  longestCategoryIds: string[];
  /** How many categories do not say how long they are kept. */
  notStated: number;
  /** The longest period a backup copy lives, with its bound; null when none is stated. */
  backups: BoundPeriod | null;
  /** The longest period backups still hold data after deletion or uninstall; null when none. */
  backupsAfterDeletion: BoundPeriod | null;
}

/** An ISO 8601 period and how it is meant (at most, at least, exactly, about). */
export interface BoundPeriod {
  period: string;
  bound: PeriodBound;
}

/**
 * How long a retention may keep data, as a comparable triple [rank, upper days, lower days]:
 * indefinitely > open-ended (account, subscription, installation, deletion request, or a period
 * that is only a lower bound) > fixed periods > not stored. An `at-least` period is no maximum:
 * it makes the retention open-ended, ranked among the open-ended by the least it keeps.
 */
function retentionLength(retention: Retention): [number, number, number] {
  const days = retention.period ? (durationInDays(retention.period) ?? Infinity) : Infinity;
  const lowerBound = retention.bound === 'at-least' && retention.period !== undefined;
  const openEnded: [number, number, number] = lowerBound ? [3, Infinity, days] : [3, days, 0];
  switch (retention.basis) {
    case 'indefinitely':
      return [4, Infinity, Infinity];
    case 'while-account-active':
    case 'while-subscribed':
    case 'while-installed':
    case 'until-deletion-request':
      return openEnded;
    case 'not-stated':
      // Never compared: unstated retentions are counted apart, not ranked.
      return [-1, 0, 0];
    case 'until-purpose-fulfilled':
      // Bounded by its period when it has one; otherwise as open-ended as "while needed" sounds.
      return retention.period && !lowerBound ? [2, days, 0] : openEnded;
    case 'fixed-period':
      return lowerBound ? openEnded : [2, days, 0];
    case 'not-stored':
      return [0, 0, 0];
  }
}

function compareLength(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const [x, y] = [a[index]!, b[index]!];
    if (x !== y) return x > y ? 1 : -1;
  }
  return 0;
}

/**
 * What the brief words of a retention depend on (`describeRetentionBriefly`): two retentions with
 * the same key read the same, whatever their notes or backups.
 */
export function briefRetentionKey(retention: Retention): string {
  return [
    retention.basis,
    retention.period ?? '',
    retention.bound ?? '',
    retention.after ?? '',
  ].join(' ');
}

function isPersonal(category: DataCategory): boolean {
  return category.personal === 'yes' || category.personal === 'may-contain';
}

/**
 * The longest of several bound periods: an `at-least` period outranks every upper bound (it has
 * no end), then the longer period wins.
 */
function longestPeriod(periods: (BoundPeriod | undefined)[]): BoundPeriod | null {
  let best: BoundPeriod | null = null;
  const rank = (value: BoundPeriod) => [
    value.bound === 'at-least' ? 1 : 0,
    durationInDays(value.period) ?? 0,
  ];
  for (const period of periods) {
    if (period && (!best || compareLength(rank(period), rank(best)) > 0)) best = period;
  }
  return best;
}

function bound(period: string | undefined, bound: PeriodBound | undefined) {
  return period ? { period, bound: bound ?? 'at-most' } : undefined;
}

/**
 * Every retention the declaration states: each category's, its retention on each platform where
 * that differs, and each log's.
 */
export function everyRetention(declaration: Declaration): (Retention | undefined)[] {
  return [
    ...declaration.dataCategories.flatMap((category) => [
      category.retention,
      ...(category.platformDifferences ?? []).map((difference) => difference.retention),
    ]),
    ...(declaration.logs ?? []).map((log) => log.retention),
  ];
}

/**
 * Every backup period the declaration states: per category (on each platform), per log and per
 * storage location. Log backups are copies of data too.
 */
function backupPeriods(declaration: Declaration): {
  lifetime: (BoundPeriod | undefined)[];
  afterDeletion: (BoundPeriod | undefined)[];
} {
  const backups = everyRetention(declaration).map((retention) => retention?.backups);
  return {
    lifetime: [
      ...backups.map((backup) => bound(backup?.period, backup?.bound)),
      ...declaration.locations.map((location) =>
        bound(location.backups?.period, location.backups?.bound),
      ),
    ],
    afterDeletion: backups.map((backup) =>
      bound(backup?.afterDeletion?.period, backup?.afterDeletion?.bound),
    ),
  };
}

/**
 * The retention facts of a declaration. The longest considers every category, whether its data
 * is personal or kept for a legal obligation, and its retention on each platform where that
 * differs; the typical one is that of personal data.
 */
export function retentionGlance(declaration: Declaration): RetentionGlance {
  const categories = declaration.dataCategories;
  // "Longest: not stated" tells nothing; rank what is stated and count the rest apart.
  const considered = categories.filter((category) => category.retention.basis !== 'not-stated');
  // A retention that differs on one platform (Data Center) is one of the category's too.
  const candidates = considered.flatMap((category) => [
    { category, retention: category.retention },
    ...(category.platformDifferences ?? []).flatMap((difference) =>
      difference.retention && difference.retention.basis !== 'not-stated'
        ? [{ category, retention: difference.retention }]
        : [],
    ),
  ]);
  let longest: { category: DataCategory; retention: Retention }[] = [];
  for (const candidate of candidates) {
    const first = longest[0];
    const order = first
      ? compareLength(retentionLength(candidate.retention), retentionLength(first.retention))
      : 1;
    if (order > 0) longest = [candidate];
    else if (order === 0 && !longest.some((seen) => seen.category === candidate.category)) {
      longest.push(candidate);
    }
  }
  const personal = considered.filter(isPersonal);
  const counts = new Map<string, { retention: Retention; count: number }>();
  for (const category of personal.length > 0 ? personal : considered) {
    const key = briefRetentionKey(category.retention);
    const seen = counts.get(key);
    counts.set(key, {
      retention: seen?.retention ?? category.retention,
      count: (seen?.count ?? 0) + 1,
    });
  }
  let typical: Retention | null = null;
  let best = 0;
  for (const { retention, count } of counts.values()) {
    if (count > best) [typical, best] = [retention, count];
  }
  const backups = backupPeriods(declaration);
  return {
    longest: longest[0]?.retention ?? null,
    typical,
    longestCategoryIds: longest.map(({ category }) => category.id),
    notStated: categories.length - considered.length,
    backups: longestPeriod(backups.lifetime),
    backupsAfterDeletion: longestPeriod(backups.afterDeletion),
  };
}
