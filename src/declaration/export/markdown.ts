import type { Declaration } from '../schema/index.ts';
import { buildDocument } from './document/build.ts';
import type { Block, Inline } from './document/model.ts';
import { escapeMarkdown, isSafeHref } from './escape.ts';

/** Options for the Markdown export. */
export interface MarkdownOptions {
  /** The reader's locale; picks translations and country names. Default en. */
  locale?: string;
}

function inline(content: Inline): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeMarkdown(part);
      const text = escapeMarkdown(part.text);
      // Parentheses and spaces would end the link target early; percent-encode them.
      const href = part.href.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
      return isSafeHref(part.href) ? `[${text}](${href})` : text;
    })
    .join('');
}

function block(item: Block, depth: number): string {
  switch (item.kind) {
    case 'paragraph':
      return inline(item.content);
    case 'facts':
      return item.items
        .map(([label, value]) => `- **${escapeMarkdown(label)}:** ${inline(value)}`)
        .join('\n');
    case 'list':
      return item.items.map((entry) => `- ${inline(entry)}`).join('\n');
    case 'table': {
      const cell = (content: Inline) => inline(content) || ' ';
      return [
        `| ${item.headers.map(escapeMarkdown).join(' | ')} |`,
        `| ${item.headers.map(() => '---').join(' | ')} |`,
        ...item.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ].join('\n');
    }
    case 'subsection':
      return [
        `${'#'.repeat(Math.min(depth + 1, 6))} ${escapeMarkdown(item.title)}`,
        ...item.blocks.map((b) => block(b, depth + 1)).filter(Boolean),
      ].join('\n\n');
  }
}

/** The declaration as Markdown for documentation sites; every text is escaped. */
export function toMarkdown(declaration: Declaration, options: MarkdownOptions = {}): string {
  const document = buildDocument(declaration, options.locale ?? 'en');
  const parts = [`# ${escapeMarkdown(document.title)}`, `_${escapeMarkdown(document.subtitle)}_`];
  for (const section of document.sections) {
    parts.push(`## ${escapeMarkdown(section.title)}`);
    parts.push(...section.blocks.map((b) => block(b, 2)).filter(Boolean));
  }
  return `${parts.join('\n\n')}\n`;
}
