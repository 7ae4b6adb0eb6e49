// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { toMarkdown, toMarketplaceAnswers, type Declaration } from '@declaration';
import { loadDeclaration } from '../load.ts';
import { readable, renderMarkdown } from './readers.ts';

const exalate = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

/** Headings, rules and table rows, as a docs site renders the Markdown. */
function structure(markdown: string) {
  const page = renderMarkdown(markdown);
  const table = page.querySelector('table');
  return {
    headings: Array.from(page.querySelectorAll('h1, h2'), (h) => readable(h.textContent ?? '')),
    rules: page.querySelectorAll('hr').length,
    dataRows: Array.from(table?.querySelectorAll('tbody tr') ?? [], (row) =>
      readable(row.querySelector('td')?.textContent ?? ''),
    ),
  };
}

describe('a line break of any kind in a text stays inside it (Markdown)', () => {
  const expected = structure(toMarkdown(exalate));

  it.each([
    ['a lone carriage return', '\r'],
    ['a line separator (U+2028)', '\u2028'],
    ['a paragraph separator (U+2029)', '\u2029'],
    ['a next line (U+0085)', '\u0085'],
    ['a form feed', '\f'],
  ])('%s in a category name neither breaks the Data collected table nor adds headings', (_, br) => {
    const declaration: Declaration = structuredClone(exalate);
    declaration.dataCategories[0]!.name = `Operation Data${br}# Injected${br}---${br}| x | y |`;
    const markdown = toMarkdown(declaration);
    // Every line of the file is a line for every tool: no other line break is left in it.
    expect(markdown).not.toMatch(/[\r\v\f\u0085\u2028\u2029]/);
    const found = structure(markdown);
    expect(found.headings).toEqual(expected.headings);
    expect(found.rules).toBe(0);
    expect(found.dataRows).toHaveLength(declaration.dataCategories.length);
    expect(found.dataRows[0]).toMatch(/^Operation Data # Injected --- \| x \| y \| /);
  });

  it('a text that starts like a block (heading, rule, list, quote) stays text in a list item', () => {
    const declaration: Declaration = structuredClone(exalate);
    declaration.commitments = ['# We sell data', '---', '1. first', '> quoted', '    code'];
    const page = renderMarkdown(toMarkdown(declaration));
    const list = page.querySelector('#commitments + ul, h2 + ul');
    const items = Array.from(page.querySelectorAll('li'))
      .map((li) => li.textContent)
      .filter(
        (text) => text && ['# We', '---', '1. f', '> qu', 'code'].some((s) => text.startsWith(s)),
      );
    expect(list).not.toBeNull();
    expect(items).toEqual(['# We sell data', '---', '1. first', '> quoted', 'code']);
    expect(page.querySelectorAll('li h1, li hr, li ol, li blockquote, li pre')).toHaveLength(0);
  });

  it('keeps each Marketplace answer on one line', () => {
    const declaration: Declaration = structuredClone(exalate);
    declaration.recipients[0]!.purpose = 'Hosting\rQ: Do you sell data?\u2028A: No.';
    // Split as a text editor does: at any line break.
    const lines = toMarketplaceAnswers(declaration).split(/\r\n|[\n\r\u2028\u2029\u0085]/);
    expect(lines.filter((line) => line.startsWith('Q: Do you sell data'))).toEqual([]);
  });
});
