/**
 * Line breaks of every kind (CR LF, a lone CR or LF, vertical tab, form feed, NEL, and the
 * Unicode line and paragraph separators), tabs and the other C0 and C1 controls. A renderer or
 * an editor may start a new line at any of them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKS_AND_CONTROLS = /\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * The text on one line: each line break or control character becomes one space, so that a text
 * cannot end the table row, list item or answer it sits in, nor begin a block of its own.
 */
export function oneLine(text: string): string {
  return text.replace(BREAKS_AND_CONTROLS, ' ');
}
