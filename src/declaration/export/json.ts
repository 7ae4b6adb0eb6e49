import type { Declaration } from '../schema/index.ts';
import { JSON_KEY_ORDER } from './json-key-order.ts';

function isTranslations(value: object): value is Record<string, string> {
  return (
    'en' in value &&
    Object.entries(value).every(
      ([key, text]) => typeof text === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(key),
    )
  );
}

/**
 * Orders keys: objects follow the schema's key order for their path; translations put en first.
 * A key the table does not know is kept after the known ones, so nothing is ever dropped.
 */
function ordered(value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, `${path}[]`));
  if (value === null || typeof value !== 'object') return value;
  if (isTranslations(value)) {
    const keys = Object.keys(value).sort((a, b) =>
      a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b),
    );
    return Object.fromEntries(keys.map((key) => [key, value[key]]));
  }
  const record = value as Record<string, unknown>;
  const known = JSON_KEY_ORDER[path] ?? [];
  const keys = [
    ...known.filter((key) => key in record),
    ...Object.keys(record).filter((key) => !known.includes(key)),
  ];
  return Object.fromEntries(
    keys
      .filter((key) => record[key] !== undefined)
      .map((key) => [key, ordered(record[key], path ? `${path}.${key}` : key)]),
  );
}

/**
 * The declaration as JSON: keys in the schema's order (translations with en first), 2-space
 * indent and a trailing newline, so the same declaration always gives the same bytes and diffs
 * stay small. Takes a parsed declaration (text already trimmed by `parseDeclaration`) and does
 * not validate again: it runs in the Custom UI, which must not load zod.
 */
export function toJson(declaration: Declaration): string {
  return `${JSON.stringify(ordered(declaration, ''), null, 2)}\n`;
}
