import type { Platform } from '../schema/index.ts';
import type { DataFlowBlock } from './data-flow.ts';

/**
 * Words of the vendor's, not the app's: rendered apart from the app's words around them (a
 * `<bdi>`, or first-strong isolate characters in plain text), so that a right-to-left name or an
 * unclosed direction override cannot turn the app's words around. `lang` is set when the
 * declaration has no translation for the reader's language and the text is another language's
 * (`en`), so that the page and the HTML say so and a screen reader switches voice.
 */
export interface VendorRun {
  kind: 'vendor';
  text: string;
  lang?: string;
}

/**
 * A link. `href` is the address as the declaration writes it: renderers link only what
 * `safeHref` accepts, in the form it gives, and show anything else as text. `testId` names it
 * for the page's tests (`privacy-contact`).
 */
export interface LinkRun {
  kind: 'link';
  href: string;
  text: Inline;
  testId?: string;
}

/** A short label set apart after a name, like "Personal data" after a kind of data. */
export interface BadgeRun {
  kind: 'badge';
  text: string;
  tone?: 'danger';
}

/** A piece of running text: the app's own words (a string), vendor text, a link or a badge. */
export type InlinePart = string | VendorRun | LinkRun | BadgeRun;

/** A run of text. Renderers escape every part for where it lands. */
export type Inline = InlinePart[];

/** Blocks in order: the content of a table cell, a list item, a heading or a section. */
export type Flow = Block[];

/** A heading and the blocks under it, one level below what contains it. */
export interface HeadingBlock {
  kind: 'heading';
  text: Inline;
  blocks: Flow;
  /** Names the part on the page (`location-google-cloud`) for tests and links. */
  key?: string;
  /** A card among cards (a storage location), rather than a run of text under a heading. */
  card?: boolean;
  /** The platforms it is about, for the page's platform filter; absent when it is about all. */
  platforms?: Platform[];
}

/** A paragraph; a `note` is secondary text, such as a description under a name in a table. */
export interface ParagraphBlock {
  kind: 'paragraph';
  content: Inline;
  note?: boolean;
  testId?: string;
}

/** One term of a definition list and its details, each line apart. */
export interface Definition {
  term: Inline;
  details: Inline[];
  /** Names the item on the page (`glance-hosting`). */
  key?: string;
}

/**
 * A definition list. The `summary` variant is the at-a-glance label: each item a card, its first
 * line the answer and the others what qualifies it.
 */
export interface DefinitionsBlock {
  kind: 'definitions';
  items: Definition[];
  variant?: 'summary';
}

/** A column of a table. */
export interface Column {
  label: string;
  /** Names every cell of the column on the page (`retention`). */
  testId?: string;
}

/** A row of a table: its first cell names what the row is about (a row header). */
export interface Row {
  cells: Flow[];
  /** Names the row on the page (`category-operation-data`). */
  key?: string;
  /** The platforms the row is about, for the page's platform filter. */
  platforms?: Platform[];
}

/** A table with one header cell per column and a row per item. */
export interface TableBlock {
  kind: 'table';
  caption: string;
  columns: Column[];
  rows: Row[];
  testId?: string;
}

/** A bulleted list; each item may hold several blocks (a text and its notes). */
export interface ListBlock {
  kind: 'list';
  items: Flow[];
}

/** The vendor's notes on what precedes them: clarifications, or where the policy is vague. */
export interface NotesBlock {
  kind: 'notes';
  label: string;
  items: Inline[];
}

/** A link that stands on its own as the thing to do, like the Marketplace privacy tab. */
export interface LinkBlock {
  kind: 'link';
  link: LinkRun;
}

/** A building block of the disclosure, independent of where it is rendered. */
export type Block =
  | HeadingBlock
  | ParagraphBlock
  | DefinitionsBlock
  | TableBlock
  | ListBlock
  | NotesBlock
  | LinkBlock
  | DataFlowBlock;

/** The identifiers of the sections the model can hold, in page order. */
export const SECTION_IDS = [
  'at-a-glance',
  'data-collected',
  'purposes',
  'where-data-lives',
  'transfers',
  'recipients',
  'logs',
  'cookies',
  'not-collected',
  'commitments',
  'rights',
  'security',
  'vendor-access',
  'contacts',
  'additional',
  'about-app',
  'about-policy',
  'links',
] as const;

/** A section's identifier: its anchor on the page and in the HTML (`#data-collected`). */
export type SectionId = (typeof SECTION_IDS)[number];

/** A top-level section of the disclosure: present only when it has something to say. */
export interface Section {
  id: SectionId;
  title: string;
  blocks: Flow;
}

/** The whole disclosure for one reader's language, before it is rendered. */
export interface DisclosureDocument {
  /** The reader's language (a shipped locale): the page's and the HTML's `lang`. */
  lang: string;
  /** "Privacy: Exalate Cloud Add-ons". */
  title: Inline;
  /** "Declared by Exalate". */
  byline: Inline;
  /** "Policy version 2024-02-28, last updated Feb 28, 2024". */
  versionLine: Inline;
  /** The vendor's own summary, shown first. */
  summary: Inline | null;
  sections: Section[];
}
