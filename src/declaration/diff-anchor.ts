import type { DiffRef } from './api.ts';

/**
 * The id of a diff entry's element on the page (`diff-locations-aws_2d_eu`), so that a material
 * change links to its detail. Keys are the vendor's ids or stable keys that may hold any
 * character; every one outside `[A-Za-z0-9-]` is written as `_<hex code point>_`, so two keys
 * never share an id and the id is valid in a URL fragment and in CSS.
 */
export function diffAnchor(ref: DiffRef): string {
  const key = [...ref.key]
    .map((char) => (/^[A-Za-z0-9-]$/.test(char) ? char : `_${char.codePointAt(0)!.toString(16)}_`))
    .join('');
  return `diff-${ref.section}-${key}`;
}
