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

/**
 * A CommonMark renderer (markdown-it, with GFM tables) that trusts every link and lets raw HTML
 * through: what a careless docs site would do, so that anything the export lets slip shows.
 */
const markdownIt = new MarkdownIt({ html: true });
markdownIt.validateLink = () => true;

/** The Markdown as a docs site renders it, as a parsed page. */
export function renderMarkdown(markdown: string): Document {
  return new DOMParser().parseFromString(markdownIt.render(markdown), 'text/html');
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
 * Text as a reader compares it: direction controls dropped, every line break, tab and control
 * character a space, spaces collapsed, ends trimmed.
 */
export function readable(text: string): string {
  return (
    text
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
      // eslint-disable-next-line no-control-regex -- controls are what this replaces
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
