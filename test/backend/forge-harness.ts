import { afterEach, beforeEach } from 'vitest';
import type { ResolverHandler } from '../../src/backend/resolvers.ts';
import { handler as ownHandler } from '../../src/index.ts';
import {
  createLocalForge,
  type LocalForge,
  type LocalForgeUser,
} from '../../src/local/forge/index.ts';
import { MODULE_KEYS } from '../../src/backend/module-keys.ts';

/** A Jira and Confluence administrator. */
export const SITE_ADMIN: LocalForgeUser = {
  accountId: '557058:f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f607',
  jiraAdmin: true,
  confluenceAdmin: true,
};
/** Administers Confluence only. */
export const CONFLUENCE_ADMIN: LocalForgeUser = {
  accountId: '5d9f2e1a0c7b4a0012e3f4a5',
  jiraAdmin: false,
  confluenceAdmin: true,
};
/** Someone on the site who administers nothing. */
export const MEMBER: LocalForgeUser = {
  accountId: '5b10ac8d82e05b22cc7d4ef5',
  jiraAdmin: false,
  confluenceAdmin: false,
};

export { MODULE_KEYS };

/** Who calls: the module the page belongs to and the acting user (null: anonymous). */
export interface As {
  moduleKey: string;
  user: LocalForgeUser | null;
}

/** A fresh local Forge runtime for each test, with the real SDKs routed to it. */
export function useLocalForge(): {
  forge: () => LocalForge;
  // The answer is JSON as the page receives it; tests assert its shape instead of trusting a type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call: (functionKey: string, payload: unknown, as: As, handler?: ResolverHandler) => Promise<any>;
} {
  let forge: LocalForge | undefined;
  beforeEach(() => {
    forge = createLocalForge({ users: [SITE_ADMIN, CONFLUENCE_ADMIN, MEMBER] }).install();
  });
  afterEach(() => {
    forge?.uninstall();
    forge = undefined;
  });
  const current = () => {
    if (!forge) throw new Error('useLocalForge: no runtime outside a test');
    return forge;
  };
  return {
    forge: current,
    /**
     * Calls a Forge handler (this app's own unless another is given) the way the platform does:
     * call + context, principal aside.
     */
    async call(functionKey, payload, as, handler = ownHandler) {
      current().setActingUser(as.user?.accountId ?? null);
      return handler(
        { call: { functionKey, payload: payload as never }, context: { moduleKey: as.moduleKey } },
        as.user ? { principal: { accountId: as.user.accountId } } : {},
      );
    },
  };
}

/** A page view on the Confluence global page by someone who administers nothing. */
export const READER: As = { moduleKey: MODULE_KEYS.confluenceGlobalPage, user: MEMBER };
/** The Jira admin page opened by a site admin. */
export const JIRA_ADMIN_PAGE: As = { moduleKey: MODULE_KEYS.jiraAdminPage, user: SITE_ADMIN };
