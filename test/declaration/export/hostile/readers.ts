import MarkdownIt from 'markdown-it';

/**
 * Reads CSV per RFC 4180 the way a spreadsheet does: quoted fields may hold commas, quotes
 * (doubled) and line breaks; records end with CRLF. Throws on a quote in the middle of an
 * unquoted field or a quoted field that never ends, which a spreadsheet would misread.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      if (field !== '' || wasQuoted) throw new Error(`stray quote at offset ${i}`);
      quoted = true;
      wasQuoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      wasQuoted = false;
      i++;
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at offset ${i}`);
      field += char;
    }
  }
  if (quoted) throw new Error('a quoted field never ends');
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

/** How a spreadsheet treats quotes when it splits a line at a separator. */
export type QuoteRule = 'anywhere' | 'at-cell-start';

/**
 * The cells a spreadsheet reads from CSV when it splits at `separator`, which may not be the one
 * the file was written with (`;` is the list separator where the comma is the decimal sign, as
 * in German, French or Dutch). With `anywhere`, each `"` opens or closes a quoted stretch (`""`
 * in it is a quote) and nothing quoted is split. With `at-cell-start`, as Excel and Python's csv
 * module read, a quote opens a quoted stretch only as the first character of a cell; after it
 * closes, the rest of the cell, quotes and all, is taken as it is up to the next separator.
 * Records end at CR, LF or CRLF outside quotes. Lenient, as a spreadsheet is: it never throws.
 */
export function spreadsheetCells(text: string, separator: string, quotes: QuoteRule): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let atStart = true;
  const end = () => {
    cells.push(cell);
    cell = '';
    atStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && (quotes === 'anywhere' || atStart)) {
      quoted = true;
      atStart = false;
    } else if (char === separator || char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      end();
    } else {
      cell += char;
      atStart = false;
    }
  }
  if (cell !== '' || !atStart) end();
  return cells;
}

/**
 * A CommonMark renderer (markdown-it, with GFM tables) that trusts every link and lets raw HTML
 * through: what a careless docs site would do, so that anything the export lets slip shows.
 */
const markdownIt = new MarkdownIt({ html: true });
markdownIt.validateLink = () => true;

/** The same, turning plain addresses into links as markdown-it's `linkify` does by default. */
const linkifying = new MarkdownIt({ html: true, linkify: true });
linkifying.validateLink = () => true;

/**
 * The same with linkify-it's other options on: bare host names (`evil.com`, as markdown-it up to
 * 14 links them by default, and VitePress with it) and IPv4 addresses.
 */
const fuzzy = new MarkdownIt({ html: true, linkify: true });
fuzzy.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true });
fuzzy.validateLink = () => true;

/** How a docs site renders Markdown: CommonMark only, or also linking plain addresses. */
export const MARKDOWN_READERS = {
  commonmark: markdownIt,
  linkify: linkifying,
  'linkify with bare host names': fuzzy,
} as const;

/** Which of {@link MARKDOWN_READERS} renders. */
export type MarkdownReader = keyof typeof MARKDOWN_READERS;

/** The Markdown as a docs site renders it, as a parsed page. */
export function renderMarkdown(markdown: string, reader: MarkdownReader = 'commonmark'): Document {
  return new DOMParser().parseFromString(MARKDOWN_READERS[reader].render(markdown), 'text/html');
}

/**
 * What GitHub's and GitLab's autolinking (cmark-gfm's autolink extension, as the GFM spec
 * states it) would link in text: `www.` after the start, a space or `*`, `_`, `~`, `(` (an http
 * link); `http://` and `ftp://` with no letter before the scheme; `xmpp:` before an address. It
 * matches on the text as shown, after escapes and entities are resolved: the page's text. An
 * `https://` address or an e-mail would be linked too, but to https and mailto, which is allowed.
 */
const GFM_AUTOLINK = /(?:^|[\s*_~(])www\.|(?<![a-z])(?:http|ftp):\/\/|(?<![a-z])xmpp:[^\s@]+@/giu;

/** An https link as GFM's autolinking makes it: from the scheme to a space or `<`. */
const GFM_HTTPS_AUTOLINK = /(?<![a-z])https:\/\/[^\s<]*/giu;

/**
 * The texts on the page, outside links, in which GFM's autolinking would make a link other than
 * https or mailto: each block's text (a table cell, a list item, a paragraph) as one string.
 */
export function gfmAutolinksIn(page: Document): string[] {
  const found: string[] = [];
  const blocks = page.body.querySelectorAll('p, li, td, th, h1, h2, h3, h4, h5, h6');
  for (const block of Array.from(blocks)) {
    const copy = block.cloneNode(true) as Element;
    // Text already in a link is not linked again; a nested block is read on its own.
    for (const inner of Array.from(copy.querySelectorAll('a, p, li, ul, ol, table'))) {
      inner.replaceWith(' ');
    }
    // An https link runs to the next space or `<`: what it holds is part of it.
    const text = (copy.textContent ?? '').replace(GFM_HTTPS_AUTOLINK, ' ');
    if (text.match(GFM_AUTOLINK)) found.push(text);
  }
  return found;
}

/** The raw HTML blocks and spans in the Markdown: markup a docs site would run, not show. */
export function rawHtmlIn(markdown: string): string[] {
  const found: string[] = [];
  for (const token of markdownIt.parse(markdown, {})) {
    if (token.type === 'html_block') found.push(token.content);
    for (const child of token.children ?? []) {
      if (child.type === 'html_inline') found.push(child.content);
    }
  }
  return found;
}

/** Attributes through which a page loads or navigates to an address. */
const ADDRESS_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data'];

/**
 * Every address the page would load or follow, and every event handler attribute: what the
 * checks hold against "only https and mailto links, nothing runs".
 */
export function addressesIn(page: Document): { addresses: string[]; handlers: string[] } {
  const addresses: string[] = [];
  const handlers: string[] = [];
  for (const element of Array.from(page.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (ADDRESS_ATTRIBUTES.includes(attribute.name)) addresses.push(attribute.value);
      if (attribute.name.startsWith('on')) handlers.push(`${element.tagName} ${attribute.name}`);
    }
  }
  return { addresses, handlers };
}

/**
 * The page's structure without its text: each element's tag and its children's, in order.
 * `transparent` tags (the inline wrappers that carry a vendor text) are looked through.
 */
export function skeleton(root: Element, transparent: string[] = []): string {
  const parts = (element: Element): string[] => {
    const children = Array.from(element.children).flatMap(parts);
    const tag = element.tagName.toLowerCase();
    if (transparent.includes(tag)) return children;
    return [children.length > 0 ? `${tag}(${children.join(' ')})` : tag];
  };
  return parts(root).join(' ');
}

/**
 * Text as a reader compares it: direction controls and word joiners (all invisible) dropped, every line break, tab and control
 * character a space, spaces collapsed, ends trimmed.
 */
export function readable(text: string): string {
  return (
    text
      // Direction controls, and the WORD JOINER that keeps an address from being linked.
      .replace(/[\u202a-\u202e\u2066-\u2069\u2060]/g, '')
      // eslint-disable-next-line no-control-regex -- controls are what this replaces
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
