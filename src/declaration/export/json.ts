import { Declaration } from '../schema/index.ts';

function isTranslations(value: object): value is Record<string, string> {
  return (
    'en' in value &&
    Object.entries(value).every(
      ([key, text]) => typeof text === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(key),
    )
  );
}

/** Orders keys: objects follow the schema (re-parsing rebuilds them in its order); translations put en first. */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  if (isTranslations(value)) {
    const keys = Object.keys(value).sort((a, b) =>
      a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b),
    );
    return Object.fromEntries(keys.map((key) => [key, value[key]]));
  }
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key, ordered(item)]),
  );
}

/**
 * The normalised declaration as JSON: keys in the schema's order (translations with en first),
 * text trimmed, 2-space indent and a trailing newline, so the same declaration always gives the
 * same bytes and diffs stay small.
 */
export function toJson(declaration: Declaration): string {
  return `${JSON.stringify(ordered(Declaration.parse(declaration)), null, 2)}\n`;
}
