import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeclaration, type Declaration } from '@declaration';
import { buildDocument } from '@declaration/document/build.ts';
import { textOf, type Flow, type Section, type SectionId } from '@declaration/document/index.ts';
import { createTranslator, type Translator } from '@declaration/i18n/index.ts';
import { repoRoot } from '../../static/examples.ts';

/**
 * Reading one section of the document model as a reader would: the words of its definitions, its
 * tables and its paragraphs, in a shipped locale's catalogue.
 */

/** The translator for a shipped locale, from its catalogue file as the package ships it. */
export function translator(locale: string): Translator {
  const file = join(repoRoot, 'locales', `${locale}.json`);
  return createTranslator(locale, JSON.parse(readFileSync(file, 'utf8')));
}

/** The section `id` of the declaration's document for `locale`, or undefined without one. */
export function sectionOf(
  declaration: Declaration,
  id: SectionId,
  locale = 'en-US',
): Section | undefined {
  return buildDocument(declaration, translator(locale)).sections.find((s) => s.id === id);
}

/** The ids of the document's sections, in order. */
export function sectionIds(declaration: Declaration): SectionId[] {
  return buildDocument(declaration, translator('en-US')).sections.map((s) => s.id);
}

/** Every line of text in the blocks, headings and table cells included, in order. */
export function linesOf(blocks: Flow): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'heading':
        return [textOf(block.text), ...linesOf(block.blocks)];
      case 'paragraph':
        return [textOf(block.content)];
      case 'definitions':
        return block.items.map(
          (item) => `${textOf(item.term)}: ${item.details.map(textOf).join(' / ')}`,
        );
      case 'table':
        return [
          block.columns.map((column) => column.label).join(' | '),
          ...block.rows.map((row) => row.cells.map((cell) => linesOf(cell).join(' ')).join(' | ')),
        ];
      case 'list':
        return block.items.flatMap(linesOf);
      case 'notes':
        return [block.label, ...block.items.map(textOf)];
      case 'link':
        return [textOf(block.link.text)];
      case 'data-flow':
        return [block.title, ...block.items.map(textOf)];
    }
  });
}

/** The cards (headings with a key) in the blocks, by key, each as its lines. */
export function cardsOf(blocks: Flow): Record<string, string[]> {
  const cards: Record<string, string[]> = {};
  for (const block of blocks) {
    if (block.kind === 'heading' && block.key) cards[block.key] = linesOf(block.blocks);
  }
  return cards;
}

/** The table of the blocks with `testId`, as its header and rows of cell texts. */
export function tableOf(blocks: Flow, testId: string): { header: string[]; rows: string[][] } {
  for (const block of blocks) {
    if (block.kind === 'table' && block.testId === testId) {
      return {
        header: block.columns.map((column) => column.label),
        rows: block.rows.map((row) => row.cells.map((cell) => linesOf(cell).join(' '))),
      };
    }
    if (block.kind === 'heading') {
      const found = tableOf(block.blocks, testId);
      if (found.header.length > 0) return found;
    }
  }
  return { header: [], rows: [] };
}

/** The declaration changed by `change` on a copy, validated: throws with the issues if invalid. */
export function changed(
  declaration: Declaration,
  change: (copy: Record<string, unknown> & Declaration) => void,
): Declaration {
  const copy = structuredClone(declaration) as Record<string, unknown> & Declaration;
  change(copy);
  const parsed = parseDeclaration(copy);
  if (!parsed.ok) throw new Error(`invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.declaration;
}
