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
 * Text that a spreadsheet would read as a formula at the start of a cell: `=`, `+`, `-` or `@`
 * (or their full-width forms, which some spreadsheets accept too), also after spaces, invisible
 * formatting characters or quotes, or a tab or carriage return among what comes before.
 */
const FORMULA = String.raw`[\p{White_Space}\p{Cf}"]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\p{White_Space}\p{Cf}"]*[\t\r]`;

/** A cell that starts a formula. */
const FORMULA_START = new RegExp(`^(?:${FORMULA})`, 'u');

/**
 * A separator that some spreadsheet splits a line at (`,` by default, `;` where the comma is the
 * decimal sign, as in German, French or Dutch, a tab or `|`), or a line break, before what would
 * start a formula. A reader that splits at another separator than the export's may honour quotes
 * only at the start of a cell, as Excel and Python's csv module do, and then split inside a
 * quoted cell: what follows the separator starts a cell of its own.
 */
const SEPARATOR_BEFORE_FORMULA = new RegExp(String.raw`(?:\r\n|[,;\t|\r\n])(?=${FORMULA})`, 'gu');

/**
 * One CSV field, always quoted (RFC 4180 allows it), so that no separator in it can end it for
 * a reader that honours quotes. A cell that would start a formula (`=HYPERLINK(...)`,
 * `@SUM(...)`, `-1+1`) is neutralised as OWASP's "CSV Injection" advises: prefixed with a single
 * quote, so that a spreadsheet shows it as text; and so is what follows a separator or line
 * break inside it, where a reader that splits there would start a cell (`Logs;=cmd|...` becomes
 * `Logs;'=cmd|...`).
 */
export function csvField(value: string): string {
  const text = (FORMULA_START.test(value) ? `'${value}` : value).replace(
    SEPARATOR_BEFORE_FORMULA,
    "$&'",
  );
  return `"${text.replace(/"/g, '""')}"`;
}
