const LISTING = /^\/apps\/(\d+)(?:\/([^/?#]+))?\/?$/;

/**
 * The Marketplace "Privacy & security" tab of a listing,
 * https://marketplace.atlassian.com/apps/<id>/<slug>?hosting=cloud&tab=privacy-and-security,
 * or null when `marketplaceUrl` is missing or not a listing link.
 */
export function marketplacePrivacyUrl(marketplaceUrl: string | undefined): string | null {
  if (!marketplaceUrl) return null;
  let url: URL;
  try {
    url = new URL(marketplaceUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname !== 'marketplace.atlassian.com') return null;
  const match = LISTING.exec(url.pathname);
  if (!match) return null;
  const [, id, slug] = match;
  const path = slug ? `/apps/${id}/${slug}` : `/apps/${id}`;
  return `https://marketplace.atlassian.com${path}?hosting=cloud&tab=privacy-and-security`;
}
