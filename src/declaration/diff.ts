import type { DeclarationDiff, DiffEntry, DiffSection, FieldChange } from './api.ts';
import { canonicallyEqual } from './canonical.ts';
import type { Declaration, Text } from './schema/index.ts';

/**
 * What changed between two versions of a declaration, item by item: the purposes, data
 * categories, retention, storage locations, recipients, rights and every other part an admin
 * re-reads after an upgrade. Pure, so the backend answers `versions/diff` with it and the UI can
 * compare any two declarations it already holds.
 *
 * List items are matched by id (or by a stable key such as a cookie's name), so reordering a list
 * is not a change. A data category's retention is reported under the `retention` section, not as
 * a field of the category; an added or removed category carries its retention with it.
 */
export function diffDeclarations(
  before: Declaration,
  after: Declaration,
  versions: { from: number; to: number },
): DeclarationDiff {
  const entries: DiffEntry[] = [
    ...diffSingle(
      'vendor',
      'vendor',
      vendorLabel(after) || vendorLabel(before),
      before.vendor,
      after.vendor,
    ),
    ...diffSingle('app', 'app', en(after.app.name), before.app, after.app),
    ...diffSingle('policy', 'policy', 'Privacy policy', before.policy, after.policy),
    ...diffSingle('summary', 'summary', 'Summary', before.summary, after.summary),
    ...diffList('purposes', before.purposes, after.purposes, byId, (item) => en(item.name)),
    ...diffList(
      'dataCategories',
      before.dataCategories.map(withoutRetention),
      after.dataCategories.map(withoutRetention),
      byId,
      (item) => en(item.name),
    ),
    ...diffRetention(before, after),
    ...diffList('locations', before.locations, after.locations, byId, (item) =>
      en(item.name ?? item.provider ?? item.id),
    ),
    ...diffList('recipients', before.recipients, after.recipients, byId, (item) => en(item.name)),
    ...diffList('cookies', before.cookies ?? [], after.cookies ?? [], (item) => en(item.name)),
    ...diffList('notCollected', before.notCollected ?? [], after.notCollected ?? [], (item) =>
      en(item.what),
    ),
    ...diffList('commitments', before.commitments ?? [], after.commitments ?? [], en),
    ...diffList('transfers', before.transfers ?? [], after.transfers ?? [], transferKey),
    ...diffSingle('rights', 'rights', 'Your rights', rightsBasics(before), rightsBasics(after)),
    ...diffList(
      'rights',
      before.rights.regimes,
      after.rights.regimes,
      (item) => item.regime,
      (item) => (item.appliesTo ? `${item.regime}: ${en(item.appliesTo)}` : item.regime),
    ),
    ...diffSingle('security', 'security', 'Security', before.security, after.security),
    ...diffSingle(
      'vendorAccess',
      'vendorAccess',
      'Vendor access',
      before.vendorAccess,
      after.vendorAccess,
    ),
    ...diffList('sections', before.sections ?? [], after.sections ?? [], (item) => en(item.title)),
  ];
  const count = (kind: DiffEntry['kind']) => entries.filter((entry) => entry.kind === kind).length;
  return {
    from: versions.from,
    to: versions.to,
    entries,
    counts: { added: count('added'), removed: count('removed'), changed: count('changed') },
  };
}

/** The fields that differ between two values, as dotted paths; arrays are compared whole. */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (canonicallyEqual(before ?? null, after ?? null)) return [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) =>
      fieldChanges(before[key], after[key], path ? `${path}.${key}` : key),
    );
  }
  return [{ path, before: before ?? null, after: after ?? null }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function en(text: Text): string {
  return typeof text === 'string' ? text : (text.en ?? Object.values(text)[0] ?? '');
}

function byId(item: { id: string }): string {
  return item.id;
}

function vendorLabel(declaration: Declaration): string {
  const { legalName, tradingName } = declaration.vendor;
  return legalName ? en(legalName) : tradingName ? en(tradingName) : 'Vendor';
}

function withoutRetention<T extends { retention: unknown }>(item: T): Omit<T, 'retention'> {
  const { retention: _retention, ...rest } = item;
  return rest;
}

function rightsBasics(declaration: Declaration): Omit<Declaration['rights'], 'regimes'> {
  const { regimes: _regimes, ...rest } = declaration.rights;
  return rest;
}

function transferKey(transfer: NonNullable<Declaration['transfers']>[number]): string {
  const to = transfer.to?.join(', ') || (transfer.toGeography ? en(transfer.toGeography) : '');
  const from = transfer.from ? `${en(transfer.from)} → ` : '';
  return `${from}${to || transfer.mechanism}`;
}

function diffSingle(
  section: DiffSection,
  key: string,
  label: string,
  before: unknown,
  after: unknown,
): DiffEntry[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ section, kind: 'added', key, label, fields: [] }];
  if (after === undefined) return [{ section, kind: 'removed', key, label, fields: [] }];
  const fields = fieldChanges(before, after, isRecord(before) && isRecord(after) ? '' : key);
  return fields.length > 0 ? [{ section, kind: 'changed', key, label, fields }] : [];
}

/** Keys made unique in list order: a second "Login cookies" becomes "Login cookies #2". */
function keyed<T>(items: T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const base = keyOf(item);
    let key = base;
    for (let n = 2; map.has(key); n += 1) key = `${base} #${n}`;
    map.set(key, item);
  }
  return map;
}

function diffList<T>(
  section: DiffSection,
  before: T[],
  after: T[],
  keyOf: (item: T) => string,
  labelOf: (item: T) => string = keyOf,
): DiffEntry[] {
  const old = keyed(before, keyOf);
  const current = keyed(after, keyOf);
  const entries: DiffEntry[] = [];
  for (const [key, item] of current) {
    const previous = old.get(key);
    if (previous === undefined) {
      entries.push({ section, kind: 'added', key, label: labelOf(item), fields: [] });
      continue;
    }
    const fields = fieldChanges(previous, item);
    if (fields.length > 0)
      entries.push({ section, kind: 'changed', key, label: labelOf(item), fields });
  }
  for (const [key, item] of old) {
    if (!current.has(key))
      entries.push({ section, kind: 'removed', key, label: labelOf(item), fields: [] });
  }
  return entries;
}

function diffRetention(before: Declaration, after: Declaration): DiffEntry[] {
  const old = new Map(before.dataCategories.map((category) => [category.id, category]));
  return after.dataCategories.flatMap((category): DiffEntry[] => {
    const previous = old.get(category.id);
    if (!previous) return [];
    const fields = fieldChanges(previous.retention, category.retention);
    if (fields.length === 0) return [];
    return [
      { section: 'retention', kind: 'changed', key: category.id, label: en(category.name), fields },
    ];
  });
}
