/** A site user as the local product API knows them. */
export interface ProductUser {
  accountId: string;
  jiraAdmin: boolean;
  confluenceAdmin: boolean;
  /** The name the products show for them; without one, they are unknown to user look-ups. */
  displayName?: string;
}

/** How `@forge/api` describes a product request to `__forge_fetch__`. */
export interface ProductRequestSpec {
  type?: string;
  /** `user` for `asUser()`, `app` for `asApp()`, `none` for the bare `requestJira` export. */
  provider?: string;
  /** `jira`, `confluence`, `bitbucket`, `stargate`. */
  remote?: string;
  /** The account passed to `asUser(accountId)`, if any. */
  accountId?: string;
}

/** A product answer: status plus JSON body. */
export interface ProductAnswer {
  status: number;
  body: unknown;
}

const notFound = (what: string): ProductAnswer => ({
  status: 404,
  body: { errorMessages: [`The local product API does not serve ${what}.`], errors: {} },
});

/** The identity a request acts as, or null when it is asUser() with nobody acting. */
function principal(
  spec: ProductRequestSpec,
  actingUser: string | null,
  users: Map<string, ProductUser>,
): ProductUser | null {
  if (spec.provider === 'user') {
    const accountId = spec.accountId ?? actingUser;
    if (!accountId) return null;
    return users.get(accountId) ?? { accountId, jiraAdmin: false, confluenceAdmin: false };
  }
  // asApp() (and the bare export) act as the app's own user, which administers nothing on the site.
  return { accountId: 'local-forge-app-user', jiraAdmin: false, confluenceAdmin: false };
}

function jiraMyPermissions(user: ProductUser, url: URL): ProductAnswer {
  const asked = url.searchParams.get('permissions');
  if (!asked) {
    return {
      status: 400,
      body: { errorMessages: ['The permissions query parameter was not provided.'], errors: {} },
    };
  }
  const permissions: Record<string, unknown> = {};
  for (const key of asked
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)) {
    // Only ADMINISTER is modelled; any other permission is answered as not held.
    permissions[key] = {
      id: key === 'ADMINISTER' ? '0' : key,
      key,
      name: key,
      type: 'GLOBAL',
      havePermission: key === 'ADMINISTER' && user.jiraAdmin,
    };
  }
  return { status: 200, body: { permissions } };
}

function confluenceCurrentUser(user: ProductUser, url: URL): ProductAnswer {
  const expand = (url.searchParams.get('expand') ?? '').split(',').map((e) => e.trim());
  const body: Record<string, unknown> = {
    type: 'known',
    accountId: user.accountId,
    accountType: user.accountId === 'local-forge-app-user' ? 'app' : 'atlassian',
    displayName: user.displayName ?? user.accountId,
  };
  if (expand.includes('operations')) {
    body.operations = [
      { operation: 'use', targetType: 'application' },
      ...(user.confluenceAdmin ? [{ operation: 'administer', targetType: 'application' }] : []),
    ];
  }
  return { status: 200, body };
}

const badRequest = (message: string): ProductAnswer => ({
  status: 400,
  body: { errorMessages: [message], errors: {} },
});

/** The site's users with a display name among `ids`, in the order asked, each once. */
function known(ids: string[], users: Map<string, ProductUser>): ProductUser[] {
  return [...new Set(ids)].flatMap((id) => {
    const user = users.get(id);
    return user?.displayName ? [user] : [];
  });
}

/** A whole number from a query parameter, or `fallback`; null when it is not one. */
function whole(url: URL, name: string, fallback: number): number | null {
  const value = url.searchParams.get(name);
  if (value === null) return fallback;
  return /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * Jira's `GET /rest/api/3/user/bulk`: `accountId` repeated, paged by `startAt` and `maxResults`
 * (default 10, as Jira's; at most 200 here). Accounts it does not know are left out.
 */
function jiraUserBulk(url: URL, users: Map<string, ProductUser>): ProductAnswer {
  const ids = url.searchParams.getAll('accountId').filter(Boolean);
  if (ids.length === 0) return badRequest('The accountId query parameter was not provided.');
  const startAt = whole(url, 'startAt', 0);
  const maxResults = whole(url, 'maxResults', 10);
  if (startAt === null || maxResults === null)
    return badRequest('startAt and maxResults must be whole numbers.');
  const found = known(ids, users);
  const values = found.slice(startAt, startAt + Math.min(maxResults, 200));
  return {
    status: 200,
    body: {
      maxResults,
      startAt,
      total: found.length,
      isLast: startAt + values.length >= found.length,
      values: values.map((user) => ({
        accountId: user.accountId,
        accountType: 'atlassian',
        active: true,
        displayName: user.displayName,
      })),
    },
  };
}

/**
 * Confluence's `GET /wiki/rest/api/user/bulk`: `accountId` as one comma-separated list, at most
 * `limit` (1 to 200) users answered. Accounts it does not know are left out.
 */
function confluenceUserBulk(url: URL, users: Map<string, ProductUser>): ProductAnswer {
  const ids = (url.searchParams.get('accountId') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) return badRequest('The accountId query parameter was not provided.');
  const limit = whole(url, 'limit', 200);
  if (limit === null || limit < 1 || limit > 200)
    return badRequest('limit must be a whole number from 1 to 200.');
  const results = known(ids, users)
    .slice(0, limit)
    .map((user) => ({
      type: 'known',
      accountId: user.accountId,
      accountType: 'atlassian',
      displayName: user.displayName,
      publicName: user.displayName,
    }));
  return { status: 200, body: { results, start: 0, limit, size: results.length } };
}

/**
 * Answers a Jira or Confluence REST request for the acting user: the two permission endpoints
 * this app relies on, the two user look-ups its page makes, 401 when asUser() is called with
 * nobody acting, 404 for anything else.
 */
export function handleProductRequest(
  spec: ProductRequestSpec,
  path: string,
  method: string,
  actingUser: string | null,
  users: Map<string, ProductUser>,
): ProductAnswer {
  const user = principal(spec, actingUser, users);
  if (!user) {
    return {
      status: 401,
      body: {
        code: 401,
        message: 'Unauthorized; asUser() was called but no user is acting in this invocation.',
      },
    };
  }
  const url = new URL(path, 'https://local-forge.invalid');
  if (method.toUpperCase() !== 'GET') return notFound(`${method} ${url.pathname}`);
  if (spec.remote === 'jira' && url.pathname === '/rest/api/3/mypermissions')
    return jiraMyPermissions(user, url);
  if (spec.remote === 'confluence' && url.pathname === '/wiki/rest/api/user/current')
    return confluenceCurrentUser(user, url);
  if (spec.remote === 'jira' && url.pathname === '/rest/api/3/user/bulk')
    return jiraUserBulk(url, users);
  if (spec.remote === 'confluence' && url.pathname === '/wiki/rest/api/user/bulk')
    return confluenceUserBulk(url, users);
  return notFound(`${spec.remote ?? 'unknown product'} ${url.pathname}`);
}
