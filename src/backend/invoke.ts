import { MODULE_KEYS } from './module-keys.ts';
import { resolverHandler } from './resolvers.ts';

/** Who is calling and from where, as the Forge platform would tell the resolver. */
export interface InvocationContext {
  /** The manifest module the page belongs to (see MODULE_KEYS). */
  moduleKey: string;
  /** The acting user's Atlassian account id; omitted for an anonymous visitor. */
  accountId?: string;
  /** e.g. "en-US"; passed through in the context like Forge does. */
  locale?: string;
  /** e.g. "https://example.atlassian.net". */
  siteUrl?: string;
}

/**
 * Runs the real resolver handler exactly as Forge invokes it: the call (`functionKey`, `payload`)
 * and the module context in the first argument, the principal in the backend runtime payload.
 * For the local preview, which answers the page's `invoke` through this.
 */
export function invokeResolver(
  functionKey: string,
  payload: unknown,
  context: InvocationContext,
): Promise<unknown> {
  return resolverHandler(
    {
      call: { functionKey, payload: payload as never },
      context: {
        moduleKey: context.moduleKey,
        localId: `${context.moduleKey}-local`,
        locale: context.locale ?? 'en-US',
        siteUrl: context.siteUrl ?? 'http://localhost',
        extension: { type: extensionType(context.moduleKey) },
      },
    },
    context.accountId === undefined ? {} : { principal: { accountId: context.accountId } },
  );
}

/** The module type Forge reports in `context.extension.type` for each of the app's modules. */
const EXTENSION_TYPES: Record<string, string> = {
  [MODULE_KEYS.jiraAdminPage]: 'jira:adminPage',
  [MODULE_KEYS.confluenceGlobalPage]: 'confluence:globalPage',
  [MODULE_KEYS.confluenceGlobalSettings]: 'confluence:globalSettings',
};

function extensionType(moduleKey: string): string {
  return EXTENSION_TYPES[moduleKey] ?? 'unknown';
}
