import { describe, expect, it } from 'vitest';
import { parseDeclaration, toJson, type Declaration } from '@declaration';
import { loadExample } from '../../examples/load-example.ts';

const complete = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');

describe('toJson', () => {
  it('round-trips: the JSON is the same valid declaration', () => {
    const result = parseDeclaration(JSON.parse(toJson(complete)));
    expect(result.ok && result.declaration).toEqual(complete);
  });

  it('gives the same bytes whatever the key order of the input', () => {
    const shuffled = Object.fromEntries(Object.entries(complete).reverse()) as Declaration;
    shuffled.vendor = Object.fromEntries(
      Object.entries(complete.vendor).reverse(),
    ) as Declaration['vendor'];
    expect(toJson(shuffled)).toBe(toJson(complete));
  });

  it('writes the schema order, 2-space indent, translations with en first and a newline', () => {
    const translated: Declaration = structuredClone(complete);
    translated.summary = { de: 'Zusammenfassung', en: 'Summary', fr: 'Résumé' };
    const json = toJson(translated);
    expect(json.startsWith('{\n  "schemaVersion": 2,\n  "vendor": {')).toBe(true);
    expect(json).toContain(
      '"summary": {\n    "en": "Summary",\n    "de": "Zusammenfassung",\n    "fr": "Résumé"\n  }',
    );
    expect(json.endsWith('}\n')).toBe(true);
  });
});
