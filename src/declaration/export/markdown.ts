import type { Declaration } from '../schema/index.ts';
import { buildDocument } from '../document/build.ts';
import type { Block, Inline } from '../document/model.ts';
import { safeHref } from './links.ts';
import {
  markdownCell,
  markdownDestination,
  markdownHeading,
  markdownLineStart,
  markdownText,
} from './markdown-escape.ts';

/** Options for the Markdown export. */
export interface MarkdownOptions {
  /** The reader's locale; picks translations and country names. Default en. */
  locale?: string;
}

function inline(content: Inline): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return markdownText(part);
      const text = markdownText(part.text);
      const href = safeHref(part.href);
      return href ? `[${text}](${markdownDestination(href)})` : text;
    })
    .join('');
}

function block(item: Block, depth: number): string {
  switch (item.kind) {
    case 'paragraph':
      return markdownLineStart(inline(item.content));
    case 'facts':
      return item.items
        .map(([label, value]) => `- **${markdownText(label)}:** ${inline(value)}`)
        .join('\n');
    case 'list':
      return item.items.map((entry) => `- ${markdownLineStart(inline(entry))}`).join('\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
      return [
        row(item.headers.map(markdownText)),
        `| ${item.headers.map(() => '---').join(' | ')} |`,
        ...item.rows.map((cells) => row(cells.map(inline))),
      ].join('\n');
    }
    case 'subsection':
      return [
        `${'#'.repeat(Math.min(depth + 1, 6))} ${markdownHeading(item.title)}`,
        ...item.blocks.map((b) => block(b, depth + 1)).filter(Boolean),
      ].join('\n\n');
  }
}

/**
 * The declaration as Markdown for documentation sites. Every text is escaped for the place it
 * lands and stays on its line, so the page has exactly the headings, lists and table rows of the
 * declaration; links are only https and mailto, in angle brackets that no address can close.
 */
export function toMarkdown(declaration: Declaration, options: MarkdownOptions = {}): string {
  const document = buildDocument(declaration, options.locale ?? 'en');
  const parts = [`# ${markdownHeading(document.title)}`, `_${markdownText(document.subtitle)}_`];
  for (const section of document.sections) {
    parts.push(`## ${markdownHeading(section.title)}`);
    parts.push(...section.blocks.map((b) => block(b, 2)).filter(Boolean));
  }
  return `${parts.join('\n\n')}\n`;
}
