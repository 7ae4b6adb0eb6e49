// @vitest-environment jsdom
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarize, toCsv, toHtml } from '@declaration';
import { loadDeclaration as loadExample } from './load.ts';
import { walkDeclaration } from './schema-walk.ts';

const examples = readdirSync(join(dirname(fileURLToPath(import.meta.url)), '../../../examples'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => `examples/${name}`);

describe('exports of the real vendor declarations', () => {
  it('has the seed vendors’ declarations to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('%s: the HTML page shows every value it declares', (file) => {
    const declaration = loadExample(file);
    // What a reader gets: the text as shown, and where the links lead.
    const html = new DOMParser().parseFromString(toHtml(declaration), 'text/html');
    const hrefs = Array.from(html.querySelectorAll('a'), (a) => a.getAttribute('href'));
    const page = [html.body.textContent, ...hrefs].join('\n');
    const absent = walkDeclaration(declaration)
      .values.filter(({ anyOf }) => !anyOf.some((text) => text && page.includes(text)))
      .map(({ path, anyOf }) => `${path}: ${anyOf.join(' | ')}`);
    expect(absent).toEqual([]);
    const rows = toCsv(declaration).split('\r\n').filter(Boolean);
    expect(rows.length - 1).toBe(
      summarize(declaration).categories + summarize(declaration).logs.count,
    );
  });
});
