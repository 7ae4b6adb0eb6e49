/**
 * The catalogue's shape, Forge's translation format: a JSON object whose leaves are strings,
 * nested objects looked up by dot path (`section.rights`), and plurals as objects whose keys are
 * CLDR plural categories (`{ "one": "{count} subprocessor", "other": "{count} subprocessors" }`).
 */
import type english from '../../../locales/en-US.json';

/** The source catalogue's type, read from `locales/en-US.json`: keys are typed from the file. */
export type Catalogue = typeof english;

/** The CLDR plural categories, the only keys a plural object may have. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** One CLDR plural category. */
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A plural: an object of plural categories with `other` always present. */
type IsPlural<T> = T extends { other: string }
  ? Exclude<keyof T, PluralCategory> extends never
    ? true
    : false
  : false;

type StringLeaves<T> = {
  [K in keyof T & string]: T[K] extends string
    ? K
    : IsPlural<T[K]> extends true
      ? never
      : `${K}.${StringLeaves<T[K]>}`;
}[keyof T & string];

type PluralObjects<T> = {
  [K in keyof T & string]: T[K] extends string
    ? never
    : IsPlural<T[K]> extends true
      ? K
      : `${K}.${PluralObjects<T[K]>}`;
}[keyof T & string];

/** The dot path of every plain string of the English catalogue, e.g. `manifest.pageTitle`. */
export type MessageKey = StringLeaves<Catalogue>;

/** The dot path of every plural of the English catalogue, e.g. `summary.subprocessorCount`. */
export type PluralKey = PluralObjects<Catalogue>;

/** A checked catalogue: nested objects with string leaves. */
export interface CatalogueTree {
  readonly [key: string]: string | CatalogueTree;
}

const CATEGORY_SET = new Set<string>(PLURAL_CATEGORIES);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * True for an object that is a plural: every key a CLDR category, and `other` among them. The
 * same rule types `PluralKey`, so the runtime and the types agree on what a plural is.
 */
export function isPluralObject(value: unknown): value is Partial<Record<PluralCategory, string>> {
  if (!isObject(value) || typeof value.other !== 'string') return false;
  return Object.keys(value).every((key) => CATEGORY_SET.has(key));
}

/**
 * Checks that `value` has the catalogue's shape and returns it typed; throws an Error that names
 * the catalogue and the dot path of the first wrong entry, e.g.
 * `Catalogue de-DE: "summary.subprocessorCount.one" must be a string, not a number.`
 */
export function checkCatalogue(value: unknown, name: string): CatalogueTree {
  if (!isObject(value)) {
    throw new Error(`Catalogue ${name}: must be a JSON object of strings, not ${describe(value)}.`);
  }
  const visit = (node: Record<string, unknown>, path: string[]): void => {
    for (const [key, child] of Object.entries(node)) {
      const at = [...path, key].join('.');
      if (key === '' || key.includes('.')) {
        throw new Error(
          `Catalogue ${name}: "${at}" is not a usable key (keys are looked up by dot path, so a key may be neither empty nor contain a dot).`,
        );
      }
      if (typeof child === 'string') continue;
      if (!isObject(child)) {
        throw new Error(
          `Catalogue ${name}: "${at}" must be a string or an object of strings, not ${describe(child)}.`,
        );
      }
      const keys = Object.keys(child);
      if (keys.length === 0) {
        throw new Error(`Catalogue ${name}: "${at}" is an empty object.`);
      }
      // An object of plural categories without `other` is a plural that lost its fallback form.
      if (keys.every((k) => CATEGORY_SET.has(k)) && typeof child.other !== 'string') {
        throw new Error(
          `Catalogue ${name}: the plural "${at}" has no "other" form (every plural needs one).`,
        );
      }
      visit(child, [...path, key]);
    }
  };
  visit(value, []);
  return value as CatalogueTree;
}

/** The entry at a dot path (`section.rights`), as `@forge/i18n` looks it up; undefined if none. */
export function lookup(catalogue: CatalogueTree, key: string): string | CatalogueTree | undefined {
  let node: string | CatalogueTree | undefined = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
}
