import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from './examples.ts';

// What changed at 320 px: the field table keeps to the screen's width and a long value (a URL,
// a note, a domain) wraps inside its cell instead of widening the table.

const css = readFileSync(join(repoRoot, 'static/disclosure/src/styles.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** The declarations of every rule whose selector list names `selector`, in order. */
function declarationsFor(selector: string): string {
  return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
    .filter(([, selectors]) => selectors!.split(',').some((part) => part.trim() === selector))
    .map(([, , body]) => body)
    .join(';');
}

test('the diff table is laid out to its width, whatever its values', () => {
  expect(declarationsFor('.diff-fields')).toMatch(/table-layout:\s*fixed/);
  expect(declarationsFor('.diff-fields')).toMatch(/width:\s*100%/);
});

test('long values wrap anywhere in the cells, and no cell asks for more room', () => {
  for (const cell of ['.diff-fields th', '.diff-fields td']) {
    expect(declarationsFor(cell)).toMatch(/overflow-wrap:\s*anywhere/);
    expect(declarationsFor(cell)).not.toMatch(/white-space:\s*nowrap/);
    expect(declarationsFor(cell)).toMatch(/min-width:\s*0/);
  }
});

test('only the items of a list that went are struck through, and the mark is not', () => {
  for (const side of ['.diff-list-cell.diff-before', '.diff-list-cell.diff-after']) {
    expect(declarationsFor(side)).toMatch(/text-decoration:\s*none/);
  }
  expect(declarationsFor('.diff-item-removed')).toMatch(/text-decoration:\s*line-through/);
  expect(declarationsFor('.diff-item .badge')).toMatch(/text-decoration:\s*none/);
});
