import type { Declaration, DiffEntry, DiffSection, Text } from '@declaration';
import {
  diffFieldLabel,
  diffValueLabel,
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

/** Fields holding ids of other items of the declaration, shown by those items' names. */
const REFERENCE_FIELDS = new Set([
  'purposes',
  'recipients',
  'recipient',
  'storedIn',
  'storedOnlyBy',
  'holds',
  'locations',
  'location',
  'unpinned',
  'categories',
]);

/** Names of the items a declaration's ids point at, so a list of ids reads as names. */
export function namesById(declaration: Declaration, locale: string): Map<string, ShownValue> {
  const names = new Map<string, ShownValue>();
  const add = (id: string, name: Text | undefined) => {
    const translation = translationFor(name, locale);
    if (translation) names.set(id, { ...translation, vendorText: true });
  };
  for (const item of declaration.purposes) add(item.id, item.name);
  for (const item of declaration.dataCategories) add(item.id, item.name);
  for (const item of declaration.recipients) add(item.id, item.name);
  for (const item of declaration.locations) add(item.id, item.name ?? item.provider);
  for (const item of declaration.logs ?? []) add(item.id, item.name);
  return names;
}

function isText(value: unknown): value is Text {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
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

/** What the viewer needs to put a changed value in words. */
export interface ValueContext {
  t: Translator;
  /** The current declaration, to name what a diff refers to by id; none when not loaded. */
  declaration?: Declaration;
  names: Map<string, ShownValue>;
}

/**
 * What an entry of "What changed" is about, in the reader's language: the word for a part the
 * diff reports whole ("Security"), the law for a rights regime, else the item's name from the
 * current declaration (the diff carries the English one, which is kept for removed items).
 * `vendorText` says whether it is the vendor's words, which the page isolates.
 */
export function entryTitle(entry: DiffEntry, context: ValueContext): EntryTitle {
  const { t, declaration, names } = context;
  if (entry.section === 'vendor' && declaration) {
    const { legalName, tradingName } = declaration.vendor;
    const name = translationFor(legalName ?? tradingName, t.locale);
    if (name) return { ...name, vendorText: true };
  }
  if (entry.section === 'app' && declaration) {
    const name = translationFor(declaration.app.name, t.locale);
    if (name) return { ...name, vendorText: true };
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
  if (entry.section === 'manifest') {
    const title = manifestTitle(entry, t);
    if (title) return title;
  }
  return names.get(entry.key) ?? { text: entry.label, vendorText: true };
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
  const { t, names } = context;
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
    if (REFERENCE_FIELDS.has(field)) return names.get(item) ?? { text: item, vendorText: true };
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
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const record = item as Record<string, unknown>;
      const title =
        record.name ?? record.title ?? record.label ?? record.what ?? record.id ?? record.role;
      if (typeof title === 'string' || isText(title)) return one(title);
      return fieldsInWords(record);
    }
    return { text: JSON.stringify(item), vendorText: true };
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
