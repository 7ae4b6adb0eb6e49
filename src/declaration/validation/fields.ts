/** A path into a parsed document. */
export type Path = (string | number)[];

/** `value[key]` when `value` is a mapping; undefined otherwise. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** `value` when it is a list, else an empty one: checks over half-written documents skip the rest. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The texts in `value` when it is a list (other entries skipped); empty otherwise. */
export function texts(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === 'string');
}
