/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Whether a link may be made clickable: only https and mailto, so that a declaration can never
 * put a javascript:, data: or http: link on a vendor's page.
 */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('mailto:')) return !/[\s<>"]/.test(href);
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Escapes text for Markdown so it shows as written: backslash-escapes the characters that start
 * emphasis, code, links or table cells, escapes block markers at the start, and turns `<` and `&`
 * into entities (Markdown passes raw HTML through). Line breaks become spaces: every text sits
 * on one line of a list item or table row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Quotes a CSV field per RFC 4180 when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
