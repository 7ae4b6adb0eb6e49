/**
 * What `@forge/bridge` gets for `lodash/get` in this page's build (see
 * `static/disclosure/vite.config.ts`). Its one caller, `@forge/i18n`'s translation lookup, reads
 * a key split at its dots: `get(catalogue, ['downloads', 'title'], null)`. lodash's `get` would
 * bring its string path parser, memoize cache and map classes (2 KB gzipped) for that. This is
 * lodash's algorithm for a path that is already a list: follow each key while the value is not
 * null or undefined; the default when the walk stops early or ends on undefined. A path given
 * as a string is not what the bridge passes, so it throws rather than read it another way.
 */
export default function get(object: unknown, path: readonly PropertyKey[], defaultValue?: unknown) {
  if (!Array.isArray(path)) {
    throw new TypeError('This build of lodash/get reads a path given as a list of keys only.');
  }
  // lodash's toKey: strings and symbols as they are, other keys as strings (-0 as "-0").
  const key = (part: unknown): PropertyKey =>
    typeof part === 'string' || typeof part === 'symbol'
      ? part
      : Object.is(part, -0)
        ? '-0'
        : String(part);
  let value: unknown = object;
  let index = 0;
  while (value !== null && value !== undefined && index < path.length) {
    value = (value as Record<PropertyKey, unknown>)[key(path[index++])];
  }
  const result = index > 0 && index === path.length ? value : undefined;
  return result === undefined ? defaultValue : result;
}
