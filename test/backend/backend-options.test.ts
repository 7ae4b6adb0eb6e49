import { RESOLVER_KEYS } from '@declaration';
import Resolver from '@forge/resolver';
import { describe, expect, it } from 'vitest';
import { BUNDLED_DECLARATION } from '../../src/backend/bundled-declaration.generated.ts';
import { createDisclosureBackend } from '../../src/backend/create-backend.ts';
import { loadExample } from '../examples/load-example.ts';
import {
  CONFLUENCE_ADMIN,
  MEMBER,
  MODULE_KEYS,
  SITE_ADMIN,
  useLocalForge,
} from './forge-harness.ts';

// A vendor's app embeds the disclosure with its own module keys and its own resolver.

const { forge, call } = useLocalForge();
const techtime = loadExample('examples/techtime-user-management.yaml');

/** TechTime's app: a Jira admin page, a Confluence settings page, and a reader's global page. */
const techtimeApp = () =>
  createDisclosureBackend({
    declaration: techtime,
    adminModuleKeys: {
      jira: ['techtime-user-admin'],
      confluence: ['techtime-confluence-settings'],
    },
    keyPrefix: 'techtime:privacy:',
  });

describe('createDisclosureBackend', () => {
  it('lets only the configured admin modules record reviews, each asking its own product', async () => {
    const app = techtimeApp();
    await app.lifecycle({ app: { version: '5.2.0' } });
    const asJira = { moduleKey: 'techtime-user-admin', user: SITE_ADMIN };
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, asJira, app.handler);
    expect(view.data).toMatchObject({ canReview: true, declaration: techtime });
    expect(
      await call(RESOLVER_KEYS.markReviewed, { version: 1 }, asJira, app.handler),
    ).toMatchObject({ ok: true });
    const asConfluence = { moduleKey: 'techtime-confluence-settings', user: CONFLUENCE_ADMIN };
    expect(
      await call(RESOLVER_KEYS.markReviewed, { version: 1 }, asConfluence, app.handler),
    ).toMatchObject({ ok: true });

    // This app's own admin page is not one of TechTime's, nor is TechTime's reader page.
    const before = forge().snapshot();
    for (const as of [
      { moduleKey: MODULE_KEYS.jiraAdminPage, user: SITE_ADMIN },
      { moduleKey: 'techtime-global-page', user: SITE_ADMIN },
      { moduleKey: 'techtime-user-admin', user: MEMBER },
      { moduleKey: 'techtime-user-admin', user: CONFLUENCE_ADMIN },
    ]) {
      const answer = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, as, app.handler);
      expect(answer, as.moduleKey).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(forge().snapshot()).toEqual(before);
    const reader = await call(
      RESOLVER_KEYS.getDisclosure,
      {},
      { moduleKey: 'techtime-global-page', user: MEMBER },
      app.handler,
    );
    expect(reader.data.canReview).toBe(false);
  });

  it('says where reviews are recorded, and that none can be when no admin module is given', async () => {
    const jiraOnly = createDisclosureBackend({
      declaration: techtime,
      adminModuleKeys: { jira: ['techtime-user-admin'] },
    });
    const readOnly = createDisclosureBackend({ declaration: techtime, adminModuleKeys: {} });
    await readOnly.lifecycle({ app: { version: '5.2.0' } });
    const as = { moduleKey: 'techtime-global-page', user: SITE_ADMIN };
    const refused = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, as, jiraOnly.handler);
    expect(refused.error.message).toBe(
      'Reviews can only be recorded from the Jira administration page of this app.',
    );
    const none = await call(RESOLVER_KEYS.markReviewed, { version: 1 }, as, readOnly.handler);
    expect(none.error.message).toBe('Reviews cannot be recorded in this app.');
  });

  it('registers its resolver functions on the app’s own Resolver, beside the app’s', async () => {
    const app = techtimeApp();
    const resolver = new Resolver();
    resolver.define('timesheets/list', () => ({ timesheets: [] }));
    app.register(resolver);
    const handle = resolver.getDefinitions();
    const invoke = (functionKey: string, payload: unknown) =>
      handle(
        { call: { functionKey, payload }, context: { moduleKey: 'techtime-user-admin' } },
        { principal: { accountId: SITE_ADMIN.accountId } },
      );
    forge().setActingUser(SITE_ADMIN.accountId);
    expect(await invoke('timesheets/list', {})).toEqual({ timesheets: [] });
    const view = (await invoke(RESOLVER_KEYS.getDisclosure, {})) as { ok: boolean; data: unknown };
    expect(view).toMatchObject({ ok: true, data: { canReview: true, version: { version: 1 } } });
    expect(await invoke(RESOLVER_KEYS.markReviewed, { version: 1 })).toMatchObject({
      ok: true,
      data: { review: { accountId: SITE_ADMIN.accountId } },
    });
    expect(
      Object.keys(forge().snapshot()).every((key) => key.startsWith('techtime:privacy:')),
    ).toBe(true);
  });

  it('refuses options it cannot work with, naming the option', () => {
    const declaration = BUNDLED_DECLARATION;
    const create = (options: unknown) => () => createDisclosureBackend(options as never);
    expect(create(undefined)).toThrow(/needs options: \{ declaration, adminModuleKeys \}/);
    expect(create({ adminModuleKeys: {} })).toThrow(/declaration is missing/);
    expect(create({ declaration })).toThrow(/adminModuleKeys must be an object/);
    expect(create({ declaration, adminModuleKeys: { jira: 'admin-page' } })).toThrow(
      /adminModuleKeys.jira must be a list of module keys/,
    );
    expect(create({ declaration, adminModuleKeys: { jira: ['admin page'] } })).toThrow(
      /adminModuleKeys.jira\[0\] is not a module key .*"admin page"/,
    );
    expect(create({ declaration, adminModuleKeys: { bitbucket: ['repo-settings'] } })).toThrow(
      /adminModuleKeys.bitbucket: only "jira" and "confluence"/,
    );
    expect(
      create({ declaration, adminModuleKeys: { jira: ['settings'], confluence: ['settings'] } }),
    ).toThrow(/"settings" is listed for both jira and confluence/);
  });

  it('refuses an invalid declaration when it publishes, with its problems, and stores nothing', async () => {
    const broken = structuredClone(techtime) as unknown as { purposes: unknown[] };
    broken.purposes = [];
    const app = createDisclosureBackend({
      declaration: broken,
      adminModuleKeys: { jira: ['techtime-user-admin'] },
    });
    const failure = await app.lifecycle({ app: { version: '5.2.0' } }).catch((error) => error);
    expect(failure.code).toBe('INVALID_DECLARATION');
    expect(failure.message).toMatch(/^The declaration is not valid: purposes/);
    expect(forge().snapshot()).toEqual({});
  });
});
