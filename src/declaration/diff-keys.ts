import type { DiffRef, DiffSection } from './api.ts';
import { canonicallyEqual } from './canonical.ts';
import type { Declaration, Text } from './schema/index.ts';

/**
 * The diff's keys for the items of a declaration, written once: `diffDeclarations` keys its
 * entries with them and the material changes point at those entries with them (the tests hold
 * the two to the same entries).
 */

export interface Sides {
  before: Declaration;
  after: Declaration;
}

/** The ref of a diff entry for one item, or null when the two sides of it say the same. */
export function refWhenChanged(
  section: DiffSection,
  key: string,
  before: unknown,
  after: unknown,
): DiffRef | null {
  if (before === undefined && after === undefined) return null;
  return canonicallyEqual(before ?? null, after ?? null) ? null : { section, key };
}

export function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]));
}

/** Items the newer list has and the older one lacks, by key. */
export function onlyIn<T>(items: Map<string, T>, other: Map<string, T>): [string, T][] {
  return [...items].filter(([key]) => !other.has(key));
}

/** Keys made unique in list order, as the diff makes them: a second key gets " #2". */
export function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const base = keyOf(item);
    let key = base;
    for (let n = 2; map.has(key); n += 1) key = `${base} #${n}`;
    map.set(key, item);
  }
  return map;
}

/** A text's English (or first) translation: the language the diff's keys and labels are in. */
export function en(text: Text): string {
  return typeof text === 'string' ? text : (text.en ?? Object.values(text)[0] ?? '');
}

/** A transfer's key: where from and where to ("EU → US"), else its mechanism. */
export function transferKey(transfer: NonNullable<Declaration['transfers']>[number]): string {
  const to = transfer.to?.join(', ') || (transfer.toGeography ? en(transfer.toGeography) : '');
  const from = transfer.from ? `${en(transfer.from)} → ` : '';
  return `${from}${to || transfer.mechanism}`;
}

/** A declaration's transfers by their keys. */
export function transfersByKey(declaration: Declaration) {
  return keyed(declaration.transfers ?? [], transferKey);
}

/**
 * A placement rule's key: its rule and the platforms it applies to ("pinned-realm@cloud"), so
 * that editing its realms is a change of the rule, not a new one.
 */
export function placementKey(rule: NonNullable<Declaration['placement']>[number]): string {
  return rule.platforms?.length
    ? `${rule.rule}@${[...rule.platforms].sort().join('+')}`
    : rule.rule;
}
