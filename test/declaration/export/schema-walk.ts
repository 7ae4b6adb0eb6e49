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
  options?: { _zod: { def: Def }; safeParse(value: unknown): { success: boolean } }[];
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

/** The fields that refer to another part of the declaration by id, and the list they refer into. */
const REFERENCES: Record<string, 'locations' | 'recipients' | 'purposes' | 'dataCategories'> = {
  purposes: 'purposes',
  storedIn: 'locations',
  location: 'locations',
  locations: 'locations',
  unpinned: 'locations',
  recipient: 'recipients',
  recipients: 'recipients',
  storedOnlyBy: 'recipients',
  categories: 'dataCategories',
};

/** The field a reference value sits in (`storedIn` for `dataCategories.[].storedIn.[]`). */
function referenceField(path: string[]): string | undefined {
  const key = path.filter((part) => part !== '[]');
  const field = key.at(-1);
  return key.length > 1 && field && Object.hasOwn(REFERENCES, field) ? field : undefined;
}

/** What a reader sees for a reference: the name of what it refers to. */
function referenced(declaration: DeclarationType, path: string[], id: string): string[] {
  const field = referenceField(path);
  const pool: { id: string; name?: Parameters<typeof localize>[0] }[] = field
    ? declaration[REFERENCES[field]!]
    : [];
  const item = pool.find((entry) => entry.id === id);
  return item?.name ? [localize(item.name, ENGLISH.locale)] : [];
}

/** Whether a union's option is a record: the translations of a Text. */
function isRecord(option: { _zod: { def: Def } }): boolean {
  return option._zod.def.type === 'record';
}

function isReference(path: string[]): boolean {
  return referenceField(path) !== undefined;
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
    if (def.type === 'union' && !Object.values(def.options ?? {}).some(isRecord)) {
      // A list or a word in its place (`regimes: not-stated`, `categories: all`): the form it has.
      const option = def.options?.find((candidate) => candidate.safeParse(value).success);
      if (option && option._zod.def.type !== 'literal') return visit(option._zod.def, value, path);
      if (option) return;
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
    // A label may also run inside a sentence, in lower case ("at most 180 days").
    else if (def.type === 'enum')
      anyOf = enumLabels(String(value)).flatMap((label) => [label, label.toLowerCase()]);
    else if (DURATION_KEYS.has(key)) anyOf = [describeDuration(String(value), ENGLISH)];
    else if (DATE_KEYS.has(key)) anyOf = [formatDate(String(value), ENGLISH)];
    else if (where === 'policy.version') anyOf = [policyVersionText(String(value), ENGLISH)];
    else anyOf = [String(value)];
    values.push({ path: where, anyOf });
  }

  visit((Declaration as unknown as { _zod: { def: Def } })._zod.def, declaration, []);
  return { missing: [...all].filter((path) => !seen.has(path)).sort(), values };
}
