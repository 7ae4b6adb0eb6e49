import type { Declaration, DiffEntry, DiffSection, Text } from '@declaration';
import { diffValueLabel, wholeEntryLabel } from '@declaration/diff-labels.ts';
import type { Translator } from '@declaration/i18n/index.ts';
import type { LabelKind } from '@declaration/present/labels.ts';
import { countryName, translationFor } from '@declaration/present/localize.ts';
import { describeDuration } from '@declaration/present/retention.ts';

/** The labels of a field's values, by the last key of its dotted path; enum ids are not for people. */
const LABELS_BY_FIELD: Record<string, LabelKind> = {
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
};

/** Fields whose labels depend on the section: a recipient's kind is not a cookie's. */
const LABELS_BY_SECTION_FIELD: Partial<Record<DiffSection, Record<string, LabelKind>>> = {
  recipients: { kind: 'recipientKind', category: 'recipientCategory' },
  cookies: { category: 'cookieCategory' },
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
  'holds',
  'locations',
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
  return names.get(entry.key) ?? { text: entry.label, vendorText: true };
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
    if (isText(item)) {
      const translation = translationFor(item, t.locale);
      return translation ? { ...translation, vendorText: true } : app('');
    }
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const record = item as Record<string, unknown>;
      const title = record.name ?? record.title ?? record.label ?? record.what ?? record.id;
      if (typeof title === 'string' || isText(title)) return one(title);
    }
    return { text: JSON.stringify(item), vendorText: true };
  };
  if (Array.isArray(value)) return value.map(one);
  return [one(value)];
}
