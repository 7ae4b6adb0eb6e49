import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  checkCatalogue,
  isPluralObject,
  placeholdersOf,
  SHIPPED_LOCALES,
  type CatalogueTree,
} from '@declaration/i18n/index.ts';
import { describe, expect, it } from 'vitest';

/**
 * Every catalogue in locales/ against the English source: the same keys, plurals with exactly the
 * categories the language has, and no placeholder the English text does not fill.
 */
const root = fileURLToPath(new URL('../', import.meta.url));

function readCatalogue(locale: string): CatalogueTree {
  const path = `locales/${locale}.json`;
  return checkCatalogue(JSON.parse(readFileSync(`${root}${path}`, 'utf8')), path);
}

/** A message or a plural's forms, by dot path. */
type Entry = { kind: 'message'; text: string } | { kind: 'plural'; forms: Record<string, string> };

function entries(tree: CatalogueTree, prefix = ''): Map<string, Entry> {
  const found = new Map<string, Entry>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') found.set(path, { kind: 'message', text: value });
    else if (isPluralObject(value))
      found.set(path, { kind: 'plural', forms: value as Record<string, string> });
    else for (const [inner, entry] of entries(value, `${path}.`)) found.set(inner, entry);
  }
  return found;
}

function texts(entry: Entry): string[] {
  return entry.kind === 'message' ? [entry.text] : Object.values(entry.forms);
}

function categories(locale: string): string[] {
  return [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
}

const english = entries(readCatalogue('en-US'));

describe.each(SHIPPED_LOCALES)('locales/%s.json', (locale) => {
  const catalogue = entries(readCatalogue(locale));

  it('has every key of the English catalogue', () => {
    const missing = [...english.keys()].filter((key) => !catalogue.has(key));
    expect(missing, `${locale} lacks these keys`).toEqual([]);
  });

  it('has no key the English catalogue does not have', () => {
    const extra = [...catalogue.keys()].filter((key) => !english.has(key));
    expect(extra, `${locale} has keys English does not`).toEqual([]);
  });

  it('writes a plural where English does, with exactly the categories of its language', () => {
    const wrong: string[] = [];
    for (const [key, source] of english) {
      const entry = catalogue.get(key);
      if (!entry) continue;
      if (entry.kind !== source.kind) {
        wrong.push(`${key}: a ${entry.kind} where English has a ${source.kind}`);
        continue;
      }
      if (entry.kind !== 'plural') continue;
      const has = Object.keys(entry.forms).sort();
      const needs = categories(locale);
      if (has.join() !== needs.join())
        wrong.push(`${key}: has ${has.join(', ')}; ${locale} needs ${needs.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('uses no placeholder the English text does not fill', () => {
    const wrong: string[] = [];
    for (const [key, entry] of catalogue) {
      const source = english.get(key);
      if (!source) continue;
      const known = new Set(texts(source).flatMap(placeholdersOf));
      // A plural's count is always given, whether or not the English forms show it.
      if (source.kind === 'plural') known.add('count');
      for (const name of new Set(texts(entry).flatMap(placeholdersOf))) {
        if (!known.has(name)) wrong.push(`${key}: {${name}}`);
      }
    }
    expect(wrong, `${locale} uses placeholders English does not have`).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = [...catalogue].filter(([, entry]) => texts(entry).some((text) => !text.trim()));
    expect(empty.map(([key]) => key)).toEqual([]);
  });
});
