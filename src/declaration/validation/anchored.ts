import type { DeclarationIssue } from '../references.ts';

/**
 * A declaration issue plus where in the file it belongs: at the value the path names (or, when
 * that value is missing, at the key of the nearest mapping that holds it), or at the key itself
 * (an unknown field, a bad translation key).
 */
export interface AnchoredIssue extends DeclarationIssue {
  anchor: 'value' | 'key';
}

/** The value at `path` inside a parsed document; undefined when any step is missing. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Whether `value` is a YAML mapping / JSON object (not a list, not null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
