/**
 * Declaration links are validated on publish, but the page renders them again from storage and
 * from older versions: only https: and mailto: ever become a link, anything else (javascript:,
 * data:, relative paths) is shown as plain text.
 */
export function safeExternalUrl(value: string | undefined | null): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol === 'https:' && url.hostname) return url.href;
  if (url.protocol === 'mailto:' && url.pathname.includes('@')) return url.href;
  return null;
}

/** What a person sees for a link: the address without "mailto:" or "https://". */
export function displayUrl(url: string): string {
  return url
    .replace(/^mailto:/, '')
    .replace(/^https:\/\//, '')
    .replace(/\/$/, '');
}
