import { Declaration, type Declaration as DeclarationType } from '@declaration';

/** A zod 4 schema as far as the walk needs it: its definition, and a way to check a value. */
interface Schema {
  _zod: { def: Def };
  safeParse(value: unknown): { success: boolean };
}

interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  entries?: Record<string, string>;
  options?: Schema[];
}

/** One value of a declaration that a vendor sets: where it is, and what it may become. */
export interface Leaf {
  path: (string | number)[];
  /** `marker`: free text or an address, set to a marker to look for; `change`: anything else. */
  kind: 'marker' | 'change';
  /** Other values the field's schema accepts, to try in turn. */
  candidates: unknown[];
  /** For a `marker` leaf, the marker its value holds. */
  marker?: string;
}

/** A candidate that takes the value out: an optional field left out, an item dropped. */
export const REMOVE = Symbol('remove');

/** The declaration's value at `path`. */
export function valueAt(target: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], target);
}

/** A copy of `target` with `value` at `path` (or without it, for `REMOVE`). */
export function withValue<T>(target: T, path: (string | number)[], value: unknown): T {
  const copy = structuredClone(target);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value !== REMOVE) node[last] = value;
  else if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
  return copy;
}

/** The field names that refer to a location, a recipient, a purpose or a category by id. */
const REFERENCES: Record<string, 'locations' | 'recipients' | 'purposes' | 'dataCategories'> = {
  storedIn: 'locations',
  location: 'locations',
  locations: 'locations',
  unpinned: 'locations',
  recipient: 'recipients',
  recipients: 'recipients',
  storedOnlyBy: 'recipients',
  purposes: 'purposes',
  categories: 'dataCategories',
};

/** The list a field refers into by id, named by the field (`storedIn`, `storedOnlyBy`, ...). */
function referencePool(declaration: DeclarationType, path: (string | number)[]): string[] | null {
  const keys = path.filter((part) => typeof part === 'string');
  const field = keys[keys.length - 1];
  // `locations` is also the list itself, and `dataCategories[].categories` is no field.
  if (keys.length < 2 || !field || !Object.hasOwn(REFERENCES, field)) return null;
  return declaration[REFERENCES[field]!].map((item) => item.id);
}

/** Whether a union is the format's Text: a string or translations keyed by locale. */
function isText(def: Def): boolean {
  const types = (def.options ?? []).map((option) => option._zod.def.type);
  return types.length === 2 && types.includes('string') && types.includes('record');
}

/**
 * Values to try in place of a leaf: for free text and addresses a unique marker (`zqx<n>q`, which
 * no escaping changes); for anything else every other value its schema accepts (another enum
 * value, the other boolean, another date or period, another id to refer to).
 */
function leafOf(
  schema: Schema,
  value: unknown,
  path: (string | number)[],
  declaration: DeclarationType,
  marker: string,
): Leaf | null {
  const def = schema._zod.def;
  const accepts = (candidate: unknown) => schema.safeParse(candidate).success;
  const pool = referencePool(declaration, path);
  if (def.type === 'union' && !isText(def)) {
    // A word in place of a list (`categories: all`): the list of one, or the field left out.
    return { path, kind: 'change', candidates: [...(pool ? [pool.slice(0, 1)] : []), REMOVE] };
  }
  // Another item to refer to, or else none: either changes what the reader is told.
  if (pool)
    return { path, kind: 'change', candidates: [...pool.filter((id) => id !== value), REMOVE] };
  if (def.type === 'union' && isText(def)) {
    // Translations keep their other languages; the English reader reads `en`.
    const text = typeof value === 'object' ? { ...(value as object), en: marker } : marker;
    return { path, kind: 'marker', candidates: [text], marker };
  }
  if (def.type === 'boolean') return { path, kind: 'change', candidates: [!value] };
  if (def.type === 'number') return { path, kind: 'change', candidates: [Number(value) + 1] };
  if (def.type === 'enum') {
    const options = Object.values(def.entries ?? {}).filter((option) => option !== value);
    return { path, kind: 'change', candidates: options };
  }
  if (def.type !== 'string') return null;
  // Ids are what references are made of; changing one only breaks them.
  if (accepts('some-id') && !accepts('Free <text>') && !accepts('a.example.com')) return null;
  const markers = [
    marker,
    `https://example.com/${marker}`,
    `mailto:${marker}@example.com`,
    `${marker}@example.com`,
    `https://marketplace.atlassian.com/apps/1234/${marker}`,
  ].filter(accepts);
  if (markers.length > 0) return { path, kind: 'marker', candidates: markers.slice(0, 1), marker };
  const others = [
    '2001-02-03',
    'P7D',
    'P2Y3M',
    'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000',
  ].filter((other) => other !== value && accepts(other));
  return { path, kind: 'change', candidates: others };
}

/**
 * Every leaf of a declaration that a vendor sets, found by walking the declaration's zod schema
 * alongside it, so that a field added to the schema is covered without touching the test.
 */
export function leavesOf(declaration: DeclarationType): Leaf[] {
  const leaves: Leaf[] = [];
  function visit(schema: Schema, value: unknown, path: (string | number)[]): void {
    if (value === undefined) return;
    const def = schema._zod.def;
    if (def.type === 'optional' && def.innerType) return visit(def.innerType, value, path);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) {
        visit(child, (value as Record<string, unknown>)[key], [...path, key]);
      }
      return;
    }
    if (def.type === 'union' && !isText(def)) {
      // A list or a word (`regimes: not-stated`, `categories: all`): walk the form the value has.
      const option = def.options?.find((candidate) => candidate.safeParse(value).success);
      if (option && option._zod.def.type !== 'literal') return visit(option, value, path);
    }
    if (def.type === 'array' && def.element) {
      (value as unknown[]).forEach((item, index) => visit(def.element!, item, [...path, index]));
      return;
    }
    const leaf = leafOf(schema, value, path, declaration, `zqx${leaves.length}q`);
    if (leaf) leaves.push(leaf);
  }
  visit(Declaration as unknown as Schema, declaration, []);
  return leaves;
}
