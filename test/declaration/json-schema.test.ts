import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declarationJsonSchema } from '@declaration/json-schema.ts';

type JsonSchema = {
  $ref?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
  [key: string]: unknown;
};

const committedText = readFileSync(
  new URL('../../schema/declaration.schema.json', import.meta.url),
  'utf8',
);
const committed = JSON.parse(committedText) as JsonSchema;

/** Follows `$ref`s into `$defs` until a schema says something itself. */
function resolve(schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && current.description === undefined && hops < 50; hops += 1) {
    const name = current.$ref.replace('#/$defs/', '');
    const target = committed.$defs?.[name];
    if (!target) throw new Error(`dangling $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

/** Every `properties` entry anywhere in the document, with a readable location. */
function allProperties(node: unknown, where: string, out: [string, JsonSchema][] = []) {
  if (Array.isArray(node))
    node.forEach((item, index) => allProperties(item, `${where}[${index}]`, out));
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return out;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value as Record<string, JsonSchema>)) {
        out.push([`${where}.${name}`, property]);
      }
    }
    allProperties(value, `${where}.${key}`, out);
  }
  return out;
}

describe('schema/declaration.schema.json', () => {
  it('is what the zod schema generates today', () => {
    expect(
      committedText === declarationJsonSchema(),
      'schema/declaration.schema.json is stale: run `npm run schema:generate` and commit it',
    ).toBe(true);
  });

  it('describes every property, so vendors see help in their editor', () => {
    const properties = allProperties(committed, '#');
    expect(properties.length).toBeGreaterThan(100);
    const undocumented = properties
      .filter(([, property]) => !resolve(property).description)
      .map(([where]) => where);
    expect(undocumented, 'add .describe(...) to these fields in src/declaration/schema').toEqual(
      [],
    );
  });

  it('tells editors the allowed retention bases and that unknown fields are errors', () => {
    const text = JSON.stringify(committed);
    expect(text).toContain('"fixed-period"');
    expect(committed.additionalProperties).toBe(false);
    expect(committed.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'vendor', 'app', 'policy', 'rights']),
    );
  });
});
