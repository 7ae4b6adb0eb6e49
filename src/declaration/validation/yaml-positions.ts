import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
  visit,
} from 'yaml';
import type { AnchoredIssue } from './anchored.ts';

/** 1-based line and column in the file. */
export interface Position {
  line: number;
  column: number;
}

type Found = { node: Node | null; key: Node | null };

function startOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** `key:` with nothing after it: the parser puts an empty value after the colon; the key reads better. */
function isBlank(node: Node | null): boolean {
  return (
    node === null || (isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1])
  );
}

function resolve(document: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

/** With `merge: true` yaml parses a `<<` key as a scalar whose value is a symbol, not text. */
function isMergeKey(pair: Pair): boolean {
  if (!isScalar(pair.key)) return false;
  const value: unknown = pair.key.value;
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

/**
 * The pair that gives `key` its value in `map`: its own (the last of duplicates, as the document
 * keeps it), or else the one a merge key (`<<: *anchor` or `<<: [*a, *b]`, earlier ones first)
 * brings in from an anchored mapping, so an error in merged fields points where they are written.
 */
function pairFor(document: Document, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const own = map.items.findLast(
    (item) => !isMergeKey(item) && isScalar(item.key) && String(item.key.value) === key,
  );
  if (own || depth > 20) return own;
  for (const merge of map.items.filter(isMergeKey)) {
    const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
    for (const source of sources) {
      const target = resolve(document, source);
      const found = isMap(target) ? pairFor(document, target, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Each step of `path` that exists in the document: the value node and the key that holds it. */
function walk(document: Document, path: readonly (string | number)[]): Found[] {
  const steps: Found[] = [{ node: (document.contents as Node | null) ?? null, key: null }];
  let current: unknown = document.contents;
  for (const segment of path) {
    current = resolve(document, current);
    if (isMap(current) && typeof segment === 'string') {
      const pair = pairFor(document, current, segment);
      if (!pair) break;
      steps.push({ node: (pair.value as Node | null) ?? null, key: pair.key as Node });
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment] as Node | undefined;
      if (!item) break;
      steps.push({ node: item, key: null });
      current = item;
    } else {
      break;
    }
  }
  return steps;
}

/**
 * Where an issue belongs in the file. A value that exists: its first character. A key (unknown
 * field): the key. A value that is missing: the key of the nearest mapping that should hold it,
 * so "is required" points at `retention:` rather than at the top of the file.
 */
export function positionOf(
  document: Document,
  lineCounter: LineCounter,
  issue: Pick<AnchoredIssue, 'path' | 'anchor'>,
): Position {
  const steps = walk(document, issue.path);
  const complete = steps.length === issue.path.length + 1;
  const last = steps.at(-1);
  let offset: number | undefined;
  if (complete && last) {
    offset =
      issue.anchor === 'key' || isBlank(last.node)
        ? (startOf(last.key) ?? startOf(last.node))
        : (startOf(last.node) ?? startOf(last.key));
  } else if (last) {
    offset = startOf(last.key) ?? startOf(last.node);
  }
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** What to say about a merge key whose value is not an anchored mapping. */
export const MERGE_MESSAGE =
  'a merge key (<<) must name an anchored mapping, such as <<: *service-desk where an earlier entry starts with &service-desk; or write the fields out';

/**
 * The first merge key (`<<`) whose value is not a mapping or an alias of one (nor a list of
 * those): yaml refuses the whole document for it, and this says where.
 */
export function badMergeKey(document: Document, lineCounter: LineCounter): Position | undefined {
  let found: number | undefined;
  visit(document, {
    Pair(_key, pair) {
      if (!isMergeKey(pair)) return undefined;
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      const bad = sources.some((source) => {
        const target = isAlias(source) ? source.resolve(document) : source;
        return !isMap(target);
      });
      if (!bad) return undefined;
      found = startOf(pair.key as Node);
      return visit.BREAK;
    },
  });
  if (found === undefined) return undefined;
  const { line, col } = lineCounter.linePos(found);
  return { line, column: col };
}
