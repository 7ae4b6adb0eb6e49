import type { DeclarationDiff, DiffEntry, DiffNames, DiffSection, FieldChange } from './api.ts';
import { canonicalJson, canonicallyEqual } from './canonical.ts';
import { UNNAMED_VENDOR_LABEL } from './diff-labels.ts';
import { diffManifestFacts } from './diff-manifest.ts';
import type { PublishedManifestFacts } from './manifest/published.ts';
import { en, keyed, placementKey, transferKey } from './diff-keys.ts';
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
    ...diffList('locations', before.locations, after.locations, byId, (item) => {
      const name = locationName(item);
      return name ? en(name) : 'Storage location';
    }),
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
    locations: named(declaration.locations, locationName),
    logs: named(declaration.logs ?? [], (item) => item.name),
  };
}

/**
 * The fields that differ between two values, as dotted paths. A list of records (platform
 * statements and differences, realms, grants) is compared item by item when its items can be
 * matched (by an identity such as `platform` or `role`, else by position when there are as
 * many), the path naming the item's position in the newer list; the items only one side has are
 * the list's own change, with `added` and `removed`. Any other list (examples, notes, countries,
 * ids) is one change with the items only the newer list has (`added`) and only the older one has
 * (`removed`), compared canonically; a list that only changed its order is no change. A period
 * and its bound are one field, `period`, holding both, once either has a bound: "up to 30 days"
 * and "at least 30 days" are different periods.
 */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (canonicallyEqual(before ?? null, after ?? null)) return [];
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (isRecord(before) && isRecord(after) && !isText(before) && !isText(after)) {
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
  const [old, current] = [listOrNone(before), listOrNone(after)];
  if (old && current) {
    const matching = matched(old, current);
    const own = listChange(path, before, after, matching ?? undefined);
    const changes = [
      ...(own ? [own] : []),
      ...(matching?.pairs ?? []).flatMap(([index, was, is]) => fieldChanges(was, is, at(index))),
    ];
    // Two lists with the same items in another order say the same; an empty list where there
    // was none does not ("stored nowhere" is not "not stated"), so it is a change of its own.
    if (changes.length > 0 || (Array.isArray(before) && Array.isArray(after))) return changes;
  }
  return [{ path, before: before ?? null, after: after ?? null }];
}

/** A list as compared: a missing list is an empty one when the other side has a list. */
function listOrNone(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : null;
}

/**
 * A list's own change: the items only the newer list has and those only the older one has
 * (each as often as it is missing from the other side), or null when it gained and lost none.
 * Items matched by identity are not added or removed: their fields are compared instead.
 */
function listChange(
  path: string,
  before: unknown,
  after: unknown,
  matching?: Matching,
): FieldChange | null {
  const [old, current] = [listOrNone(before) ?? [], listOrNone(after) ?? []];
  const added = matching ? matching.added : without(current, old);
  const removed = matching ? matching.removed : without(old, current);
  if (added.length === 0 && removed.length === 0) return null;
  return { path, before: before ?? null, after: after ?? null, added, removed };
}

/** The items of `items` that `others` does not have, compared canonically, duplicates counted. */
export function without(items: readonly unknown[], others: readonly unknown[]): unknown[] {
  const pool = others.map((item) => canonicalJson(item));
  return items.filter((item) => {
    const index = pool.indexOf(canonicalJson(item));
    if (index === -1) return true;
    pool.splice(index, 1);
    return false;
  });
}

/** A period with its bound as one value; null when there is neither. */
function boundPeriod(record: Record<string, unknown>): unknown {
  const { period, bound } = record;
  if (period === undefined && bound === undefined) return null;
  return bound === undefined ? { period } : { period, bound };
}

/** What identifies an item of a list of records, tried in this order. */
const IDENTITIES = ['id', 'platform', 'realm', 'role', 'regime', 'right', 'kind', 'name', 'title'];

/** Two lists of records paired up: the pairs, each with its position in the newer list, and the rest. */
interface Matching {
  pairs: [number, unknown, unknown][];
  added: unknown[];
  removed: unknown[];
}

/**
 * The items of two lists of records paired up: by an identity every item has once (the items
 * whose identity only one side has are added or removed), else by position when the lists are
 * as long; null when they cannot be paired and are compared as lists of values.
 */
function matched(before: unknown[], after: unknown[]): Matching | null {
  const records = (items: unknown[]) => items.every((item) => isRecord(item) && !isText(item));
  if (!records(before) || !records(after) || before.length + after.length === 0) return null;
  const [old, current] = [before as Record<string, unknown>[], after as Record<string, unknown>[]];
  for (const identity of IDENTITIES) {
    const keyOf = (item: Record<string, unknown>) => {
      const value = item[identity];
      return typeof value === 'string' ? value : isRecord(value) ? canonicalJson(value) : null;
    };
    const [oldKeys, currentKeys] = [old.map(keyOf), current.map(keyOf)];
    if ([...oldKeys, ...currentKeys].some((key) => key === null)) continue;
    if (new Set(oldKeys).size !== old.length || new Set(currentKeys).size !== current.length) {
      continue;
    }
    return {
      pairs: current.flatMap((item, index): [number, unknown, unknown][] => {
        const previous = oldKeys.indexOf(currentKeys[index] ?? null);
        return previous === -1 ? [] : [[index, old[previous], item]];
      }),
      added: current.filter((_, index) => !oldKeys.includes(currentKeys[index] ?? null)),
      removed: old.filter((_, index) => !currentKeys.includes(oldKeys[index] ?? null)),
    };
  }
  if (before.length !== after.length) return null;
  return {
    pairs: after.map((item, index) => [index, before[index], item]),
    added: [],
    removed: [],
  };
}

/** A localised text (`{ en: ..., de: ... }`): a value, not a record of fields. */
function isText(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.en === 'string' &&
    Object.values(value).every((part) => typeof part === 'string')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a location is called where it has no name: its provider, its service or where it is. */
function locationName(location: Declaration['locations'][number]): Text | undefined {
  return location.name ?? location.provider ?? location.service ?? location.geography;
}

function byId(item: { id: string }): string {
  return item.id;
}

function vendorLabel(declaration: Declaration): string {
  const { legalName, tradingName } = declaration.vendor;
  return legalName ? en(legalName) : tradingName ? en(tradingName) : UNNAMED_VENDOR_LABEL;
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
