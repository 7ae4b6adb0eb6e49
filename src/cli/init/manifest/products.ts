/**
 * Which Atlassian products a Forge app extends, read from its module types, and which pages the
 * disclosure adds in each. Pure data and functions.
 */

/** A product the disclosure can show a page in. */
export type Product = 'jira' | 'confluence' | 'compass';

/** The pages the disclosure adds in one product, and what the backend can do there. */
export interface ProductPages {
  /** How the product is named in messages. */
  label: string;
  /**
   * The admin-only page from which admins record reviews, or undefined where the backend cannot
   * check that the caller is an admin (it can in Jira and Confluence only).
   */
  admin?: string;
  /** The page every user of the product can open, without write controls. */
  reader: string;
  /** The scope the backend needs to check an admin before recording a review. */
  adminScope?: string;
  /**
   * The scope of the product's user look-up (`user/bulk`), through which the page shows
   * reviewers by display name as the viewing user; none where the page cannot ask one.
   */
  userScope?: string;
}

/**
 * The disclosure's pages per product. Jira: `jira:adminPage` (admins) and `jira:globalPage`
 * (everyone; Forge allows one per app). Confluence: `confluence:globalSettings` (admins) and
 * `confluence:globalPage` (everyone; needs a route). Compass: `compass:globalPage` only, because
 * the backend has no way to check a Compass admin, so no review can be recorded there.
 */
export const PRODUCT_PAGES: Readonly<Record<Product, ProductPages>> = {
  jira: {
    label: 'Jira',
    admin: 'jira:adminPage',
    reader: 'jira:globalPage',
    // GET /rest/api/3/mypermissions?permissions=ADMINISTER
    adminScope: 'read:jira-work',
    // GET /rest/api/3/user/bulk?accountId=...
    userScope: 'read:jira-user',
  },
  confluence: {
    label: 'Confluence',
    admin: 'confluence:globalSettings',
    reader: 'confluence:globalPage',
    // GET /wiki/rest/api/user/current?expand=operations
    adminScope: 'read:confluence-user',
    // GET /wiki/rest/api/user/bulk?accountId=...
    userScope: 'read:confluence-user',
  },
  compass: { label: 'Compass', reader: 'compass:globalPage' },
};

/** Products in the order pages are added and reported. */
export const PRODUCTS: readonly Product[] = ['jira', 'confluence', 'compass'];

/**
 * The product a module type belongs to. Jira Service Management and Customer Service Management
 * modules live in Jira; `macro` is Confluence's. Cross-product types (function, trigger, rovo,
 * automation, ...) belong to none.
 */
export function productOfModuleType(moduleType: string): Product | undefined {
  const prefix = moduleType.split(':')[0] ?? '';
  if (
    ['jira', 'jiraServiceManagement', 'customerServiceManagement', 'connect-jira'].includes(prefix)
  )
    return 'jira';
  if (['confluence', 'connect-confluence'].includes(prefix) || moduleType === 'macro')
    return 'confluence';
  if (prefix === 'compass') return 'compass';
  return undefined;
}

/** Whether a module type is one of Jira Service Management's (the declaration lists it apart). */
export function isServiceManagementModuleType(moduleType: string): boolean {
  return /^(jiraServiceManagement|customerServiceManagement):/.test(moduleType);
}
