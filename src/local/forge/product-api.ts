/** A site user as the local product API knows them. */
export interface ProductUser {
  accountId: string;
  jiraAdmin: boolean;
  confluenceAdmin: boolean;
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
    displayName: user.accountId,
  };
  if (expand.includes('operations')) {
    body.operations = [
      { operation: 'use', targetType: 'application' },
      ...(user.confluenceAdmin ? [{ operation: 'administer', targetType: 'application' }] : []),
    ];
  }
  return { status: 200, body };
}

/**
 * Answers a Jira or Confluence REST request for the acting user: the two permission endpoints
 * this app relies on, 401 when asUser() is called with nobody acting, 404 for anything else.
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
  return notFound(`${spec.remote ?? 'unknown product'} ${url.pathname}`);
}
