import type { Text } from '../schema/index.ts';
import { isolate } from '../export/bidi.ts';
import { vendorText } from '../export/vendor-text.ts';

/**
 * A link in exported text. `href` is the declaration's address as written; renderers link only
 * what `safeHref` accepts, in the form it gives, and show anything else as text.
 */
export interface Link {
  text: string;
  href: string;
}

/**
 * A run of text and links. Text is always plain: renderers escape it for where it lands. Vendor
 * text in it is already isolated (`vendorText`), so renderers need not know whose words are whose.
 */
export type Inline = (string | Link)[];

/** A building block of an exported page, independent of the output format. */
export type Block =
  | { kind: 'paragraph'; content: Inline }
  | { kind: 'facts'; items: [label: string, value: Inline][] }
  | { kind: 'list'; items: Inline[] }
  | { kind: 'table'; headers: string[]; rows: Inline[][] }
  | { kind: 'subsection'; title: string; blocks: Block[] };

/** A top-level section of the page. */
export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

/** The whole page, before it is written as HTML or Markdown. */
export interface DisclosureDocument {
  title: string;
  subtitle: string;
  lang: string;
  sections: Section[];
}

/** Joins values with ", ", dropping empty ones. */
export function joined(values: (string | undefined)[], separator = ', '): string {
  return values.filter((value): value is string => !!value).join(separator);
}

/** Builds facts rows, leaving out those without a value. */
export function facts(rows: [string, Inline | string | undefined][]): Block {
  const items: [string, Inline][] = [];
  for (const [label, value] of rows) {
    const inline = typeof value === 'string' ? [value] : value;
    if (inline && inline.some((part) => (typeof part === 'string' ? part : part.text))) {
      items.push([label, inline]);
    }
  }
  return { kind: 'facts', items };
}

/**
 * A link, or nothing when there is no address. `text`, when given, is already isolated vendor
 * text or the export's own words; the address shown in its place is the vendor's, so it is
 * isolated here.
 */
export function link(href: string | undefined, text?: string): Inline | undefined {
  if (!href) return undefined;
  return [{ href, text: text ?? isolate(href.replace(/^mailto:/, '')) }];
}

/** Notes as list items, in the reader's language. */
export function notesBlock(notes: Text[] | undefined, locale: string): Block[] {
  if (!notes || notes.length === 0) return [];
  return [{ kind: 'subsection', title: 'Notes', blocks: [listOf(notes, locale)] }];
}

/** A list of translated texts. */
export function listOf(texts: Text[], locale: string): Block {
  return { kind: 'list', items: texts.map((text) => [vendorText(text, locale)]) };
}

/** Yes / No for a boolean, '' for undefined. */
export function yesNo(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'Yes' : 'No';
}
