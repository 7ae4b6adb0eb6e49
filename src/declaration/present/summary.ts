import { durationInDays } from '../duration.ts';
import type { DataCategory, Declaration, Platform, Retention, Text } from '../schema/index.ts';
import { countryName, localize } from './localize.ts';

/** At-a-glance facts, like a nutrition label. */
export interface AtAGlance {
  /** Whether any data category is personal data. */
  collectsPersonalData: boolean;
  personalCategories: number;
  categories: number;
  sensitiveCategories: number;
  hosting: {
    /** ISO codes of the countries data is stored in, sorted. */
    countries: string[];
    /** Geographies in words ("Europe") of storage places without a country, in declaration order. */
    geographies: Text[];
    /** ISO codes of backup countries that are not already storage countries, sorted. */
    backupCountries: string[];
    /** Geographies in words of backup places without a country, naming no listed country. */
    backupGeographies: Text[];
    /** True when data is stored and every storage location is Atlassian's. */
    onAtlassianOnly: boolean;
    /** Whether storage locations follow the customer's Atlassian data-residency pin. */
    dataResidency: 'all' | 'some' | 'none' | 'not-stated';
  };
  retention: {
    /** The longest stated retention, or null when none is stated or nothing is collected. */
    longest: Retention | null;
    /** The most common stated retention among personal-data categories (by its brief words). */
    typical: Retention | null;
    /** Ids of the categories kept the longest. */
    longestCategoryIds: string[];
    /** How many of the categories considered do not say how long they are kept. */
    notStated: number;
  };
  subprocessors: { count: number; countries: string[]; withoutCountry: number };
  /** Every party that receives data: subprocessors and other recipients. */
  recipients: number;
  platforms: Platform[];
  policyVersion: string;
  lastUpdated: string;
}

/**
 * How long a retention may keep data, as a comparable pair [rank, days]:
 * indefinitely > open-ended (account, subscription, installation, deletion request) > fixed periods > not stored.
 */
function retentionLength(retention: Retention): [number, number] {
  const days = retention.period ? (durationInDays(retention.period) ?? Infinity) : Infinity;
  switch (retention.basis) {
    case 'indefinitely':
      return [4, Infinity];
    case 'while-account-active':
    case 'while-subscribed':
    case 'while-installed':
    case 'until-deletion-request':
      return [3, days];
    case 'not-stated':
      // Never compared: unstated retentions are counted apart, not ranked.
      return [-1, 0];
    case 'until-purpose-fulfilled':
      // Bounded by its period when it has one; otherwise as open-ended as "while needed" sounds.
      return retention.period ? [2, days] : [3, Infinity];
    case 'fixed-period':
      return [2, days];
    case 'not-stored':
      return [0, 0];
  }
}

function compareLength(a: [number, number], b: [number, number]): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] === b[1] ? 0 : a[1] > b[1] ? 1 : -1;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * What the brief words of a retention depend on (`describeRetentionBriefly`): two retentions with
 * the same key read the same, whatever their notes or backups.
 */
export function briefRetentionKey(retention: Retention): string {
  return [retention.basis, retention.period ?? '', retention.after ?? ''].join(' ');
}

function retentionFacts(categories: DataCategory[]): AtAGlance['retention'] {
  const personal = categories.filter((category) => category.personal);
  // Personal data is what the label is about; fall back to everything for apps that have none.
  const about = personal.length > 0 ? personal : categories;
  // "Longest: not stated" tells nothing; rank what is stated and count the rest apart.
  const considered = about.filter((category) => category.retention.basis !== 'not-stated');
  let longest: DataCategory[] = [];
  for (const category of considered) {
    const first = longest[0];
    const order = first
      ? compareLength(retentionLength(category.retention), retentionLength(first.retention))
      : 1;
    if (order > 0) longest = [category];
    else if (order === 0) longest.push(category);
  }
  const counts = new Map<string, { retention: Retention; count: number }>();
  for (const category of considered) {
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
  return {
    longest: longest[0]?.retention ?? null,
    typical,
    longestCategoryIds: longest.map((category) => category.id),
    notStated: about.length - considered.length,
  };
}

function residency(declaration: Declaration): AtAGlance['hosting']['dataResidency'] {
  const answers = declaration.locations.map((location) => location.followsDataResidency);
  if (answers.length > 0 && answers.every((answer) => answer === 'yes')) return 'all';
  if (answers.includes('yes')) return 'some';
  if (answers.includes('no')) return 'none';
  return 'not-stated';
}

/** Whether a geography in words names one of the countries, e.g. "Zurich (Switzerland)" and CH. */
function namesACountry(geography: string, codes: string[], locale: string): boolean {
  const words = geography.toLowerCase();
  return codes.some((code) =>
    [countryName(code, locale), countryName(code, 'en')].some((name) =>
      words.includes(name.toLowerCase()),
    ),
  );
}

/**
 * Where data is stored, countries first; a geography only when its place gives no country and it
 * names none already listed ("Zurich (Switzerland)" beside Switzerland adds nothing); backups apart.
 */
function hostingPlaces(declaration: Declaration, locale: string) {
  const codes = (values: (string | undefined)[]) =>
    unique(values.filter((code): code is string => !!code)).sort();
  // Each geography once, as the reader reads it; the text itself is kept for its translations.
  const words = (places: ({ country?: string; geography?: Text } | undefined)[]) => {
    const found = new Map<string, Text>();
    for (const place of places) {
      const words = localize(place?.geography, locale);
      if (place?.geography && !place.country && words && !found.has(words)) {
        found.set(words, place.geography);
      }
    }
    return [...found.entries()];
  };
  const locations = declaration.locations;
  const backups = locations.map((location) => location.backups);
  const countries = codes(locations.map((location) => location.country));
  const backupCountries = codes(backups.map((backup) => backup?.country)).filter(
    (code) => !countries.includes(code),
  );
  const everyCountry = [...countries, ...backupCountries];
  return {
    countries,
    geographies: words(locations)
      .filter(([words]) => !namesACountry(words, countries, locale))
      .map(([, text]) => text),
    backupCountries,
    backupGeographies: words(backups)
      .filter(([words]) => !namesACountry(words, everyCountry, locale))
      .map(([, text]) => text),
  };
}

/** At-a-glance facts of a declaration, like a nutrition label. */
export function summarize(declaration: Declaration, locale = 'en'): AtAGlance {
  const categories = declaration.dataCategories;
  const locations = declaration.locations;
  const subprocessors = declaration.recipients.filter((r) => r.kind === 'subprocessor');
  return {
    collectsPersonalData: categories.some((category) => category.personal),
    personalCategories: categories.filter((category) => category.personal).length,
    categories: categories.length,
    sensitiveCategories: categories.filter((category) => category.sensitive).length,
    hosting: {
      ...hostingPlaces(declaration, locale),
      onAtlassianOnly:
        locations.length > 0 && locations.every((location) => location.hostedBy === 'atlassian'),
      dataResidency: residency(declaration),
    },
    retention: retentionFacts(categories),
    subprocessors: {
      count: subprocessors.length,
      countries: unique(subprocessors.flatMap((r) => r.countries ?? [])).sort(),
      withoutCountry: subprocessors.filter((r) => (r.countries ?? []).length === 0).length,
    },
    recipients: declaration.recipients.length,
    platforms: unique(declaration.app.platforms.map((statement) => statement.platform)),
    policyVersion: declaration.policy.version,
    lastUpdated: declaration.policy.lastUpdated,
  };
}
