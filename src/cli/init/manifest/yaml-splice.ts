/**
 * Adds entries to a YAML file by inserting text next to the nodes it extends, found with the
 * `yaml` package's Document API. Nothing already written is re-serialised: `Document.toString()`
 * re-flows folded scalars, respaces flow collections and comments, and re-indents sequences, so
 * a vendor's manifest would come back changed in lines init never meant to touch. Inserting text
 * keeps every original byte, comment and blank line where it was. Pure.
 */
import {
  isMap,
  isScalar,
  isSeq,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { blockEnd } from './block-end.ts';

/** A value with a comment line written above it (as a list item or as a mapping key). */
export class Commented {
  constructor(
    readonly comment: string,
    readonly value: PlainValue,
  ) {}
}

/** A value init writes: scalars, lists and mappings (keys in insertion order), maybe commented. */
export type PlainValue =
  string | number | boolean | Commented | PlainValue[] | { [key: string]: PlainValue };

/** A mapping init writes. */
export type PlainMap = { [key: string]: PlainValue };

/** Writes `value` with `comment` on the line above it. */
export function commented(comment: string, value: PlainValue): Commented {
  return new Commented(comment, value);
}

/** One text insertion at an offset of the original source. */
export interface Insertion {
  at: number;
  text: string;
}

/** How the file is laid out, so that inserted text looks like the vendor's own. */
export interface YamlLayout {
  /** Spaces per nesting level of mappings. */
  indent: number;
  /** Columns from a mapping key to the `-` of its block sequence (0 or the indent). */
  sequenceIndent: number;
  /** The file's line ending. */
  eol: '\n' | '\r\n';
}

/** Thrown when a node cannot be extended by insertion; `offset` says where it is. */
export class SpliceError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** Reads the layout of an existing file: its indent, sequence style and line ending. */
export function detectLayout(source: string, root: YAMLMap): YamlLayout {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  let indent: number | undefined;
  let sequenceIndent: number | undefined;
  const walk = (map: YAMLMap, depth: number) => {
    for (const pair of map.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!key?.range || !value?.range) continue;
      const keyColumn = columnOf(source, key.range[0]);
      if (isMap(value) && !value.flow && value.items[0]) {
        const first = value.items[0].key as Node | null;
        if (indent === undefined && first?.range) {
          const step = columnOf(source, first.range[0]) - keyColumn;
          if (step > 0) indent = step;
        }
        if (depth < 3) walk(value, depth + 1);
      } else if (isSeq(value) && !value.flow && value.items.length > 0) {
        sequenceIndent ??= Math.max(0, columnOf(source, value.range[0]) - keyColumn);
      }
    }
  };
  walk(root, 0);
  indent ??= 2;
  return { indent, sequenceIndent: sequenceIndent ?? indent, eol };
}

/** A scalar as YAML writes it: plain when that reads back the same, quoted otherwise. */
function scalarText(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function uncommented(value: PlainValue): Exclude<PlainValue, Commented> {
  return value instanceof Commented ? uncommented(value.value) : value;
}

function flowText(value: PlainValue): string {
  const plain = uncommented(value);
  if (Array.isArray(plain)) return `[${plain.map(flowText).join(', ')}]`;
  if (typeof plain === 'object') {
    const pairs = Object.entries(plain).map(
      ([key, member]) => `${scalarText(key)}: ${flowText(member)}`,
    );
    return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
  }
  return scalarText(plain);
}

function isNonEmptyCollection(value: PlainValue): boolean {
  const plain = uncommented(value);
  return typeof plain === 'object' && Object.keys(plain).length > 0;
}

function commentLines(value: PlainValue, pad: string): string[] {
  return value instanceof Commented
    ? [`${pad}# ${value.comment}`, ...commentLines(value.value, pad)]
    : [];
}

/** Block lines for a mapping whose keys start at `column`. */
function mapLines(map: PlainMap, column: number, layout: YamlLayout): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    lines.push(...commentLines(value, pad));
    const plain = uncommented(value);
    if (!isNonEmptyCollection(plain)) {
      lines.push(`${pad}${scalarText(key)}: ${flowText(plain)}`);
    } else if (Array.isArray(plain)) {
      lines.push(
        `${pad}${scalarText(key)}:`,
        ...listLines(plain, column + layout.sequenceIndent, layout),
      );
    } else {
      lines.push(
        `${pad}${scalarText(key)}:`,
        ...mapLines(plain as PlainMap, column + layout.indent, layout),
      );
    }
  }
  return lines;
}

/** Block lines for list items whose `-` is at `column`. */
function listLines(items: PlainValue[], column: number, layout: YamlLayout): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const item of items) {
    lines.push(...commentLines(item, pad));
    const plain = uncommented(item);
    if (!isNonEmptyCollection(plain) || Array.isArray(plain)) {
      // A list inside a list would be `- - a`; nothing init writes needs it, so it stays flow.
      lines.push(`${pad}- ${flowText(plain)}`);
    } else {
      // The item's mapping starts on the dash line; its other keys align two columns in.
      const nested = mapLines(plain as PlainMap, column + 2, layout);
      nested[0] = `${pad}- ${nested[0]!.slice(column + 2)}`;
      lines.push(...nested);
    }
  }
  return lines;
}

/**
 * Where the last value inside a node ends. A block collection's own range runs on over the
 * comment lines after it (even those of the next key), so it is found through its last entry,
 * down to a scalar or a flow collection, whose range ends with its text.
 */
function contentEnd(node: Node): number {
  if ((isSeq(node) || isMap(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const child = (
      isSeq(node) ? last : ((last as Pair).value ?? (last as Pair).key)
    ) as Node | null;
    if (child?.range) return contentEnd(child);
  }
  return node.range![1];
}

/**
 * The insertion after a block collection whose entries start at `column`: after the line of its
 * last value (a comment on that line stays with it) and after the comment lines that are the
 * block's own (see block-end.ts), or at the end of a file that has no final line break. When the
 * last of those comments is the one the first added entry would carry (its entry was deleted and
 * is now added again), the entry goes under it instead of under a second copy.
 */
function afterBlock(
  source: string,
  node: Node,
  lines: string[],
  layout: YamlLayout,
  column: number,
): Insertion {
  const end = contentEnd(node);
  const lineEnd = source.indexOf('\n', end);
  const lineStart =
    end > 0 && source[end - 1] === '\n' ? end : lineEnd === -1 ? source.length : lineEnd + 1;
  const { at, lastComment } = blockEnd(source, lineStart, column);
  const first = lines[0]?.trim();
  const added = first?.startsWith('#') && first === lastComment ? lines.slice(1) : lines;
  const text = added.map((line) => line + layout.eol).join('');
  const lineBreak = at === source.length && !source.endsWith('\n') ? layout.eol : '';
  return { at, text: lineBreak + text };
}

/**
 * Inserts entries into a flow collection: after its last entry (keeping a trailing comma the
 * vendor wrote), or between the brackets when it is empty.
 */
function insertIntoFlow(
  source: string,
  node: YAMLMap | YAMLSeq,
  bracket: ']' | '}',
  entries: string[],
): Insertion {
  const [start, end] = node.range!;
  const close = source.lastIndexOf(bracket, end - 1);
  if (close <= start) throw new SpliceError('cannot find the end of this collection', start);
  const text = entries.join(', ');
  if (node.items.length === 0) return { at: close, text };
  let last = close - 1;
  while (last > start && /\s/.test(source[last]!)) last -= 1;
  return source[last] === ','
    ? { at: last + 1, text: ` ${text},` }
    : { at: last + 1, text: `, ${text}` };
}

/** Inserts `pairs` at the end of an existing mapping, block or flow. */
export function appendPairs(
  source: string,
  map: YAMLMap,
  pairs: PlainMap,
  layout: YamlLayout,
): Insertion {
  if (map.flow) {
    const entries = Object.entries(pairs).map(
      ([key, value]) => `${scalarText(key)}: ${flowText(value)}`,
    );
    return insertIntoFlow(source, map, '}', entries);
  }
  const firstKey = map.items[0]?.key as Node | undefined;
  if (!firstKey?.range) throw new SpliceError('cannot add to an empty mapping', map.range![0]);
  const column = columnOf(source, firstKey.range[0]);
  return afterBlock(source, map, mapLines(pairs, column, layout), layout, column);
}

/** Inserts `items` at the end of an existing list, block or flow. */
export function appendItems(
  source: string,
  seq: YAMLSeq,
  items: PlainValue[],
  layout: YamlLayout,
): Insertion {
  if (seq.flow) return insertIntoFlow(source, seq, ']', items.map(flowText));
  const column = columnOf(source, seq.range![0]);
  return afterBlock(source, seq, listLines(items, column, layout), layout, column);
}

/** Whether a node is what a key written with nothing after it (`scopes:`) parses to. */
export function isEmptyValue(node: unknown): node is Node {
  return isScalar(node) && node.value === null && (node.source ?? '') === '';
}

/**
 * Gives a key written with no value (`scopes:`) a block value on the following lines; the key's
 * own line, with any comment on it, stays as it is.
 */
export function fillEmptyValue(
  source: string,
  keyNode: Node,
  empty: Node,
  value: PlainValue,
  layout: YamlLayout,
): Insertion {
  const plain = uncommented(value);
  if (!isEmptyValue(empty) || !isNonEmptyCollection(plain)) {
    throw new SpliceError('expected a key with no value', empty.range?.[0] ?? keyNode.range![0]);
  }
  const keyColumn = columnOf(source, keyNode.range![0]);
  const lines = Array.isArray(plain)
    ? listLines(plain, keyColumn + layout.sequenceIndent, layout)
    : mapLines(plain as PlainMap, keyColumn + layout.indent, layout);
  const lineEnd = source.indexOf('\n', empty.range![0]);
  const text = lines.map((line) => layout.eol + line).join('');
  if (lineEnd === -1) return { at: source.length, text: text + layout.eol };
  return { at: source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd, text };
}

/**
 * Applies insertions to the source. Insertions at the same offset keep the order they were
 * given in, so several additions after one node read in that order.
 */
export function applyInsertions(source: string, insertions: Insertion[]): string {
  const ordered = insertions.map((insertion, index) => ({ ...insertion, index }));
  ordered.sort((a, b) => a.at - b.at || a.index - b.index);
  let result = '';
  let cursor = 0;
  for (const { at, text } of ordered) {
    result += source.slice(cursor, at) + text;
    cursor = at;
  }
  return result + source.slice(cursor);
}
