/**
 * Direction isolation for vendor text. A vendor's name or note may hold right-to-left letters or
 * explicit direction controls; left alone, an unterminated right-to-left override (U+202E) in the
 * vendor's name reverses the export's own words after it ("By ‮Acme · Version 3" reads
 * "3 noisreV · emcA"). Every vendor text is therefore balanced (each control it opens is closed
 * within it, each stray closer dropped) and, when it can change direction at all, wrapped in
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, which the HTML export turns into `<bdi>`.
 */

/** FIRST STRONG ISOLATE: what follows takes the direction of its first strong letter. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: ends the innermost isolate. */
export const PDI = '\u2069';
/** POP DIRECTIONAL FORMATTING: ends the innermost embedding or override. */
const PDF = '\u202C';

/** LRE, RLE, LRO, RLO: embeddings and overrides, closed by PDF. */
const EMBEDDINGS = new Set(['\u202A', '\u202B', '\u202D', '\u202E']);
/** LRI, RLI, FSI: isolates, closed by PDI. */
const ISOLATES = new Set(['\u2066', '\u2067', FSI]);
/**
 * Bidi paragraph separators (class B): the Unicode Bidirectional Algorithm ends every embedding
 * and isolate at one, so what the text opened must be closed before it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PARAGRAPH_SEPARATOR = /([\n\r\u001c-\u001e\u0085\u2029])/;

/**
 * Characters that can change the direction of the text around them: right-to-left letters and
 * Arabic digits (the blocks that Unicode assigns to right-to-left scripts, assigned or not), the
 * right-to-left and Arabic letter marks, and the explicit embedding, override and isolate
 * controls. Text without any of them reads left to right like the export's own words, so
 * isolating it would change nothing and only add invisible characters to the file.
 */
const DIRECTIONAL =
  /[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * The text with its direction controls balanced: an embedding, override or isolate it opens is
 * closed before the text (or the line) ends, and a closer with nothing to close is dropped, so
 * the text can neither leak a direction into what follows it nor close an isolate around it.
 * Balanced text comes back unchanged.
 */
export function balanceBidi(text: string): string {
  if (!/[\u202a-\u202e\u2066-\u2069]/.test(text)) return text;
  let out = '';
  let open: string[] = [];
  const closeAll = () => {
    out += open
      .reverse()
      .map((opener) => (ISOLATES.has(opener) ? PDI : PDF))
      .join('');
    open = [];
  };
  for (const char of text) {
    if (EMBEDDINGS.has(char) || ISOLATES.has(char)) {
      open.push(char);
      out += char;
    } else if (char === PDF) {
      // A PDF cannot reach past an isolate: it only closes an embedding opened inside it.
      if (open.length > 0 && EMBEDDINGS.has(open[open.length - 1]!)) {
        open.pop();
        out += char;
      }
    } else if (char === PDI) {
      const at = open.findLastIndex((opener) => ISOLATES.has(opener));
      if (at >= 0) {
        // A PDI also ends the embeddings opened inside its isolate; close them explicitly too.
        out += PDF.repeat(open.length - at - 1) + PDI;
        open = open.slice(0, at);
      }
    } else if (PARAGRAPH_SEPARATOR.test(char)) {
      closeAll();
      out += char;
    } else {
      out += char;
    }
  }
  closeAll();
  return out;
}

/**
 * Whether `text` holds anything that can change the direction of the text around it (a
 * right-to-left letter or an explicit direction control). Text that holds none reads left to
 * right like the app's own words, so isolating it changes nothing; the export and the page
 * isolate only text that does.
 */
export function canChangeDirection(text: string): boolean {
  return DIRECTIONAL.test(text);
}

/**
 * Vendor text ready to sit among the export's own words: balanced, and each line wrapped in an
 * isolate when it holds anything that can change direction. Left-to-right text is unchanged.
 */
export function isolate(text: string): string {
  if (!canChangeDirection(text)) return text;
  // Each line is its own bidi paragraph, so each gets its own isolate.
  return balanceBidi(text)
    .split(PARAGRAPH_SEPARATOR)
    .map((part, index) => (index % 2 === 1 || part === '' ? part : `${FSI}${part}${PDI}`))
    .join('');
}
