import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarize, toCsv, toHtml } from '@declaration';
import { loadExample } from '../../examples/load-example.ts';
import { walkDeclaration } from './schema-walk.ts';

const examples = readdirSync(fileURLToPath(new URL('../../../examples/', import.meta.url)))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => `examples/${name}`);

describe('exports of the real vendor declarations', () => {
  it('has the seed vendors’ declarations to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('%s: the HTML page shows every value it declares', (file) => {
    const declaration = loadExample(file);
    const page = toHtml(declaration)
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    const absent = walkDeclaration(declaration)
      .values.filter(({ anyOf }) => !anyOf.some((text) => text && page.includes(text)))
      .map(({ path, anyOf }) => `${path}: ${anyOf.join(' | ')}`);
    expect(absent).toEqual([]);
    const rows = toCsv(declaration).split('\r\n').filter(Boolean);
    expect(rows.length - 1).toBe(summarize(declaration).categories);
  });
});
