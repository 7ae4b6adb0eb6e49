import { describe, expect, it } from 'vitest';
import { Declaration, toJson, type Declaration as DeclarationType } from '@declaration';
import { JSON_KEY_ORDER } from '@declaration/export/json-key-order.ts';
import { loadExample } from '../../examples/load-example.ts';

/** A zod 4 schema definition, as far as collecting object key orders needs it. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  valueType?: { _zod: { def: Def } };
}

/** Every object's key order by path, read from the zod schema itself. */
function schemaKeyOrder(): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  function visit(def: Def, path: string): void {
    if (def.type === 'object' && def.shape) {
      table[path] = Object.keys(def.shape);
      for (const [key, child] of Object.entries(def.shape)) {
        visit(child._zod.def, path ? `${path}.${key}` : key);
      }
    } else if (def.type === 'array' && def.element) visit(def.element._zod.def, `${path}[]`);
    else if (def.innerType) visit(def.innerType._zod.def, path);
    else if (def.type === 'union') def.options?.forEach((option) => visit(option._zod.def, path));
    else if (def.type === 'record' && def.valueType) visit(def.valueType._zod.def, `${path}{}`);
  }
  visit((Declaration as unknown as { _zod: { def: Def } })._zod.def, '');
  return table;
}

/** The same value with every object's keys in reverse order, as a hand-edited file might be. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reversedKeys(item)]),
  );
}

const EXAMPLES = [
  'examples/exalate-cloud.yaml',
  'examples/oci-europe-web-service.yaml',
  'examples/open-source-consulting-apps.yaml',
  'examples/techtime-user-management.yaml',
  'examples/upsmith-zendesk-sell-for-jsm.yaml',
  'test/declaration/export/fixtures/exalate-complete.yaml',
];

describe('toJson key order without zod', () => {
  it('has a place for every key of every object the schema declares (format 2 included)', () => {
    const schema = schemaKeyOrder();
    const missing = Object.entries(schema).flatMap(([path, keys]) =>
      keys.filter((key) => !JSON_KEY_ORDER[path]?.includes(key)).map((key) => `${path}.${key}`),
    );
    expect(missing).toEqual([]);
    // Walking the zod shape finds the objects version 2 added, at every place they appear.
    expect(Object.keys(schema)).toEqual(
      expect.arrayContaining([
        'placement[].realms[]',
        'logs[].retention.backups.afterDeletion',
        'dataCategories[].platformDifferences[].retention.backups',
        'dataCategories[].handling',
        'locations[].database',
        'security.penetrationTests',
        'vendorAccess.grants[]',
      ]),
    );
  });

  it('orders keys as the schema does, and knows no object or key the schema does not', () => {
    // When a schema part changes, put the new key where the schema has it in json-key-order.ts.
    expect(JSON_KEY_ORDER).toEqual(schemaKeyOrder());
  });

  it.each(EXAMPLES)(
    'writes %s in the order re-parsing it would, whatever its key order',
    (file) => {
      const declaration = loadExample(file);
      // Zod rebuilds objects in schema order: the JSON of a fresh parse is what toJson must write.
      const reparsed = Declaration.parse(reversedKeys(declaration));
      expect(toJson(reversedKeys(declaration) as DeclarationType)).toBe(toJson(declaration));
      expect(toJson(reversedKeys(declaration) as DeclarationType)).toBe(
        `${JSON.stringify(reparsed, null, 2)}\n`,
      );
      expect(JSON.parse(toJson(declaration))).toEqual(declaration);
    },
  );
});
