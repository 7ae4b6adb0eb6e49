import { asUser, route, type APIResponse } from '@forge/api';
import type { AdminModules } from './admin-modules.ts';
import { DisclosureError } from './errors.ts';

/** The calling user as the platform identifies them (never from the payload). */
export interface Caller {
  moduleKey: unknown;
  accountId: unknown;
}

function forbidden(message: string): DisclosureError {
  return new DisclosureError('FORBIDDEN', message);
}

const WHERE_REVIEWS_ARE_RECORDED = {
  jira: 'the Jira administration page',
  confluence: 'the Confluence settings page',
} as const;

/**
 * Allows a write only from a configured admin module (say, the Jira admin page or the Confluence
 * settings page) and only for a user the product itself confirms is an administrator, asked as
 * that user. Throws FORBIDDEN otherwise; answers with the account id to record.
 */
export async function requireProductAdmin(caller: Caller, admins: AdminModules): Promise<string> {
  const product = admins.productOf(caller.moduleKey);
  if (!product) {
    const pages = admins.products.map((name) => WHERE_REVIEWS_ARE_RECORDED[name]);
    throw forbidden(
      pages.length === 0
        ? 'Reviews cannot be recorded in this app.'
        : `Reviews can only be recorded from ${pages.join(' or ')} of this app.`,
    );
  }
  if (typeof caller.accountId !== 'string' || caller.accountId.length === 0) {
    throw forbidden('Log in as an administrator to record a review.');
  }
  let isAdmin: boolean;
  try {
    isAdmin = product === 'jira' ? await isJiraAdmin() : await isConfluenceAdmin();
  } catch (error) {
    if (error instanceof DisclosureError) throw error;
    const name = product === 'jira' ? 'Jira' : 'Confluence';
    throw new DisclosureError(
      'FORBIDDEN',
      `${name} could not be asked whether you are an administrator; nothing was recorded. Try again.`,
      { cause: error },
    );
  }
  if (!isAdmin) {
    const who = product === 'jira' ? 'Jira administrators' : 'Confluence administrators';
    throw forbidden(`Only ${who} can record a review.`);
  }
  return caller.accountId;
}

async function readJson(response: APIResponse, product: string): Promise<unknown> {
  if (!response.ok) {
    throw forbidden(
      `${product} did not confirm that you are an administrator (it answered ${response.status}); nothing was recorded.`,
    );
  }
  try {
    return await response.json();
  } catch {
    throw forbidden(
      `${product} gave an unreadable answer about your permissions; nothing was recorded.`,
    );
  }
}

async function isJiraAdmin(): Promise<boolean> {
  const response = await asUser().requestJira(
    route`/rest/api/3/mypermissions?permissions=ADMINISTER`,
  );
  const body = (await readJson(response, 'Jira')) as {
    permissions?: { ADMINISTER?: { havePermission?: unknown } };
  } | null;
  return body?.permissions?.ADMINISTER?.havePermission === true;
}

async function isConfluenceAdmin(): Promise<boolean> {
  const response = await asUser().requestConfluence(
    route`/wiki/rest/api/user/current?expand=operations`,
  );
  const body = (await readJson(response, 'Confluence')) as { operations?: unknown } | null;
  const operations = Array.isArray(body?.operations) ? body.operations : [];
  return operations.some(
    (operation: { operation?: unknown; targetType?: unknown } | null) =>
      operation?.operation === 'administer' && operation?.targetType === 'application',
  );
}
