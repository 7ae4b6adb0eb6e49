import type { Declaration, DiffSection, Text } from '@declaration';
import {
  countryName,
  describeDuration,
  LABELS,
  localize,
  policyVersionText,
} from '@declaration/present/index.ts';
import type { Messages } from '../i18n/index.ts';

/** The label table for a field, by the last key of its dotted path; enum ids are not for people. */
const LABELS_BY_FIELD: Record<string, Record<string, string>> = {
  basis: LABELS.retentionBasis,
  after: LABELS.retentionTrigger,
  legalBasis: LABELS.legalBasis,
  subjects: LABELS.dataSubject,
  sources: LABELS.dataSource,
  platforms: LABELS.platform,
  platform: LABELS.platform,
  marketplaceClass: LABELS.marketplaceClass,
  collectedBy: LABELS.collectedBy,
  collection: LABELS.collection,
  hostedBy: LABELS.hostedBy,
  followsDataResidency: LABELS.tristate,
  encryptionInTransit: LABELS.tristate,
  encryptionAtRest: LABELS.tristate,
  mechanism: LABELS.transferMechanism,
  framework: LABELS.framework,
  products: LABELS.product,
  lastUpdatedSource: LABELS.lastUpdatedSource,
  regime: LABELS.regime,
  party: LABELS.cookieParty,
  where: LABELS.cookieWhere,
};

/** Fields whose label table depends on the section: a recipient's kind is not a cookie's. */
const LABELS_BY_SECTION_FIELD: Partial<
  Record<DiffSection, Record<string, Record<string, string>>>
> = {
  recipients: { kind: LABELS.recipientKind, category: LABELS.recipientCategory },
  cookies: { category: LABELS.cookieCategory },
};

/** Fields holding ISO 8601 periods, shown as "2 years" rather than "P2Y". */
const DURATION_FIELDS = new Set(['period', 'duration', 'responseTime']);

/** Fields holding country codes, shown by the country's name. */
const COUNTRY_FIELDS = new Set(['countries', 'country', 'to']);

/** Fields holding ids of other items of the declaration, shown by those items' names. */
const REFERENCE_FIELDS = new Set(['purposes', 'recipients', 'storedIn', 'holds', 'locations']);

/** "dataResidency" → "Data residency": the fallback for a field the strings do not name. */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A dotted path as people read it: `retention.basis` → "How long it is kept", nested with " → ". */
export function fieldLabel(path: string, t: Messages): string {
  return path
    .split('.')
    .map((key) =>
      /^\d+$/.test(key) ? `#${Number(key) + 1}` : (t.diffFields[key] ?? humanize(key)),
    )
    .join(' → ');
}

/** Names of the items a declaration's ids point at, so a list of ids reads as names. */
export function namesById(declaration: Declaration, locale: string): Map<string, string> {
  const names = new Map<string, string>();
  const add = (id: string, name: Text | undefined) => {
    const text = name ? localize(name, locale) : '';
    if (text) names.set(id, text);
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

/** What the viewer needs to put a changed value in words. */
export interface ValueContext {
  t: Messages;
  locale: string;
  names: Map<string, string>;
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
): string[] {
  const { t, locale, names } = context;
  if (value === undefined || value === null || value === '') return [];
  const field = path.split('.').at(-1) ?? '';
  const labels = LABELS_BY_SECTION_FIELD[section]?.[field] ?? LABELS_BY_FIELD[field];
  const word = (item: string): string => {
    if (section === 'policy' && path === 'version') return policyVersionText(item);
    if (labels?.[item]) return labels[item];
    if (DURATION_FIELDS.has(field)) return describeDuration(item);
    if (COUNTRY_FIELDS.has(field) && /^[A-Z]{2}$/.test(item)) return countryName(item, locale);
    if (REFERENCE_FIELDS.has(field)) return names.get(item) ?? item;
    return item;
  };
  const one = (item: unknown): string => {
    if (typeof item === 'string') return word(item);
    if (typeof item === 'boolean') return item ? t.yes : t.no;
    if (typeof item === 'number') return String(item);
    if (isText(item)) return localize(item, locale);
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const record = item as Record<string, unknown>;
      const title = record.name ?? record.title ?? record.label ?? record.what ?? record.id;
      if (typeof title === 'string' || isText(title)) return one(title);
    }
    return JSON.stringify(item);
  };
  if (Array.isArray(value)) return value.map(one);
  return [one(value)];
}
