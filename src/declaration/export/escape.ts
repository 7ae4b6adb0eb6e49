import { balanceBidi } from './bidi.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The isolate controls and the `<bdi>` elements that stand for them in HTML. */
const ISOLATE_TAGS: Readonly<Record<string, string>> = {
  '\u2066': '<bdi dir="ltr">',
  '\u2067': '<bdi dir="rtl">',
  '\u2068': '<bdi>',
  '\u2069': '</bdi>',
};

/** A run of more characters than this without a space is a word no column should be as wide as. */
const LONG_RUN = /(\S{33,})/u;
/** Where such a run may break: every this many characters. */
const CHUNK = 16;

/**
 * A long run in pieces of `CHUNK` characters, never separating a combining mark, a variation
 * selector or a zero-width joiner from the character it belongs to.
 */
function pieces(run: string): string[] {
  const result: string[] = [];
  let piece = '';
  let count = 0;
  for (const char of run) {
    const joins = /\p{M}|\u200d|[\ufe00-\ufe0f]/u.test(char) || piece.endsWith('\u200d');
    if (count >= CHUNK && !joins) {
      result.push(piece);
      piece = '';
      count = 0;
    }
    piece += char;
    count++;
  }
  return [...result, piece];
}

/**
 * Escapes text for HTML element content. Each direction isolate (from `isolate`) is written as a
 * `<bdi>` element, which a browser isolates in every context, also where the characters would be
 * copied or stripped; the text is balanced first, so the elements nest. A word longer than 32
 * characters (a pasted address, or a 5,000-character name) gets a `<wbr>` break opportunity
 * every 16 characters: a table column then never has to be as wide as the word, while ordinary
 * words keep the column at their width and are never broken in the middle.
 */
export function htmlText(text: string): string {
  return balanceBidi(text)
    .split(LONG_RUN)
    .map((part, index) =>
      index % 2 === 1 ? pieces(part).map(escapeHtml).join('<wbr>') : escapeHtml(part),
    )
    .join('')
    .replace(/[\u2066-\u2069]/g, (char) => ISOLATE_TAGS[char]!);
}

/**
 * A cell that a spreadsheet would read as a formula: it starts with `=`, `+`, `-` or `@` (or
 * their full-width forms, which some spreadsheets accept too), also after leading spaces or
 * invisible formatting characters, or it starts with a tab or carriage return.
 */
const FORMULA_START =
  /^[\p{White_Space}\p{Cf}]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\p{White_Space}\p{Cf}]*[\t\r]/u;

/**
 * One CSV field. A cell that would start a formula (`=HYPERLINK(...)`, `@SUM(...)`, `-1+1`) is
 * neutralised as OWASP's "CSV Injection" advises: prefixed with a single quote, so that a
 * spreadsheet shows it as text, and quoted. Other fields are quoted per RFC 4180 when they hold
 * a comma, quote or line break.
 */
export function csvField(value: string): string {
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
