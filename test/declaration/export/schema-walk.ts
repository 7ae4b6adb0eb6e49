import english from '../../../locales/en-US.json' with { type: 'json' };
import {
  COUNTRY_CODES,
  Declaration,
  ENGLISH,
  countryName,
  describeDuration,
  formatDate,
  localize,
  policyVersionText,
  type Declaration as DeclarationType,
} from '@declaration';

/** A zod 4 schema's definition, as far as the walk needs it. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  entries?: Record<string, string>;
}

const DURATION_KEYS = new Set(['period', 'duration', 'responseTime']);
const DATE_KEYS = new Set(['effectiveDate', 'lastUpdated']);
const countries = new Set(COUNTRY_CODES);

/** One value of the declaration and the ways a reader may see it in an export. */
export interface ExpectedValue {
  path: string;
  /** Any one of these must appear. */
  anyOf: string[];
}

/** The English labels an enum value may have (the catalogue's `value.<enum>.<value>`). */
function enumLabels(value: string): string[] {
  return Object.values(english.value).flatMap((table) =>
    typeof table === 'object' && value in table ? [(table as Record<string, string>)[value]!] : [],
  );
}

function referenced(declaration: DeclarationType, path: string[], id: string): string[] {
  const [list, field] = path;
  const pool =
    list === 'cookies'
      ? declaration.recipients
      : field === 'purposes'
        ? declaration.purposes
        : field === 'storedIn'
          ? declaration.locations
          : field === 'recipients'
            ? declaration.recipients
            : [];
  const item = pool.find((entry: { id: string }) => entry.id === id) as
    { name?: Parameters<typeof localize>[0] } | undefined;
  return item?.name ? [localize(item.name, ENGLISH.locale)] : [];
}

function isReference(path: string[]): boolean {
  const key = path.filter((part) => part !== '[]');
  return (
    (key[0] === 'dataCategories' &&
      ['purposes', 'storedIn', 'recipients'].includes(key[1] ?? '')) ||
    (key[0] === 'cookies' && key[1] === 'recipient')
  );
}

/**
 * Walks the declaration schema field by field alongside a declaration. Returns the schema paths
 * the declaration leaves empty (so a "fully populated" fixture stays so when the schema grows),
 * and every value with the text a reader should find for it in an export.
 */
export function walkDeclaration(declaration: DeclarationType): {
  missing: string[];
  values: ExpectedValue[];
} {
  const seen = new Set<string>();
  const all = new Set<string>();
  const values: ExpectedValue[] = [];

  function visit(def: Def, value: unknown, path: string[]): void {
    const where = path.join('.');
    all.add(where);
    if (value === undefined) return;
    seen.add(where);
    if (def.type === 'optional' && def.innerType) return visit(def.innerType._zod.def, value, path);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) {
        visit(child._zod.def, (value as Record<string, unknown>)[key], [...path, key]);
      }
      return;
    }
    if (def.type === 'array' && def.element) {
      const items = value as unknown[];
      if (items.length === 0) seen.delete(where);
      for (const item of items) visit(def.element._zod.def, item, [...path, '[]']);
      return;
    }
    const key = path.filter((part) => part !== '[]').at(-1) ?? '';
    if (typeof value === 'boolean' || key === 'id' || key === 'schemaVersion') return;
    let anyOf: string[];
    if (isReference(path))
      anyOf = referenced(
        declaration,
        path.filter((p) => p !== '[]'),
        String(value),
      );
    else if (def.type === 'union' || typeof value === 'object')
      anyOf = [localize(value as string, ENGLISH.locale)];
    else if (def.type === 'enum' && countries.has(String(value)))
      anyOf = [countryName(String(value), ENGLISH.locale)];
    else if (def.type === 'enum') anyOf = enumLabels(String(value));
    else if (DURATION_KEYS.has(key)) anyOf = [describeDuration(String(value), ENGLISH)];
    else if (DATE_KEYS.has(key)) anyOf = [formatDate(String(value), ENGLISH)];
    else if (where === 'policy.version') anyOf = [policyVersionText(String(value), ENGLISH)];
    else anyOf = [String(value)];
    values.push({ path: where, anyOf });
  }

  visit((Declaration as unknown as { _zod: { def: Def } })._zod.def, declaration, []);
  return { missing: [...all].filter((path) => !seen.has(path)).sort(), values };
}
