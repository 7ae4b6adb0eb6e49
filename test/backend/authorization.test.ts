import { RESOLVER_KEYS } from '@declaration';
import { beforeEach, describe, expect, it } from 'vitest';
import { publishDeclaration } from '../../src/backend/publish.ts';
import { loadExample } from '../examples/load-example.ts';
import {
  CONFLUENCE_ADMIN,
  MEMBER,
  MODULE_KEYS,
  SITE_ADMIN,
  useLocalForge,
  type As,
} from './forge-harness.ts';

const { forge, call } = useLocalForge();
const openSource = loadExample('examples/open-source-consulting-apps.yaml');

beforeEach(async () => {
  await publishDeclaration(openSource, '1.0.0');
});

async function expectRefused(as: As, payload: unknown, code = 'FORBIDDEN'): Promise<string> {
  const before = forge().snapshot();
  const answer = await call(RESOLVER_KEYS.markReviewed, payload, as);
  expect(answer).toMatchObject({ ok: false, error: { code } });
  expect(forge().snapshot()).toEqual(before);
  return answer.error.message;
}

describe('review/mark', () => {
  it('refuses a site admin calling from a page that is not an admin page, without asking the product', async () => {
    forge().stats.reset();
    const message = await expectRefused(
      { moduleKey: MODULE_KEYS.confluenceGlobalPage, user: SITE_ADMIN },
      { version: 1 },
    );
    expect(message).toMatch(/Jira administration page or the Confluence settings page/);
    expect(forge().stats.productCalls).toBe(0);
    // The Jira global page is for every Jira user: a Jira admin reading there does not review.
    await expectRefused(
      { moduleKey: MODULE_KEYS.jiraGlobalPage, user: SITE_ADMIN },
      { version: 1 },
    );
    expect(forge().stats.productCalls).toBe(0);
    await expectRefused({ moduleKey: 'some-other-module', user: SITE_ADMIN }, { version: 1 });
  });

  it('refuses users the product does not confirm as administrators', async () => {
    expect(
      await expectRefused({ moduleKey: MODULE_KEYS.jiraAdminPage, user: MEMBER }, { version: 1 }),
    ).toMatch(/Only Jira administrators/);
    // A Confluence admin is not a Jira admin: the Jira admin page asks Jira.
    await expectRefused(
      { moduleKey: MODULE_KEYS.jiraAdminPage, user: CONFLUENCE_ADMIN },
      { version: 1 },
    );
    await expectRefused(
      { moduleKey: MODULE_KEYS.confluenceGlobalSettings, user: MEMBER },
      { version: 1 },
    );
    await expectRefused({ moduleKey: MODULE_KEYS.jiraAdminPage, user: null }, { version: 1 });
  });

  it('ignores a module key smuggled into the payload', async () => {
    await expectRefused(
      { moduleKey: MODULE_KEYS.confluenceGlobalPage, user: SITE_ADMIN },
      { version: 1, moduleKey: MODULE_KEYS.jiraAdminPage },
      'INVALID_PAYLOAD',
    );
  });

  it('refuses a version that was never published, and records one that was', async () => {
    const settings = { moduleKey: MODULE_KEYS.confluenceGlobalSettings, user: CONFLUENCE_ADMIN };
    await expectRefused(settings, { version: 2 }, 'NOT_FOUND');
    const answer = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, settings);
    expect(answer.data.review).toMatchObject({ version: 1, accountId: CONFLUENCE_ADMIN.accountId });
  });
});
