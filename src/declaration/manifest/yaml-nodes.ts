/**
 * A small reader over a parsed YAML document that keeps where each value is written, so every
 * manifest fact carries its line. Aliases are followed; anything of an unexpected shape reads
 * as absent (Forge's own manifest validation reports shapes; this only gathers facts).
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ManifestPlace } from './types.ts';

/** A value in the manifest with its place: the node and the path that reached it. */
export interface Located {
  node: Node;
  /** Where the entry starts: its key (`address:`), or the list item (`- ...`). */
  place: ManifestPlace;
}

/** Reads located values out of one document. */
export class ManifestNodes {
  constructor(
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  private resolve(node: unknown): Node | undefined {
    const resolved = isAlias(node) ? node.resolve(this.document) : node;
    return resolved && typeof resolved === 'object' ? (resolved as Node) : undefined;
  }

  private placeAt(offset: number | undefined, path: (string | number)[]): ManifestPlace {
    const { line, col } = this.lineCounter.linePos(offset ?? 0);
    return { line, column: col, path };
  }

  /** The document's root, when it is a mapping. */
  root(): Located | undefined {
    const node = this.resolve(this.document.contents);
    return isMap(node) ? { node, place: this.placeAt(node.range?.[0], []) } : undefined;
  }

  /** The value under `key` of a mapping, placed at its key. */
  get(parent: Located | undefined, key: string): Located | undefined {
    if (!parent || !isMap(parent.node)) return undefined;
    const pair = parent.node.items.findLast(
      (item) => isScalar(item.key) && String(item.key.value) === key,
    );
    const node = this.resolve(pair?.value);
    if (!pair || !node) return undefined;
    return {
      node,
      place: this.placeAt((pair.key as Node).range?.[0], [...parent.place.path, key]),
    };
  }

  /** The value at a path of keys, or undefined when any step is missing. */
  at(parent: Located | undefined, ...keys: string[]): Located | undefined {
    return keys.reduce<Located | undefined>((current, key) => this.get(current, key), parent);
  }

  /** The items of a list, each placed at its `- `; an absent or non-list value has none. */
  items(list: Located | undefined): Located[] {
    if (!list || !isSeq(list.node)) return [];
    return list.node.items.flatMap((item, index) => {
      const node = this.resolve(item);
      return node
        ? [{ node, place: this.placeAt(node.range?.[0], [...list.place.path, index]) }]
        : [];
    });
  }

  /** The entries of a mapping, each placed at its key. */
  entries(map: Located | undefined): [string, Located][] {
    if (!map || !isMap(map.node)) return [];
    return map.node.items.flatMap((pair) => {
      const node = this.resolve(pair.value);
      if (!isScalar(pair.key) || !node) return [];
      const key = String(pair.key.value);
      return [
        [
          key,
          { node, place: this.placeAt((pair.key as Node).range?.[0], [...map.place.path, key]) },
        ] as [string, Located],
      ];
    });
  }

  /** A scalar's text (numbers and booleans as written), or undefined for anything else. */
  text(value: Located | undefined): string | undefined {
    if (!value || !isScalar(value.node) || value.node.value === null) return undefined;
    return String(value.node.value);
  }

  /** A boolean scalar, or undefined for anything else. */
  flag(value: Located | undefined): boolean | undefined {
    return value && isScalar(value.node) && typeof value.node.value === 'boolean'
      ? value.node.value
      : undefined;
  }

  /** Whether the value is a mapping. */
  isMapping(value: Located | undefined): boolean {
    return !!value && isMap(value.node);
  }
}
