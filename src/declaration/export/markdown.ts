import { buildDocument, type Block, type Flow, type Inline } from '../document/index.ts';
import type { PublishedManifestFacts } from '../manifest/published.ts';
import { ENGLISH, type Translator } from '../i18n/index.ts';
import type { Declaration } from '../schema/index.ts';
import { isolate } from './bidi.ts';
import { safeHref } from './links.ts';
import {
  markdownCell,
  markdownDestination,
  markdownHeading,
  markdownLineStart,
  markdownText,
  markdownTextInMark,
} from './markdown-escape.ts';

/** Options for the Markdown export. */
export interface MarkdownOptions {
  /** The reader's language: the page's words, and which translations of vendor text it shows. */
  translator?: Translator;
  /** What the app's manifest shows (`publishedManifestFacts`): shown at a glance when given. */
  manifest?: PublishedManifestFacts | null;
}

/**
 * A run as Markdown on one line: every text escaped for running text (`escape` adds what its
 * place needs, such as `#` in a heading), vendor text isolated, only https and mailto links.
 */
/**
 * Text in `_…_`. Emphasis cannot open after or close before whitespace, so a vendor text that
 * starts or ends with a space would leave the underscores standing: the spaces go outside.
 */
function emphasis(text: string): string {
  const inner = text.trim();
  return inner ? `_${inner}_` : '';
}

function inline(run: Inline, escape: (text: string) => string = markdownText): string {
  return run
    .map((part) => {
      if (typeof part === 'string') return escape(part);
      switch (part.kind) {
        case 'vendor':
          return escape(isolate(part.text));
        case 'badge':
          return `**${escape(part.text)}**`;
        case 'link': {
          const text = inline(part.text, escape);
          const href = safeHref(part.href);
          return href ? `[${text}](${markdownDestination(href)})` : text;
        }
      }
    })
    .join('');
}

/**
 * Blocks on one line, for a table cell or a list item: a list's items joined with "; ", notes
 * after their label, parts with " · ". Nothing in them can end the line or the cell.
 */
function oneLine(flow: Flow): string {
  return flow
    .map((item) => {
      switch (item.kind) {
        case 'paragraph':
          return inline(item.content);
        case 'list':
          return item.items.map(oneLine).join('; ');
        case 'notes':
          return `_${markdownText(item.label)}:_ ${item.items.map((note) => inline(note)).join('; ')}`;
        case 'definitions':
          return item.items
            .map(
              (d) => `**${inline(d.term)}:** ${d.details.map((line) => inline(line)).join('; ')}`,
            )
            .join('; ');
        case 'heading':
          return `**${inline(item.text)}:** ${oneLine(item.blocks)}`;
        case 'link':
          return inline([item.link]);
        case 'table':
          return '';
        case 'data-flow':
          return item.items.map((entry) => inline(entry)).join('; ');
      }
    })
    .filter(Boolean)
    .join(' · ');
}

function block(item: Block, depth: number): string {
  switch (item.kind) {
    case 'heading':
      return [
        `${'#'.repeat(Math.min(depth + 1, 6))} ${inline(item.text, markdownHeading)}`,
        ...item.blocks.map((b) => block(b, depth + 1)),
      ].join('\n\n');
    case 'paragraph':
      return markdownLineStart(inline(item.content));
    case 'definitions':
      return item.items
        .map((definition) => {
          const [first, ...more] = definition.details;
          const term = `- **${inline(definition.term)}:** ${inline(first ?? [])}`;
          return [term, ...more.map((line) => `  - ${markdownLineStart(inline(line))}`)].join('\n');
        })
        .join('\n');
    case 'list':
      return item.items.map((entry) => `- ${markdownLineStart(oneLine(entry))}`).join('\n');
    case 'notes':
      return [
        `_${markdownText(item.label)}:_`,
        item.items.map((note) => `- ${markdownLineStart(inline(note))}`).join('\n'),
      ].join('\n\n');
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
      return [
        row(item.columns.map((column) => markdownText(column.label))),
        `| ${item.columns.map(() => '---').join(' | ')} |`,
        ...item.rows.map((r) => row(r.cells.map(oneLine))),
      ].join('\n');
    }
    case 'link':
      return markdownLineStart(inline([item.link]));
    case 'data-flow':
      // The picture's text equivalent: what goes where, a line each.
      return [
        `**${markdownTextInMark(item.title)}**`,
        item.items.map((entry) => `- ${markdownLineStart(inline(entry))}`).join('\n'),
      ].join('\n\n');
  }
}

/**
 * The declaration as Markdown for documentation sites, in the reader's language. Every text is
 * escaped for the place it lands and stays on its line, so the page has exactly the headings,
 * lists and table rows of the declaration; links are only https and mailto, in angle brackets
 * that no address can close.
 */
export function toMarkdown(declaration: Declaration, options: MarkdownOptions = {}): string {
  const document = buildDocument(declaration, options.translator ?? ENGLISH, {
    manifest: options.manifest,
  });
  const parts = [
    `# ${inline(document.title, markdownHeading)}`,
    emphasis(inline(document.byline, markdownTextInMark)),
    emphasis(inline(document.versionLine, markdownTextInMark)),
    ...(document.summary ? [markdownLineStart(inline(document.summary))] : []),
  ];
  for (const section of document.sections) {
    parts.push(`## ${markdownHeading(section.title)}`);
    parts.push(...section.blocks.map((b) => block(b, 2)));
  }
  return `${parts.join('\n\n')}\n`;
}
