import { RESOLVER_KEYS } from '@declaration';
import { describe, expect, it } from 'vitest';
import { invokeResolver } from '../../src/backend/invoke.ts';
import { MODULE_KEYS, SITE_ADMIN, useLocalForge } from './forge-harness.ts';

const { forge } = useLocalForge();

describe('invokeResolver (for the local preview)', () => {
  it('runs the real handler with the module and principal Forge would send', async () => {
    const view = (await invokeResolver(
      RESOLVER_KEYS.getDisclosure,
      {},
      {
        moduleKey: MODULE_KEYS.jiraAdminPage,
        accountId: SITE_ADMIN.accountId,
      },
    )) as { ok: boolean; data: { canReview: boolean; version: { version: number } } };
    expect(view.ok).toBe(true);
    expect(view.data.canReview).toBe(true);

    forge().setActingUser(SITE_ADMIN.accountId);
    const review = await invokeResolver(
      RESOLVER_KEYS.markReviewed,
      { version: 1 },
      {
        moduleKey: MODULE_KEYS.jiraAdminPage,
        accountId: SITE_ADMIN.accountId,
      },
    );
    expect(review).toMatchObject({
      ok: true,
      data: { review: { accountId: SITE_ADMIN.accountId } },
    });

    const anonymous = await invokeResolver(
      RESOLVER_KEYS.markReviewed,
      { version: 1 },
      {
        moduleKey: MODULE_KEYS.jiraAdminPage,
      },
    );
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
