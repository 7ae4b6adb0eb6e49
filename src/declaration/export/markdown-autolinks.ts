/**
 * Plain addresses in vendor text, as autolinkers read them. Docs sites turn addresses in text
 * into links on their own: GitHub and GitLab (cmark-gfm's autolink extension) link `www.`,
 * `http://`, `https://`, `ftp://`, `xmpp:` and e-mail addresses, matching on the text after
 * escapes are resolved; markdown-it with `linkify` (linkify-it) links `http:`, `https:`, `ftp:`,
 * `//` and e-mail addresses, and bare host names such as `evil.com` where `fuzzyLink` is on (the
 * default before markdown-it 15), matching inside each run of text between two escapes. So
 * `Write to http://evil.example/login` in a vendor's text would become an http link.
 *
 * Only `https:` and `mailto:` links may come out of an export. An https address that is a word
 * of its own stays as it is, so that it still links to the whole address. Anything else an
 * autolinker would link is broken in two ways that leave the text as the reader sees it:
 * - a WORD JOINER (U+2060, invisible) between a scheme other than https and its `://`, between
 *   `xmpp` and `:`, and between `www` and `.`: cmark-gfm sees past escapes, not past a character
 *   of the text, and linkify-it needs the scheme and `:` side by side too;
 * - a backslash before the second `/` of `//`, before each `.` followed by a letter (not in an
 *   e-mail's domain) and in a dotted quad: linkify-it never matches across an escape, which
 *   ends markdown-it's run of text, so no host name is whole where it looks.
 */

/** WORD JOINER: invisible, and not a character any autolinker reads as part of a scheme or `www`. */
export const WORD_JOINER = '\u2060';

/** A host name label, as both linkify-it versions read one (ASCII letters, digits and inner `-`). */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/**
 * A path character that linkify-it takes anywhere in a path, in every version, and that means
 * nothing to Markdown where it stands: `_` only between letters or digits (it cannot start or
 * end emphasis there), `&` only where it does not start an entity such as `&amp;`.
 */
const PATH_CHAR = '(?:[a-z0-9/:%@=+$^]|(?<=[a-z0-9])_(?=[a-z0-9])|&(?![a-z0-9#]+;))';
/** Punctuation that linkify-it takes in a path only with a path character after it. */
const PATH_PUNCTUATION = `[.,;!?-](?=${PATH_CHAR})`;

/**
 * An https address that every autolinker links all of: after the start of the text, a space, an
 * opening bracket or quote, or a separator (the character before it is checked by
 * {@link httpsAddresses}); a host of at most 11 labels, a port, and a path of the characters
 * above; and a whole word, perhaps with punctuation that ends a sentence after it. Anything
 * longer is left to be broken as plain text: markdown-it's linkify reads an address from the
 * Markdown source, so an escape after it would show in the link's text, and an address that an
 * autolinker reads as shorter would leave a host name after it unbroken.
 */
function httpsAddress(end: string): RegExp {
  return new RegExp(
    `https://${LABEL}(?:\\.${LABEL}){0,10}(?::\\d{1,4}(?!\\d))?` +
      `(?:[/?#](?:${PATH_CHAR}|#|${PATH_PUNCTUATION}){1,1000}|/)?` +
      `(?=[.,;:!?)'"]*(?:${end}))`,
    'giy',
  );
}
const HTTPS_ADDRESS = httpsAddress('\\s|$');
/**
 * The same, where the text is followed by Markdown of the app's own, such as the `_` that closes
 * emphasis: linkify-it would read that `_` as part of an address at the end of the text, so an
 * address there is not kept whole.
 */
const HTTPS_ADDRESS_BEFORE_MARK = httpsAddress('\\s');

/** What may come right before an https address for every autolinker to start its link there. */
const BEFORE_ADDRESS = /[\s("',;:]/;

/** A piece of vendor text: an https address, kept whole, or the text around one. */
export interface TextPiece {
  text: string;
  address: boolean;
}

/**
 * The text cut into https addresses and the rest. `escaped` holds the characters that the caller
 * escapes: one may come right before an address (an escape starts markdown-it's run of text
 * anew), but an address with one in it (`#` in a heading) is not kept whole, except `_` and `&`
 * where they mean nothing to Markdown.
 */
export function httpsAddresses(
  text: string,
  escaped: RegExp,
  followed: 'by-nothing' | 'by-mark' = 'by-nothing',
): TextPiece[] {
  const pattern = followed === 'by-mark' ? HTTPS_ADDRESS_BEFORE_MARK : HTTPS_ADDRESS;
  const pieces: TextPiece[] = [];
  let rest = 0;
  for (let at = text.search(/https:\/\//i); at >= 0;) {
    const before = text[at - 1];
    pattern.lastIndex = at;
    const match =
      before === undefined || BEFORE_ADDRESS.test(before) || escaped.test(before)
        ? pattern.exec(text)
        : null;
    let end = at + 1;
    // `_` and `&` stand in an address only where they mean nothing (see PATH_CHAR).
    if (match && !escaped.test(match[0].replace(/[_&]/g, ''))) {
      if (at > rest) pieces.push({ text: text.slice(rest, at), address: false });
      pieces.push({ text: match[0], address: true });
      rest = end = at + match[0].length;
    }
    const next = text.slice(end).search(/https:\/\//i);
    at = next < 0 ? -1 : end + next;
  }
  if (rest < text.length) pieces.push({ text: text.slice(rest), address: false });
  return pieces;
}

/**
 * Plain text (not an https address, not yet escaped) with a WORD JOINER wherever cmark-gfm or
 * linkify-it would start a link other than https: before `://` after any scheme but https,
 * between `xmpp` and `:`, and between `www` and `.` (or the end of the text, where the app's own
 * words may go on with `.` or `:`).
 */
export function joinersAgainstAutolinks(text: string): string {
  return (
    text
      .replace(/(?<![a-z])[a-z]*(?=:\/\/)/gi, (scheme) =>
        /^https$/i.test(scheme) ? scheme : `${scheme}${WORD_JOINER}`,
      )
      .replace(/(?<![a-z])xmpp(?=:)/gi, `$&${WORD_JOINER}`)
      // Also at the end: the app's own words after a vendor text may begin with the `.` or `:`.
      .replace(/www(?=\.|$)/gi, `$&${WORD_JOINER}`)
  );
}

/**
 * What {@link escapesAgainstAutolinks} looks at: an e-mail's domain (left as it is), a dotted
 * quad such as `192.168.0.1` (a host where linkify-it's `fuzzyIP` is on), a `.` before a letter,
 * and `//`.
 */
const AUTOLINK_PARTS = /@[\p{L}\p{N}\u2060.-]*|\d+(?:\.\d+){3,}|\.(?=\p{L})|\/\//gu;

/**
 * Escaped Markdown (not an https address) with the backslashes that keep linkify-it from finding
 * a whole host name or a `//` in any run of text: before each `.` followed by a letter, except in
 * the domain right after an `@` (an e-mail links to `mailto:`, and a host name there is never
 * linked on its own), in a dotted quad such as an IPv4 address, and before the second `/` of `//`.
 */
export function escapesAgainstAutolinks(markdown: string): string {
  return markdown.replace(AUTOLINK_PARTS, (found) => {
    if (found.startsWith('@')) return found;
    if (found === '//') return '/\\/';
    return found.replace(/\./g, '\\.');
  });
}
