/**
 * What the disclosure needs from a manifest, for the pages it has there: the one list that `init`
 * adds from and `build` checks against. Forge's lint cannot see these needs: it reads only the
 * app's own `src/`, and the disclosure's REST calls are inside the package. Pure.
 */
import { adminModuleKeys, type DisclosureParts } from './disclosure-parts.ts';
import { PRODUCT_PAGES } from './products.ts';

/** A scope the disclosure needs, why, and the pages that need it (none: every page). */
export interface ScopeNeed {
  scope: string;
  /** What it is for, in words; init writes it as the scope's comment. */
  why: string;
  pages: string[];
}

/**
 * The scope of Atlassian's personal data reporting API: the disclosure stores account ids in its
 * review records, so it reports them weekly and erases those of closed accounts.
 */
export const PERSONAL_DATA_SCOPE = 'report:personal-data';

/** The content permission the disclosure's page needs. */
export const INLINE_STYLES = 'unsafe-inline';

/** Why it needs it; init writes it as the permission's comment. */
export const INLINE_STYLES_WHY = 'its page styles itself with inline <style> tags (Atlaskit)';

/** The words init puts before each comment it writes, so a reader knows whose line it is. */
export const COMMENT_PREFIX = 'Privacy Disclosure: ';

/** The keys of the disclosure's pages in `product`, admin and reader pages alike. */
function pagesIn(parts: DisclosureParts, product: 'jira' | 'confluence'): string[] {
  const { admin, reader } = PRODUCT_PAGES[product];
  return parts.pages
    .filter((page) => page.type === admin || page.type === reader)
    .map((page) => page.key);
}

/**
 * The scopes the disclosure needs: storage for its versions and reviews, the personal data
 * report of the account ids in those reviews, for each product with an admin page the scope of
 * the call that checks that a reviewer is an admin, and for each product with a page the scope
 * of the user look-up that names the reviewers on it (Confluence's is the admin check's scope).
 */
export function requiredScopes(parts: DisclosureParts): ScopeNeed[] {
  const needs: ScopeNeed[] = [
    {
      scope: 'storage:app',
      why: 'Forge storage for published declaration versions and reviews',
      pages: [],
    },
    {
      scope: PERSONAL_DATA_SCOPE,
      why: 'privacy.reportPersonalData, the weekly report to Atlassian of the account ids in reviews',
      pages: [],
    },
  ];
  const admins = adminModuleKeys(parts);
  if (admins.jira.length > 0) {
    needs.push({
      scope: PRODUCT_PAGES.jira.adminScope!,
      why: 'GET /rest/api/3/mypermissions, to check that a reviewer is a Jira admin',
      pages: admins.jira,
    });
  }
  const jiraPages = pagesIn(parts, 'jira');
  if (jiraPages.length > 0) {
    needs.push({
      scope: PRODUCT_PAGES.jira.userScope!,
      why: 'GET /rest/api/3/user/bulk from its page, to show reviewers by name',
      pages: jiraPages,
    });
  }
  if (admins.confluence.length > 0) {
    needs.push({
      scope: PRODUCT_PAGES.confluence.adminScope!,
      why: 'GET /wiki/rest/api/user/current, to check that a reviewer is a Confluence admin',
      pages: admins.confluence,
    });
  } else if (pagesIn(parts, 'confluence').length > 0) {
    needs.push({
      scope: PRODUCT_PAGES.confluence.userScope!,
      why: 'GET /wiki/rest/api/user/bulk from its page, to show reviewers by name',
      pages: pagesIn(parts, 'confluence'),
    });
  }
  return needs;
}
