import type { Declaration, PersonalStatus, Platform, Text } from '../schema/index.ts';
import { countryName, localize } from './localize.ts';
import { isStored, residencyGlance, type ResidencyGlance } from './summary-residency.ts';
import { everyRetention, retentionGlance, type RetentionGlance } from './summary-retention.ts';

export { briefRetentionKey, type BoundPeriod, type RetentionGlance } from './summary-retention.ts';
export type { ResidencyGlance } from './summary-residency.ts';

/** How many kinds of data (or logs) say yes, may contain, no, or nothing. */
export interface StatusCounts {
  yes: number;
  mayContain: number;
  no: number;
  notStated: number;
}

/** At-a-glance facts, like a nutrition label. */
export interface AtAGlance {
  /** Whether any data category is, or may contain, personal data. */
  collectsPersonalData: boolean;
  /** How many categories are personal data (`personal: yes`). */
  personalCategories: number;
  /** The categories by what they say about being personal data. */
  personal: StatusCounts;
  categories: number;
  /** How many categories are sensitive data (`sensitive: yes`). */
  sensitiveCategories: number;
  /** The categories by what they say about being sensitive data. */
  sensitive: StatusCounts;
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
    /** Whether the data follows the customer's Atlassian data-residency pin (`residency.state`). */
    dataResidency: ResidencyGlance['state'];
    /** What follows the pin and what does not, named. */
    residency: ResidencyGlance;
    /** True only where the declaration says that nothing is stored. */
    notStored: boolean;
    /**
     * False only where every kind of data says the app does not store it (a recipient may) and no
     * log is kept anywhere.
     */
    storedByApp: boolean;
    /** Ids of the recipients that store data the app itself does not. */
    storedOnlyBy: string[];
    /**
     * The kinds of data only recipients keep, grouped by who keeps them (recipient ids, in
     * declaration order) with the ids of the categories each group keeps.
     */
    keptOnlyBy: { recipients: string[]; categories: string[] }[];
  };
  retention: RetentionGlance;
  /** The logs: how many, and which hold end-user data. */
  logs: {
    count: number;
    /** Ids of the logs that contain end-user data. */
    endUserData: string[];
    /** Ids of the logs that may contain end-user data. */
    mayContainEndUserData: string[];
    /** How many logs do not say whether they contain end-user data. */
    notStated: number;
  };
  subprocessors: { count: number; countries: string[]; withoutCountry: number };
  /** Every party that receives data: subprocessors and other recipients. */
  recipients: number;
  platforms: Platform[];
  /** Platforms the app exists on that the declaration says it does not cover. */
  notCovered: Platform[];
  policyVersion: string;
  lastUpdated: string;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function counts(values: PersonalStatus[]): StatusCounts {
  const count = (status: PersonalStatus) => values.filter((value) => value === status).length;
  return {
    yes: count('yes'),
    mayContain: count('may-contain'),
    no: count('no'),
    notStated: count('not-stated'),
  };
}

/**
 * The ids of locations that only hold backups: named as a backup place (a location's
 * `backups.location`, a retention's `backups.storedIn`, a log's too) and never as where data or
 * logs are kept.
 */
function backupOnlyLocations(declaration: Declaration): Set<string> {
  const retentions = everyRetention(declaration);
  const backups = [
    ...declaration.locations.map((location) => location.backups?.location),
    ...retentions.flatMap((retention) => retention?.backups?.storedIn ?? []),
  ];
  const primary = new Set([
    ...declaration.dataCategories.flatMap((category) => [
      ...(category.storedIn ?? []),
      ...(category.platformDifferences ?? []).flatMap((difference) => difference.storedIn ?? []),
    ]),
    ...(declaration.logs ?? []).flatMap((log) => log.storedIn ?? []),
    ...(declaration.placement ?? []).flatMap((rule) => [
      ...(rule.realms ?? []).map((realm) => realm.location),
      ...(rule.locations ?? []),
      ...(rule.unpinned ? [rule.unpinned] : []),
    ]),
  ]);
  return new Set(backups.filter((id): id is string => !!id && !primary.has(id)));
}

/**
 * Whether the data is stored: `none` only when every kind of data says it is not stored, by its
 * basis or an empty `storedIn` (or nothing is collected and no place is declared), never merely
 * because the declaration names no place; recipients that store what the app does not are named.
 */
function storage(
  declaration: Declaration,
): Pick<AtAGlance['hosting'], 'notStored' | 'storedByApp' | 'storedOnlyBy' | 'keptOnlyBy'> {
  const categories = declaration.dataCategories;
  const notStored = categories.filter((category) => !isStored(category));
  const storedOnlyBy = unique(
    notStored.flatMap((category) => category.handling?.storedOnlyBy ?? []),
  );
  // Grouped by who keeps them, so that no recipient is said to keep what another one keeps.
  const groups = new Map<string, { recipients: string[]; categories: string[] }>();
  for (const category of notStored) {
    const keepers = declaration.recipients
      .map((recipient) => recipient.id)
      .filter((id) => category.handling?.storedOnlyBy?.includes(id));
    if (keepers.length === 0) continue;
    const group = groups.get(keepers.join(' ')) ?? { recipients: keepers, categories: [] };
    group.categories.push(category.id);
    groups.set(keepers.join(' '), group);
  }
  // A log kept somewhere is data stored too, and the logs card may say it holds end-user data.
  const logsStored = (declaration.logs ?? []).some((log) => (log.storedIn ?? []).length > 0);
  return {
    notStored:
      categories.length === 0
        ? declaration.locations.length === 0
        : notStored.length === categories.length && storedOnlyBy.length === 0 && !logsStored,
    storedByApp: notStored.length < categories.length || logsStored,
    storedOnlyBy,
    keptOnlyBy: [...groups.values()],
  };
}

/**
 * True when data is stored and every place keeping it is Atlassian's: each storage location, and
 * each recipient that alone keeps a kind of data, unless that recipient is Atlassian's platform.
 */
function onAtlassianOnly(declaration: Declaration, storedOnlyBy: string[]): boolean {
  const { locations } = declaration;
  const keepers = declaration.recipients.filter((recipient) => storedOnlyBy.includes(recipient.id));
  return (
    locations.length > 0 &&
    locations.every((location) => location.hostedBy === 'atlassian') &&
    keepers.every((recipient) => recipient.category === 'platform')
  );
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
  const backupOnly = backupOnlyLocations(declaration);
  const locations = declaration.locations.filter((location) => !backupOnly.has(location.id));
  const backups = [
    ...locations.map((location) => location.backups),
    ...declaration.locations.filter((location) => backupOnly.has(location.id)),
  ];
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

function logFacts(declaration: Declaration): AtAGlance['logs'] {
  const logs = declaration.logs ?? [];
  const ids = (status: PersonalStatus) =>
    logs.filter((log) => log.endUserData === status).map((log) => log.id);
  return {
    count: logs.length,
    endUserData: ids('yes'),
    mayContainEndUserData: ids('may-contain'),
    notStated: ids('not-stated').length,
  };
}

/** At-a-glance facts of a declaration, like a nutrition label. */
export function summarize(declaration: Declaration, locale = 'en'): AtAGlance {
  const categories = declaration.dataCategories;
  const subprocessors = declaration.recipients.filter((r) => r.kind === 'subprocessor');
  const personal = counts(categories.map((category) => category.personal));
  const sensitive = counts(categories.map((category) => category.sensitive));
  const residency = residencyGlance(declaration);
  const stored = storage(declaration);
  return {
    collectsPersonalData: personal.yes + personal.mayContain > 0,
    personalCategories: personal.yes,
    personal,
    categories: categories.length,
    sensitiveCategories: sensitive.yes,
    sensitive,
    hosting: {
      ...hostingPlaces(declaration, locale),
      onAtlassianOnly: onAtlassianOnly(declaration, stored.storedOnlyBy),
      dataResidency: residency.state,
      residency,
      ...stored,
    },
    retention: retentionGlance(declaration),
    logs: logFacts(declaration),
    subprocessors: {
      count: subprocessors.length,
      countries: unique(subprocessors.flatMap((r) => r.countries ?? [])).sort(),
      withoutCountry: subprocessors.filter((r) => (r.countries ?? []).length === 0).length,
    },
    recipients: declaration.recipients.length,
    platforms: unique(declaration.app.platforms.map((statement) => statement.platform)),
    notCovered: unique((declaration.app.notCovered ?? []).map((entry) => entry.platform)),
    policyVersion: declaration.policy.version,
    lastUpdated: declaration.policy.lastUpdated,
  };
}
