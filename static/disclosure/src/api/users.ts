import { CLOSED_ACCOUNT_ID } from '@declaration/api.ts';
import { loadBridge } from './bridge.ts';

/** The product whose user API the page asks, from the module it runs in. */
export type UserProduct = 'jira' | 'confluence';

/** `jira:adminPage` → `jira`; a module of neither product (or an unknown host) → null. */
export function productOf(extensionType: string): UserProduct | null {
  const product = extensionType.split(':')[0];
  return product === 'jira' || product === 'confluence' ? product : null;
}

/**
 * Ids per request: both APIs answer at most 200 users a request (Confluence says so; Jira pages
 * with `maxResults`), and 100 account ids keep the URL well under any proxy's limit.
 */
export const IDS_PER_REQUEST = 100;

/**
 * The names looked up during this page view: a name, or null when the look-up failed or the
 * product did not know the account. Null is kept too, so a failure is not asked again and again
 * by every render; reloading the page asks afresh.
 */
const cache = new Map<string, string | null>();
/** Look-ups on their way, so that two components asking at once share one request. */
const pending = new Map<string, Promise<void>>();

/** Forgets every name (for tests; a page view has one cache). */
export function clearDisplayNames(): void {
  cache.clear();
  pending.clear();
}

type Fetch = (path: string) => Promise<Response>;

function namesFrom(users: unknown): [string, string][] {
  if (!Array.isArray(users)) return [];
  return users.flatMap((user: unknown) => {
    const { accountId, displayName } = (user ?? {}) as Record<string, unknown>;
    return typeof accountId === 'string' && typeof displayName === 'string' && displayName.trim()
      ? [[accountId, displayName.trim()] as [string, string]]
      : [];
  });
}

async function json(response: Response): Promise<Record<string, unknown>> {
  if (response.status !== 200) throw new Error(`The user look-up answered ${response.status}.`);
  const body: unknown = await response.json();
  if (typeof body !== 'object' || body === null) throw new Error('The user look-up is not JSON.');
  return body as Record<string, unknown>;
}

/** Jira's `GET /rest/api/3/user/bulk` (scope read:jira-user): `values`, paged by `startAt`. */
async function jiraNames(ids: string[], fetch: Fetch): Promise<[string, string][]> {
  const query = ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
  const found: [string, string][] = [];
  for (let startAt = 0; startAt < ids.length;) {
    const body = await json(
      await fetch(`/rest/api/3/user/bulk?${query}&startAt=${startAt}&maxResults=${ids.length}`),
    );
    const values = Array.isArray(body.values) ? body.values : [];
    found.push(...namesFrom(values));
    if (body.isLast !== false || values.length === 0) break;
    startAt += values.length;
  }
  return found;
}

/** Confluence's `GET /wiki/rest/api/user/bulk` (scope read:confluence-user): `results`. */
async function confluenceNames(ids: string[], fetch: Fetch): Promise<[string, string][]> {
  const query = ids.map(encodeURIComponent).join(',');
  const body = await json(
    await fetch(`/wiki/rest/api/user/bulk?accountId=${query}&limit=${ids.length}`),
  );
  return namesFrom(body.results);
}

async function lookUp(ids: string[], product: UserProduct): Promise<void> {
  try {
    const bridge = await loadBridge();
    const fetch: Fetch =
      product === 'jira'
        ? (path) => bridge.requestJira(path)
        : (path) => bridge.requestConfluence(path);
    const names = new Map(
      await (product === 'jira' ? jiraNames(ids, fetch) : confluenceNames(ids, fetch)),
    );
    for (const id of ids) cache.set(id, names.get(id) ?? null);
  } catch {
    // The page shows the account id instead: the names are a courtesy, the review still stands.
    for (const id of ids) cache.set(id, null);
  }
}

/**
 * The display names of `accountIds`, as the viewing user may see them through the product's user
 * API: one request for all the ids not looked up yet in this page view (more only past
 * {@link IDS_PER_REQUEST} ids). An id missing from the answer has no name: the page shows the id.
 * The id of a closed account is never sent (it is not an account id).
 */
export async function displayNames(
  accountIds: readonly string[],
  product: UserProduct | null,
): Promise<Record<string, string>> {
  const wanted = [...new Set(accountIds)].filter((id) => id && id !== CLOSED_ACCOUNT_ID);
  if (product) {
    const missing = wanted.filter((id) => !cache.has(id) && !pending.has(id));
    for (let start = 0; start < missing.length; start += IDS_PER_REQUEST) {
      const chunk = missing.slice(start, start + IDS_PER_REQUEST);
      const request = lookUp(chunk, product);
      for (const id of chunk) pending.set(id, request);
      void request.finally(() => chunk.forEach((id) => pending.delete(id)));
    }
    await Promise.all(wanted.map((id) => pending.get(id)));
  }
  const names: Record<string, string> = {};
  for (const id of wanted) {
    const name = cache.get(id);
    if (name) names[id] = name;
  }
  return names;
}
