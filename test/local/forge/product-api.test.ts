import api, { route } from '@forge/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalForge, type LocalForge } from '../../../src/local/forge/index.ts';

// Account ids shaped like Atlassian's; the two people are a Jira admin and a Confluence-only admin.
const JIRA_ADMIN = '5b10ac8d82e05b22cc7d4ef5';
const CONFLUENCE_ADMIN = '712020:2b1e7c55-4b0a-4cf5-9d0e-3f0c8e1d2a6b';
const READER = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';

let forge: LocalForge;
beforeEach(() => {
  forge = createLocalForge({
    users: [
      { accountId: JIRA_ADMIN, jiraAdmin: true, confluenceAdmin: false },
      { accountId: CONFLUENCE_ADMIN, jiraAdmin: false, confluenceAdmin: true },
    ],
  }).install();
});
afterEach(() => forge.uninstall());

const jiraAdminister = () =>
  api.asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
const confluenceOperations = () =>
  api.asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`);

async function isJiraAdmin(): Promise<boolean> {
  const response = await jiraAdminister();
  const body = (await response.json()) as {
    permissions: { ADMINISTER: { key: string; havePermission: boolean } };
  };
  expect(body.permissions.ADMINISTER.key).toBe('ADMINISTER');
  return body.permissions.ADMINISTER.havePermission;
}

async function isConfluenceAdmin(): Promise<boolean> {
  const response = await confluenceOperations();
  const body = (await response.json()) as {
    accountId: string;
    operations: Array<{ operation: string; targetType: string }>;
  };
  return body.operations.some(
    (o) => o.operation === 'administer' && o.targetType === 'application',
  );
}

describe('product permission API', () => {
  it('answers ADMINISTER for a Jira admin and not for a Confluence-only admin', async () => {
    forge.setActingUser(JIRA_ADMIN);
    expect(await isJiraAdmin()).toBe(true);
    expect(await isConfluenceAdmin()).toBe(false);
    forge.setActingUser(CONFLUENCE_ADMIN);
    expect(await isJiraAdmin()).toBe(false);
    expect(await isConfluenceAdmin()).toBe(true);
  });

  it('treats an unknown user as a non-admin and reports their account id', async () => {
    forge.setActingUser(READER);
    expect(await isJiraAdmin()).toBe(false);
    const body = (await (await confluenceOperations()).json()) as { accountId: string };
    expect(body.accountId).toBe(READER);
  });

  it('follows setUser: a promoted user becomes an admin', async () => {
    forge.setActingUser(READER);
    forge.setUser({ accountId: READER, jiraAdmin: true, confluenceAdmin: true });
    expect(await isJiraAdmin()).toBe(true);
    expect(await isConfluenceAdmin()).toBe(true);
  });

  it('answers 401 when no user acts', async () => {
    forge.setActingUser(null);
    expect((await jiraAdminister()).status).toBe(401);
    expect((await confluenceOperations()).status).toBe(401);
  });

  it('never answers asApp() as an admin, even when an admin is acting', async () => {
    forge.setActingUser(JIRA_ADMIN);
    const response = await api
      .asApp()
      .requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`);
    const body = (await response.json()) as {
      permissions: { ADMINISTER: { havePermission: boolean } };
    };
    expect(body.permissions.ADMINISTER.havePermission).toBe(false);
  });

  it('answers 404 for any other endpoint, and counts product calls apart from storage', async () => {
    forge.setActingUser(JIRA_ADMIN);
    expect((await api.asUser().requestJira(route`/rest/api/3/issue/${'PRIV-1'}`)).status).toBe(404);
    expect((await api.asUser().requestConfluence(route`/wiki/rest/api/space`)).status).toBe(404);
    await jiraAdminister();
    expect(forge.stats.productCalls).toBe(3);
    expect(forge.stats.storageCalls).toBe(0);
  });
});

describe('user look-ups (what the page asks through requestJira / requestConfluence)', () => {
  beforeEach(() => {
    forge.setUser({
      accountId: JIRA_ADMIN,
      jiraAdmin: true,
      confluenceAdmin: false,
      displayName: 'Mia Krystof',
    });
    forge.setUser({
      accountId: CONFLUENCE_ADMIN,
      jiraAdmin: false,
      confluenceAdmin: true,
      displayName: 'Alex Admin',
    });
    forge.setActingUser(READER);
  });

  const json = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
  });

  it('Jira user/bulk pages by startAt and maxResults and leaves out accounts it does not know', async () => {
    const path = `/rest/api/3/user/bulk?accountId=${JIRA_ADMIN}&accountId=${READER}&accountId=${CONFLUENCE_ADMIN}`;
    const first = await json(await forge.fetchProduct('jira', `${path}&maxResults=1`));
    expect(first).toEqual({
      status: 200,
      body: {
        maxResults: 1,
        startAt: 0,
        total: 2,
        isLast: false,
        values: [
          {
            accountId: JIRA_ADMIN,
            accountType: 'atlassian',
            active: true,
            displayName: 'Mia Krystof',
          },
        ],
      },
    });
    const rest = await json(await forge.fetchProduct('jira', `${path}&startAt=1&maxResults=5`));
    expect(rest.body).toMatchObject({ isLast: true, values: [{ displayName: 'Alex Admin' }] });
    expect((await forge.fetchProduct('jira', '/rest/api/3/user/bulk')).status).toBe(400);
  });

  it('Confluence user/bulk takes the ids comma-separated, and a limit from 1 to 200', async () => {
    const { body } = await json(
      await forge.fetchProduct(
        'confluence',
        `/wiki/rest/api/user/bulk?accountId=${CONFLUENCE_ADMIN},${JIRA_ADMIN}&limit=2`,
      ),
    );
    expect(body.results).toEqual([
      expect.objectContaining({ accountId: CONFLUENCE_ADMIN, displayName: 'Alex Admin' }),
      expect.objectContaining({ accountId: JIRA_ADMIN, displayName: 'Mia Krystof' }),
    ]);
    const tooMany = await forge.fetchProduct(
      'confluence',
      `/wiki/rest/api/user/bulk?accountId=${JIRA_ADMIN}&limit=500`,
    );
    expect(tooMany.status).toBe(400);
  });

  it('a product fault answers every request to its path until cleared, and is counted', async () => {
    forge.faults.failProduct('/rest/api/3/user/bulk', { status: 429 });
    forge.stats.reset();
    const path = `/rest/api/3/user/bulk?accountId=${JIRA_ADMIN}`;
    expect((await forge.fetchProduct('jira', path)).status).toBe(429);
    expect((await forge.fetchProduct('jira', path)).status).toBe(429);
    expect(await isJiraAdmin()).toBe(false);
    expect(forge.stats.productCalls).toBe(3);
    forge.faults.clear();
    expect((await forge.fetchProduct('jira', path)).status).toBe(200);
    expect(() => forge.faults.failProduct('/x', { status: 42 })).toThrow(/needs an HTTP status/);
  });
});
