import type { DeclarationDiff, DiffEntry, DiffNames, DiffSection, FieldChange } from './api.ts';
import { canonicallyEqual } from './canonical.ts';
import { diffManifestFacts } from './diff-manifest.ts';
import type { PublishedManifestFacts } from './manifest/published.ts';
import { materialChanges } from './material.ts';
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
 *
 * Given the versions' manifest facts, the `manifest` section says which egress domains and
 * remotes an upgrade adds or removes, and whether Runs on Atlassian changed.
 */
export function diffDeclarations(
  before: Declaration,
  after: Declaration,
  versions: { from: number; to: number },
  manifests?: {
    before: PublishedManifestFacts | null | undefined;
    after: PublishedManifestFacts | null | undefined;
  },
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
    ...diffList('placement', before.placement ?? [], after.placement ?? [], placementKey),
    ...diffList('recipients', before.recipients, after.recipients, byId, (item) => en(item.name)),
    ...diffList('logs', before.logs ?? [], after.logs ?? [], byId, (item) => en(item.name)),
    ...diffList('cookies', before.cookies ?? [], after.cookies ?? [], (item) => en(item.name)),
    ...diffList('notCollected', before.notCollected ?? [], after.notCollected ?? [], (item) =>
      en(item.what),
    ),
    ...diffList('commitments', before.commitments ?? [], after.commitments ?? [], en),
    ...diffList('transfers', before.transfers ?? [], after.transfers ?? [], transferKey),
    ...diffSingle('rights', 'rights', 'Your rights', ...rightsBasics(before, after)),
    ...diffList(
      'rights',
      regimesOf(before),
      regimesOf(after),
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
    ...(manifests ? diffManifestFacts(manifests.before, manifests.after) : []),
  ];
  const count = (kind: DiffEntry['kind']) => entries.filter((entry) => entry.kind === kind).length;
  return {
    from: versions.from,
    to: versions.to,
    entries,
    counts: { added: count('added'), removed: count('removed'), changed: count('changed') },
    material: materialChanges(before, after, manifests),
    names: { before: diffNames(before), after: diffNames(after) },
  };
}

/** The vendor's names of a declaration's items, per kind, for what a diff's ids point at. */
export function diffNames(declaration: Declaration): DiffNames {
  const named = <T extends { id: string }>(items: T[], name: (item: T) => Text | undefined) =>
    Object.fromEntries(
      items.flatMap((item) => {
        const text = name(item);
        return text === undefined ? [] : [[item.id, text] as const];
      }),
    );
  return {
    purposes: named(declaration.purposes, (item) => item.name),
    dataCategories: named(declaration.dataCategories, (item) => item.name),
    recipients: named(declaration.recipients, (item) => item.name),
    locations: named(declaration.locations, (item) => item.name ?? item.provider),
    logs: named(declaration.logs ?? [], (item) => item.name),
  };
}

/**
 * The fields that differ between two values, as dotted paths. A list of records (platform
 * differences, realms, grants) is compared item by item when its items can be matched (by an
 * identity such as `platform` or `role`, else by position when there are as many), the path
 * naming the item's position in the newer list; other lists are compared whole. A period and
 * its bound are one field, `period`, holding both, once either has a bound: "up to 30 days" and
 * "at least 30 days" are different periods.
 */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (canonicallyEqual(before ?? null, after ?? null)) return [];
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (isRecord(before) && isRecord(after)) {
    const bounded = before.bound !== undefined || after.bound !== undefined;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => {
      if (!bounded || (key !== 'period' && key !== 'bound')) {
        return fieldChanges(before[key], after[key], at(key));
      }
      if (key === 'bound' && ('period' in before || 'period' in after)) return [];
      const [old, current] = [boundPeriod(before), boundPeriod(after)];
      if (canonicallyEqual(old, current)) return [];
      return [{ path: at('period'), before: old, after: current }];
    });
  }
  const pairs = Array.isArray(before) && Array.isArray(after) ? matched(before, after) : null;
  if (pairs) return pairs.flatMap(([index, old, current]) => fieldChanges(old, current, at(index)));
  return [{ path, before: before ?? null, after: after ?? null }];
}

/** A period with its bound as one value; null when there is neither. */
function boundPeriod(record: Record<string, unknown>): unknown {
  const { period, bound } = record;
  if (period === undefined && bound === undefined) return null;
  return bound === undefined ? { period } : { period, bound };
}

/** What identifies an item of a list of records, tried in this order. */
const IDENTITIES = ['id', 'platform', 'realm', 'role', 'regime', 'right', 'kind', 'name', 'title'];

/**
 * The items of two lists of records paired up, each with its position in the newer list: by an
 * identity every item has once (the same ones on both sides), else by position when the lists
 * are as long; null when they cannot be paired and are compared whole.
 */
function matched(before: unknown[], after: unknown[]): [number, unknown, unknown][] | null {
  if (!before.every(isRecord) || !after.every(isRecord)) return null;
  for (const identity of IDENTITIES) {
    const keyOf = (item: Record<string, unknown>) => {
      const value = item[identity];
      return typeof value === 'string' ? value : isRecord(value) ? JSON.stringify(value) : null;
    };
    const [old, current] = [before.map(keyOf), after.map(keyOf)];
    const keys = [...old, ...current];
    if (keys.some((key) => key === null)) continue;
    if (new Set(old).size !== old.length || new Set(current).size !== current.length) continue;
    if (old.length !== current.length || !current.every((key) => old.includes(key))) return null;
    return after.map((item, index) => [index, before[old.indexOf(current[index] ?? null)], item]);
  }
  if (before.length !== after.length) return null;
  return after.map((item, index) => [index, before[index], item]);
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

/** The regimes of a declaration's rights; none when the policy names no rights. */
function regimesOf(declaration: Declaration) {
  const { regimes } = declaration.rights;
  return Array.isArray(regimes) ? regimes : [];
}

/**
 * The rights without their regimes, which are compared item by item; when one side names no
 * rights (`regimes: not-stated`), which laws each side names is a field of its own.
 */
function rightsBasics(before: Declaration, after: Declaration): [unknown, unknown] {
  const basics = (declaration: Declaration, withRegimes: boolean) => {
    const { regimes, ...rest } = declaration.rights;
    if (!withRegimes) return rest;
    return { ...rest, regimes: Array.isArray(regimes) ? regimes.map((r) => r.regime) : regimes };
  };
  const silent = !Array.isArray(before.rights.regimes) || !Array.isArray(after.rights.regimes);
  const changed = silent && before.rights.regimes !== after.rights.regimes;
  return [basics(before, changed), basics(after, changed)];
}

/**
 * A placement rule's key: its rule and the platforms it applies to ("pinned-realm@cloud"), so
 * that editing its realms is a change of the rule, not a new one.
 */
function placementKey(rule: NonNullable<Declaration['placement']>[number]): string {
  return rule.platforms?.length
    ? `${rule.rule}@${[...rule.platforms].sort().join('+')}`
    : rule.rule;
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
