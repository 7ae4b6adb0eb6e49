/**
 * Link destinations for the exports. A declaration's links are checked by the schema
 * (`https:` or `mailto:`), but a valid link may still hold characters that end it early where it
 * is written: `https://example.com/x)[Click](javascript:alert(1))` is a valid https address
 * whose `)` closes a Markdown link and starts a `javascript:` one. So every destination is
 * rebuilt here in one canonical form in which no character can close a link in any format.
 */

/**
 * What may stay as it is in a destination: RFC 3986's unreserved and reserved characters, less
 * the brackets and parentheses that close links in Markdown, plus `%` of an existing escape.
 * Everything else (spaces, quotes, `<`, `>`, `\`, controls, any non-ASCII) is percent-encoded
 * as UTF-8, so the result is printable ASCII that means the same address.
 */
const KEEP = /[A-Za-z0-9\-._~!$&'*+,;=:@/?#]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The character's UTF-8 bytes as `%XX` escapes (encodeURIComponent leaves `(` and `)` as they are). */
function percentEncoded(char: string): string {
  return encodeURIComponent(char).replace(
    /[()]/g,
    (paren) => `%${paren.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function encode(text: string): string {
  let out = '';
  // A lone surrogate has no UTF-8 form; it becomes U+FFFD, as a URL parser would make it.
  const chars = [...text.replace(LONE_SURROGATE, '\uFFFD')];
  chars.forEach((char, index) => {
    if (char === '%') {
      // A `%` that starts an escape stays; a bare one is itself encoded.
      const next = chars.slice(index + 1, index + 3).join('');
      out += /^[0-9A-Fa-f]{2}$/.test(next) ? '%' : '%25';
    } else {
      out += KEEP.test(char) ? char : percentEncoded(char);
    }
  });
  return out;
}

function httpsHref(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '') return null;
  const userinfo = url.username
    ? `${encode(url.username)}${url.password ? `:${encode(url.password)}` : ''}@`
    : '';
  // An IPv6 literal keeps its brackets; any other host is encoded like the rest.
  const host = url.host.startsWith('[') ? url.host : encode(url.host);
  return `https://${userinfo}${host}${encode(url.pathname + url.search + url.hash)}`;
}

/**
 * The address to link to, in a form that is safe in a Markdown destination and an HTML
 * attribute alike, or null when it must not be linked: only `https:` addresses with a host and
 * `mailto:` addresses ever become links; anything else is shown as inert text.
 */
export function safeHref(href: string): string | null {
  // A URL parser ignores leading and trailing spaces and controls; so does the check here.
  // eslint-disable-next-line no-control-regex -- controls are what this trims
  const trimmed = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (/^mailto:/i.test(trimmed)) {
    const address = trimmed.slice('mailto:'.length);
    return /^[^\s@]+@[^\s@]+/.test(address) ? `mailto:${encode(address)}` : null;
  }
  return /^https:/i.test(trimmed) ? httpsHref(trimmed) : null;
}
