/**
 * Characters that a terminal or a page would act on instead of showing: C0 and C1 controls
 * (ESC starts the ANSI sequences that recolour or rewrite a terminal), DEL, line and paragraph
 * separators, the bidirectional controls that reorder the text after them, and the invisible
 * zero-width space and byte order mark, which make two different keys look the same.
 */
const UNPRINTABLE = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}\u200b\u2060\ufeff]/gu;

const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOne(character: string): string {
  return SHORT[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * The text with every control, bidi and invisible formatting character written as an escape
 * (`\u001b`, `\r`, `\u202e`), so that a message quoting a vendor's file shows what is there and
 * cannot recolour a terminal, reverse the words after it or break its line. Backslashes are left
 * alone, so escaping twice gives the same text as escaping once.
 */
export function escapeControls(text: string): string {
  return text.replace(UNPRINTABLE, escapeOne);
}
