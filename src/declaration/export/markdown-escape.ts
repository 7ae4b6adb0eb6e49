/**
 * Escapers for Markdown, one per place a text lands. Every text is shown as written: it cannot
 * start a link, emphasis, code, HTML, a heading, a rule, a list item or a table cell, and it
 * stays on the one line the export gives it. What a character can do depends on where it sits
 * (a `#` ends a heading, a `|` ends a table cell, a `-` at the start of a line starts a list),
 * so each place has its own escaper on top of the one for running text.
 */
import { balanceBidi } from './bidi.ts';
import {
  escapesAgainstAutolinks,
  httpsAddresses,
  joinersAgainstAutolinks,
} from './markdown-autolinks.ts';
import { oneLine } from './one-line.ts';

/** Characters that start inline syntax: escapes, code, emphasis, links, strikethrough, cells. */
const INLINE_SYNTAX = /[\\`*_[\]~|]/;
/** In a heading, also `#`, which could close it early. */
const HEADING_SYNTAX = /[\\`*_[\]~|#]/;

/** HTML passes through Markdown, and entities are decoded: `<`, `>` and `&` become entities. */
const HTML_SYNTAX: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text escaped for Markdown: `syntax` backslash-escaped, HTML written as entities, and every
 * plain address other than an https one broken so that no autolinker links it (see
 * markdown-autolinks.ts); an https address stays whole, so that it links to all of itself.
 */
function escaped(
  text: string,
  syntax: RegExp,
  followed: 'by-nothing' | 'by-mark' = 'by-nothing',
): string {
  const every = new RegExp(`${syntax.source}|[&<>]`, 'g');
  const escape = (plain: string) =>
    plain.replace(every, (char) => HTML_SYNTAX[char] ?? `\\${char}`);
  return httpsAddresses(text, new RegExp(`${syntax.source}|[&<>]`), followed)
    .map(({ text: piece, address }) =>
      address ? piece : escapesAgainstAutolinks(escape(joinersAgainstAutolinks(piece))),
    )
    .join('');
}

/**
 * Running text: one line, every inline marker backslash-escaped, HTML written as entities, no
 * address an autolinker would link other than https, and direction controls balanced so they
 * cannot leak past the text.
 */
export function markdownText(text: string): string {
  return escaped(oneLine(balanceBidi(text)), INLINE_SYNTAX);
}

/**
 * Running text inside inline Markup of the app's own, such as `_…_`: as {@link markdownText},
 * except that an https address at the end is broken like any other, because an autolinker would
 * take the closing mark into the address.
 */
export function markdownTextInMark(text: string): string {
  return escaped(oneLine(balanceBidi(text)), INLINE_SYNTAX, 'by-mark');
}

/**
 * Markdown that begins a line (a paragraph, or a list item after its `- `): leading spaces would
 * make it a code block, and a leading `#`, `>`, `-`, `+`, `=`, `:` or `1.` would make it a
 * heading, quote, list, rule or setext underline, so the first marker is escaped. Direction
 * controls in front of it are looked through, in case a renderer drops them.
 */
export function markdownLineStart(markdown: string): string {
  return markdown
    .replace(/^ +/, '')
    .replace(/^([\u202a-\u202e\u2066-\u2069]*)([#>+=:-])/, '$1\\$2')
    .replace(/^([\u202a-\u202e\u2066-\u2069]*\d{1,9})([.)])/, '$1\\$2');
}

/** A heading's text: running text in which no `#` can close the heading early. */
export function markdownHeading(text: string): string {
  return escaped(oneLine(balanceBidi(text)), HEADING_SYNTAX);
}

/**
 * A table cell's content, already written as Markdown: never empty (an empty cell can merge
 * with its neighbour in some renderers). Its `|` are escaped by `markdownText`.
 */
export function markdownCell(markdown: string): string {
  return markdown.trim() === '' ? ' ' : markdown;
}

/**
 * A link destination (from `safeHref`, so printable ASCII without spaces, parentheses or
 * brackets) in angle brackets, with `&` written as an entity so that no part of the address is
 * read as one.
 */
export function markdownDestination(href: string): string {
  return `<${href.replace(/[&<>]/g, (char) => HTML_SYNTAX[char]!)}>`;
}
