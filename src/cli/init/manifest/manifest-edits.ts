/**
 * Collects what init adds to a manifest (list items and mapping pairs, by path) and turns it
 * into text insertions, creating missing parents on the way. Additions to the same place are
 * merged, so that two additions under a missing `permissions` become one `permissions:` block.
 * Pure.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import {
  appendItems,
  appendPairs,
  applyInsertions,
  Commented,
  fillEmptyValue,
  isEmptyValue,
  SpliceError,
  type Insertion,
  type PlainMap,
  type PlainValue,
  type YamlLayout,
} from './yaml-splice.ts';

type Pending =
  | { kind: 'pairs'; map: YAMLMap; pairs: PlainMap }
  | { kind: 'items'; seq: YAMLSeq; items: PlainValue[] }
  | { kind: 'fill'; pair: Pair<Node, Node>; value: PlainValue };

function isPlainMap(value: PlainValue): value is PlainMap {
  return typeof value === 'object' && !Array.isArray(value) && !(value instanceof Commented);
}

/** Merges `addition` into `base`: lists are joined, mappings merged key by key. */
function merge(base: PlainValue, addition: PlainValue): PlainValue {
  if (base instanceof Commented) return new Commented(base.comment, merge(base.value, addition));
  if (addition instanceof Commented)
    return new Commented(addition.comment, merge(base, addition.value));
  if (Array.isArray(base) && Array.isArray(addition)) return [...base, ...addition];
  if (isPlainMap(base) && isPlainMap(addition)) {
    const merged: PlainMap = { ...base };
    for (const [key, value] of Object.entries(addition)) {
      merged[key] = key in merged ? merge(merged[key]!, value) : value;
    }
    return merged;
  }
  return addition;
}

function findPair(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as
    Pair<Node, Node> | undefined;
}

function nest(path: string[], leaf: PlainValue): PlainValue {
  return path.reduceRight<PlainValue>((value, key) => ({ [key]: value }), leaf);
}

/** The additions to one manifest, applied together. */
export class ManifestEdits {
  private readonly pending: Pending[] = [];

  constructor(
    private readonly source: string,
    private readonly root: YAMLMap,
    private readonly layout: YamlLayout,
  ) {}

  /** Appends `items` to the list at `path` (created, with its parents, when missing). */
  appendToList(path: string[], items: PlainValue[]): void {
    if (items.length > 0) this.add(path, items, 'list');
  }

  /** Adds `pairs` to the mapping at `path` (created, with its parents, when missing). */
  addToMap(path: string[], pairs: PlainMap): void {
    if (Object.keys(pairs).length > 0) this.add(path, pairs, 'map');
  }

  /** Appends `items` to a list node found by the caller (such as one trigger's events). */
  appendToNode(seq: YAMLSeq, items: PlainValue[]): void {
    if (items.length > 0) this.queueItems(seq, items);
  }

  /** Whether anything is to be added. */
  get isEmpty(): boolean {
    return this.pending.length === 0;
  }

  private add(path: string[], leaf: PlainValue[] | PlainMap, kind: 'list' | 'map'): void {
    let map = this.root;
    if (path.length === 0 && kind === 'map') return this.queuePairs(map, leaf as PlainMap);
    for (let index = 0; index < path.length; index += 1) {
      const key = path[index]!;
      const pair = findPair(map, key);
      const rest = nest(path.slice(index + 1), leaf);
      if (!pair) return this.queuePairs(map, { [key]: rest });
      const value = pair.value;
      if (isEmptyValue(value)) return this.queueFill(pair, rest);
      const last = index === path.length - 1;
      if (last && kind === 'list') {
        if (!isSeq(value)) throw this.notA(path, value, 'list');
        return this.queueItems(value, leaf as PlainValue[]);
      }
      if (!isMap(value)) throw this.notA(path.slice(0, index + 1), value, 'mapping');
      if (last) return this.queuePairs(value, leaf as PlainMap);
      map = value;
    }
  }

  private notA(path: string[], node: Node | null, what: string): SpliceError {
    return new SpliceError(
      `${path.join('.')} must be a ${what} for init to add to it`,
      node?.range?.[0] ?? 0,
    );
  }

  private queuePairs(map: YAMLMap, pairs: PlainMap): void {
    const existing = this.pending.find(
      (entry): entry is Extract<Pending, { kind: 'pairs' }> =>
        entry.kind === 'pairs' && entry.map === map,
    );
    if (existing) existing.pairs = merge(existing.pairs, pairs) as PlainMap;
    else this.pending.push({ kind: 'pairs', map, pairs });
  }

  private queueItems(seq: YAMLSeq, items: PlainValue[]): void {
    const existing = this.pending.find(
      (entry): entry is Extract<Pending, { kind: 'items' }> =>
        entry.kind === 'items' && entry.seq === seq,
    );
    if (existing) existing.items.push(...items);
    else this.pending.push({ kind: 'items', seq, items: [...items] });
  }

  private queueFill(pair: Pair<Node, Node>, value: PlainValue): void {
    const existing = this.pending.find(
      (entry): entry is Extract<Pending, { kind: 'fill' }> =>
        entry.kind === 'fill' && entry.pair === pair,
    );
    if (existing) existing.value = merge(existing.value, value);
    else this.pending.push({ kind: 'fill', pair, value });
  }

  /** The manifest text with every addition inserted; the original text is left as it was. */
  apply(): string {
    const insertions: Insertion[] = this.pending.map((entry) => {
      switch (entry.kind) {
        case 'pairs':
          return appendPairs(this.source, entry.map, entry.pairs, this.layout);
        case 'items':
          return appendItems(this.source, entry.seq, entry.items, this.layout);
        case 'fill':
          return fillEmptyValue(
            this.source,
            entry.pair.key,
            entry.pair.value!,
            entry.value,
            this.layout,
          );
      }
    });
    return applyInsertions(this.source, insertions);
  }
}
