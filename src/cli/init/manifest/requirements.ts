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

/**
 * The scopes the disclosure's backend needs: storage for its versions and reviews, the personal
 * data report of the account ids in those reviews, and, for each product with an admin page, the
 * scope of the call that checks that a reviewer is an admin.
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
  if (admins.confluence.length > 0) {
    needs.push({
      scope: PRODUCT_PAGES.confluence.adminScope!,
      why: 'GET /wiki/rest/api/user/current, to check that a reviewer is a Confluence admin',
      pages: admins.confluence,
    });
  }
  return needs;
}
