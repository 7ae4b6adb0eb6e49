import type { Declaration, DiffEntry, DiffNames, DiffSection, Text } from '@declaration';
import {
  diffFieldLabel,
  diffValueLabel,
  UNNAMED_VENDOR_LABEL,
  wholeEntryLabel,
  type ValueKind,
} from '@declaration/diff-labels.ts';
import type { Translator } from '@declaration/i18n/index.ts';
import type { PeriodBound } from '@declaration/schema/index.ts';
import { EGRESS_KIND_KEYS } from '@declaration/document/glance-manifest.ts';
import { countryName, translationFor } from '@declaration/present/localize.ts';
import { describeBoundedDuration, describeDuration } from '@declaration/present/retention.ts';

/** The labels of a field's values, by the last key of its dotted path; enum ids are not for people. */
const LABELS_BY_FIELD: Record<string, ValueKind> = {
  basis: 'retentionBasis',
  after: 'retentionTrigger',
  legalBasis: 'legalBasis',
  subjects: 'dataSubject',
  sources: 'dataSource',
  platforms: 'platform',
  platform: 'platform',
  marketplaceClass: 'marketplaceClass',
  collectedBy: 'collectedBy',
  collection: 'collection',
  hostedBy: 'hostedBy',
  followsDataResidency: 'tristate',
  encryptionInTransit: 'tristate',
  encryptionAtRest: 'tristate',
  mechanism: 'transferMechanism',
  framework: 'framework',
  products: 'product',
  lastUpdatedSource: 'lastUpdatedSource',
  regime: 'regime',
  right: 'right',
  party: 'cookieParty',
  where: 'cookieWhere',
  regimes: 'regime',
  personal: 'personalStatus',
  sensitive: 'personalStatus',
  endUserData: 'endUserData',
  residency: 'categoryResidency',
  forms: 'dataForm',
  bound: 'periodBound',
  frequency: 'backupFrequency',
  encrypted: 'tristate',
  status: 'tristate',
  rule: 'placementRule',
  realm: 'realm',
  access: 'access',
  circumstances: 'circumstance',
};

/** Fields whose labels depend on the section: a recipient's kind is not a cookie's. */
const LABELS_BY_SECTION_FIELD: Partial<Record<DiffSection, Record<string, ValueKind>>> = {
  recipients: { kind: 'recipientKind', category: 'recipientCategory' },
  cookies: { category: 'cookieCategory' },
  locations: { kind: 'databaseKind' },
  vendor: { kind: 'supportChannel' },
  placement: { appliesTo: 'placementAppliesTo' },
  security: { kind: 'programme', frequency: 'penTestFrequency', by: 'penTestBy' },
  manifest: { operations: 'remoteOperation' },
};

/** Fields holding ISO 8601 periods, shown as "2 years" rather than "P2Y". */
const DURATION_FIELDS = new Set(['period', 'duration', 'responseTime']);

/** Fields holding country codes, shown by the country's name. */
const COUNTRY_FIELDS = new Set(['countries', 'country', 'to']);

/**
 * Fields holding ids of other items of the declaration, by the kind of item they point at: an id
 * is named as that kind (a location and a recipient may share one). `holds` is text, not an id.
 */
const REFERENCE_KINDS: Record<string, keyof DiffNames> = {
  purposes: 'purposes',
  recipients: 'recipients',
  recipient: 'recipients',
  storedOnlyBy: 'recipients',
  storedIn: 'locations',
  locations: 'locations',
  location: 'locations',
  unpinned: 'locations',
  categories: 'dataCategories',
};

/** The kind of item a section's entries are, where their keys are the items' ids. */
const SECTION_KINDS: Partial<Record<DiffSection, keyof DiffNames>> = {
  purposes: 'purposes',
  dataCategories: 'dataCategories',
  retention: 'dataCategories',
  locations: 'locations',
  recipients: 'recipients',
  logs: 'logs',
};

/** No names: what a diff without them (or a side without items) resolves ids against. */
export const NO_NAMES: DiffNames = {
  purposes: {},
  dataCategories: {},
  recipients: {},
  locations: {},
  logs: {},
};

/** The side of a diff an entry's item is on: a removed item is in the older version only. */
export function entrySide(entry: DiffEntry): 'before' | 'after' {
  return entry.kind === 'removed' ? 'before' : 'after';
}

/**
 * The vendor's name of the item `id` of `kind` in the version `context` is about, in the
 * reader's language; when that version does not name it, says so in words: never the id.
 */
export function referenceName(
  kind: keyof DiffNames,
  id: string,
  context: ValueContext,
): ShownValue {
  const { t, names } = context;
  const named = names[kind];
  const translation = Object.hasOwn(named, id) ? translationFor(named[id], t.locale) : null;
  if (translation) return { ...translation, vendorText: true };
  return { text: t.t(`diff.unnamed.${kind}`), vendorText: false };
}

/**
 * A localised text: every translation a string, with the English one the format requires. A
 * record of strings without it (a platform statement, `{ platform, statement }`) is not one.
 */
function isText(value: unknown): value is Text {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Record<string, unknown>).en === 'string' &&
    Object.values(value).every((part) => typeof part === 'string')
  );
}

/**
 * A value as the page shows it. The vendor's words (`vendorText`) are isolated from the app's,
 * and marked with their language (`lang`) when the reader's had no translation.
 */
export interface ShownValue {
  text: string;
  vendorText: boolean;
  lang?: string;
}

/** What an entry is about; `whole` when it is a part of the declaration, not an item of one. */
export interface EntryTitle extends ShownValue {
  whole?: boolean;
}

/** What the viewer needs to put a changed value in words, for one side of the diff. */
export interface ValueContext {
  t: Translator;
  /** The names of what ids point at, from the version the value comes from. */
  names: DiffNames;
  /**
   * The current declaration, for what `names` does not carry: the vendor's and the app's names
   * in the reader's language, used only when they are the names the diff reports.
   */
  declaration?: Declaration;
}

/**
 * What an entry of "What changed" is about, in the reader's language: the word for a part the
 * diff reports whole ("Security"), the law for a rights regime, the rule of a placement, the
 * countries of a transfer, else the item's name from the version it is in (`context` is that
 * side's: the older one for a removed item). No id is shown: an item its version does not name
 * is said to be so. `vendorText` says whether it is the vendor's words, which the page isolates.
 */
export function entryTitle(entry: DiffEntry, context: ValueContext): EntryTitle {
  const { t } = context;
  const kind = SECTION_KINDS[entry.section];
  if (kind) {
    const name = referenceName(kind, entry.key, context);
    if (name.vendorText) return name;
    // A diff without names (one written by hand, or before names were sent) has the English one.
    return entry.label && entry.label !== entry.key
      ? { text: entry.label, vendorText: true }
      : name;
  }
  if (entry.section === 'vendor' || entry.section === 'app') {
    const name = ownName(entry, context);
    if (name) return name;
  }
  const whole = wholeEntryLabel(entry, t);
  if (whole) return { text: whole, vendorText: false, whole: true };
  if (entry.section === 'rights') {
    const regime = diffValueLabel('regime', entry.key, t);
    if (regime) return { text: regime, vendorText: false };
  }
  if (entry.section === 'placement') {
    const title = placementTitle(entry.key, t);
    if (title) return { text: title, vendorText: false };
  }
  if (entry.section === 'transfers') return transferTitle(entry.key, t);
  if (entry.section === 'manifest') {
    const title = manifestTitle(entry, t);
    if (title) return title;
  }
  return { text: entry.label, vendorText: true };
}

/**
 * The vendor's or the app's name: the diff's (the newer version's, in English), in the reader's
 * language when the current declaration has the same name; undefined for the vendor's stand-in
 * label, which the catalogue words instead.
 */
function ownName(entry: DiffEntry, context: ValueContext): EntryTitle | undefined {
  const { declaration, t } = context;
  const name = declaration
    ? entry.section === 'app'
      ? declaration.app.name
      : (declaration.vendor.legalName ?? declaration.vendor.tradingName)
    : undefined;
  if (name !== undefined && translationFor(name, 'en')?.text === entry.label) {
    const translation = translationFor(name, t.locale);
    if (translation) return { ...translation, vendorText: true };
  }
  if (entry.section === 'vendor' && (entry.label === UNNAMED_VENDOR_LABEL || !entry.label)) {
    return undefined;
  }
  return { text: entry.label, vendorText: true };
}

/**
 * A transfer's entry in words from its key (`the EEA → US, GB #2`): where from, as the vendor
 * wrote it, to the countries by name (or the vendor's geography, or the mechanism's label).
 */
function transferTitle(key: string, t: Translator): EntryTitle {
  const [, route = key, number = ''] = /^(.*?)( #\d+)?$/.exec(key) ?? [];
  const arrow = route.lastIndexOf(' → ');
  const from = arrow === -1 ? '' : route.slice(0, arrow);
  const to = arrow === -1 ? route : route.slice(arrow + ' → '.length);
  const countries = /^[A-Z]{2}(, [A-Z]{2})*$/.test(to)
    ? t.list(to.split(', ').map((code) => countryName(code, t.locale)))
    : undefined;
  const mechanism = countries ?? diffValueLabel('transferMechanism', to, t);
  const destination = mechanism ?? to;
  const text = from ? t.t('value.route', { from, to: destination }) : destination;
  return { text: `${text}${number}`, vendorText: from !== '' || mechanism === undefined };
}

/**
 * What a manifest entry is about, from its key: "Backend fetch: api.example.com" (`egress:
 * fetch.backend:api.example.com`), "Remote: radar-service", "Runs on Atlassian". Hosts and keys
 * are the manifest's words; the rest is the catalogue's.
 */
function manifestTitle(entry: DiffEntry, t: Translator): EntryTitle | undefined {
  if (entry.key === 'runsOnAtlassian') {
    return { text: t.t('diff.manifestFacts.runsOnAtlassian'), vendorText: false };
  }
  const egress = /^egress:([a-z.]+):(.+)$/.exec(entry.key);
  const kind =
    egress?.[1] &&
    diffValueLabel('egressKind', (EGRESS_KIND_KEYS as Record<string, string>)[egress[1]] ?? '', t);
  const labelled = (label: string, value: string) => ({
    text: t.t('value.labelled', { label: capitalised(label, t.locale), value }),
    vendorText: false,
  });
  if (egress && kind) return labelled(kind, egress[2]!);
  const remote = /^remote:(.+)$/.exec(entry.key);
  if (remote) return labelled(t.t('diff.manifestFacts.remote'), remote[1]!);
  return undefined;
}

/** A label that starts a heading, with its first letter in upper case where the script has one. */
function capitalised(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * A placement rule's entry in words from its key (`pinned-realm@cloud #2`): the rule, then the
 * platforms it applies to, "By the site's pinned data residency location (Cloud)".
 */
function placementTitle(key: string, t: Translator): string | undefined {
  const match = /^([a-z-]+)(?:@([a-z+-]+))?( #\d+)?$/.exec(key);
  const rule = match?.[1] && diffValueLabel('placementRule', match[1], t);
  if (!match || !rule) return undefined;
  const platforms = (match[2] ?? '')
    .split('+')
    .filter(Boolean)
    .map((platform) => diffValueLabel('platform', platform, t) ?? platform);
  const title = platforms.length
    ? t.t('value.withDetail', { value: rule, detail: t.list(platforms) })
    : rule;
  return `${title}${match[3] ?? ''}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A statement about a platform: the platform, its statement and its framework, nothing else. */
function isPlatformStatement(
  value: Record<string, unknown>,
): value is { platform: string; statement?: unknown; framework?: unknown } {
  return (
    typeof value.platform === 'string' &&
    Object.keys(value).every((key) => ['platform', 'statement', 'framework'].includes(key))
  );
}

/** A period with its bound (`{ period: 'P30D', bound: 'at-least' }`), as the diff reports it. */
function isBoundPeriod(value: Record<string, unknown>): value is {
  period: string;
  bound?: PeriodBound;
} {
  const keys = Object.keys(value);
  return (
    typeof value.period === 'string' && keys.every((key) => key === 'period' || key === 'bound')
  );
}

/**
 * A changed value in words, one string per item of a list (none when there is no value): enum
 * ids as labels, periods as durations, countries and referenced items by name, yes/no for
 * flags, localised text as written. The items are kept apart so that the page can isolate each.
 */
export function showValue(
  value: unknown,
  path: string,
  section: DiffSection,
  context: ValueContext,
): ShownValue[] {
  const { t } = context;
  if (value === undefined || value === null || value === '') return [];
  const field = path.split('.').at(-1) ?? '';
  const kind = LABELS_BY_SECTION_FIELD[section]?.[field] ?? LABELS_BY_FIELD[field];
  const app = (text: string): ShownValue => ({ text, vendorText: false });
  const word = (item: string): ShownValue => {
    if (section === 'policy' && path === 'version' && item === 'not-stated') {
      return app(t.t('versions.policyNotStated'));
    }
    const label = kind && diffValueLabel(kind, item, t);
    if (label) return app(label);
    // Silence is a value of the format: said in words wherever a field can hold it.
    if (item === 'not-stated') return app(t.t('value.notStated'));
    if (field === 'categories' && item === 'all') return app(t.t('value.allData'));
    if (DURATION_FIELDS.has(field)) return app(describeDuration(item, t));
    if (COUNTRY_FIELDS.has(field) && /^[A-Z]{2}$/.test(item)) {
      return app(countryName(item, t.locale));
    }
    const reference = REFERENCE_KINDS[field];
    if (reference) return referenceName(reference, item, context);
    return { text: item, vendorText: true };
  };
  const one = (item: unknown): ShownValue => {
    if (typeof item === 'string') return word(item);
    if (typeof item === 'boolean') return app(t.t(item ? 'diff.yes' : 'diff.no'));
    if (typeof item === 'number') return app(new Intl.NumberFormat(t.locale).format(item));
    if (isRecord(item) && isBoundPeriod(item)) {
      return app(describeBoundedDuration(item.period, item.bound, t));
    }
    if (isText(item)) {
      const translation = translationFor(item, t.locale);
      return translation ? { ...translation, vendorText: true } : app('');
    }
    if (isRecord(item)) {
      if (isPlatformStatement(item)) return platformStatement(item);
      const title = item.name ?? item.title ?? item.label ?? item.what ?? item.role;
      if (typeof title === 'string' || isText(title)) return one(title);
      return fieldsInWords(item);
    }
    return { text: JSON.stringify(item), vendorText: true };
  };
  // A platform's statement (app.platforms, app.notCovered): "Cloud: <the statement>", so that
  // a changed one reads as what it says, not as the platform's name.
  const platformStatement = (record: {
    platform: string;
    statement?: unknown;
    framework?: unknown;
  }): ShownValue => {
    const platform = diffValueLabel('platform', record.platform, t) ?? record.platform;
    const statement = record.statement === undefined ? undefined : one(record.statement);
    const framework = typeof record.framework === 'string' ? record.framework : undefined;
    const frameworkLabel = framework && (diffValueLabel('framework', framework, t) ?? framework);
    const label = frameworkLabel
      ? t.t('value.withDetail', { value: platform, detail: frameworkLabel })
      : platform;
    if (!statement?.text) return app(label);
    return { text: t.t('value.labelled', { label, value: statement.text }), vendorText: true };
  };
  // A record without a name (a platform difference, a realm, a programme): its fields in words,
  // "Platform: Data Center; Where stored: The customer's Jira database".
  const fieldsInWords = (record: Record<string, unknown>): ShownValue => {
    const shown = Object.entries(record).map(
      ([key, member]) => [key, showValue(member, key, section, context)] as const,
    );
    const parts = shown
      .filter(([, values]) => values.length > 0)
      .map(([key, values]) =>
        t.t('value.labelled', {
          label: diffFieldLabel(key, t),
          value: t.list(values.map((part) => part.text)),
        }),
      );
    return {
      text:
        parts.length > 0
          ? parts.reduce((first, second) => t.t('value.pair', { first, second }))
          : '',
      vendorText: shown.some(([, values]) => values.some((part) => part.vendorText)),
    };
  };
  if (Array.isArray(value)) return value.map(one);
  return [one(value)];
}
