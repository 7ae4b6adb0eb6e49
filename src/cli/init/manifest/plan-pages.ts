/**
 * Plans the disclosure's pages in each product, within Forge's limits: one sidebar
 * `jira:adminPage` (plus one "Get started" page), one `jira:globalPage`, unique
 * `confluence:globalPage` routes. Pure.
 */
import { PRODUCT_PAGES } from './products.ts';
import { claimKey, page, vendorEntries, type Context } from './plan-context.ts';
import { commented, type PlainMap } from './yaml-splice.ts';

/** A `confluence:globalPage` route no other global page of the app uses. */
function freeRoute(context: Context): string {
  const routes = new Set(
    (context.lists['confluence:globalPage'] ?? []).map((entry) => entry.route),
  );
  const candidates = ['privacy', 'privacy-disclosure'];
  const free = candidates.find((route) => !routes.has(route));
  if (free) return free;
  let suffix = 2;
  while (routes.has(`privacy-disclosure-${suffix}`)) suffix += 1;
  return `privacy-disclosure-${suffix}`;
}

function addPage(context: Context, type: string, entry: PlainMap, comment: string, change: string) {
  // jira:adminPage → privacy-disclosure-jira-admin-page
  const slug = type.replace(':', '-').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const key = claimKey(context.used, `privacy-disclosure-${slug}`);
  context.edits.appendToList(['modules', type], [commented(comment, { key, ...entry })]);
  context.changes.push(`${type} ${key}: ${change}`);
  const resolver = (entry.resolver as { function?: unknown } | undefined)?.function;
  context.parts.pages.push({
    type,
    key,
    index: -1,
    resolverFunction: typeof resolver === 'string' ? resolver : undefined,
  });
}

/** The Jira admin page: Forge allows one sidebar admin page, plus a "Get started" page. */
export function planJiraAdmin(context: Context, resolver: string, resource: string): void {
  const type = PRODUCT_PAGES.jira.admin!;
  if (context.parts.pages.some((p) => p.type === type)) return;
  const vendor = vendorEntries(context, type);
  const sidebar = vendor.filter((entry) => !entry.useAsConfig && !entry.useAsGetStarted);
  if (sidebar.length === 0) {
    addPage(
      context,
      type,
      page(resolver, resource),
      'Privacy Disclosure: Jira admins read the declaration and record reviews',
      'Jira admins review the declaration',
    );
    return;
  }
  const existing = String(sidebar[0]!.key);
  if (!vendor.some((entry) => entry.useAsGetStarted)) {
    addPage(
      context,
      type,
      page(resolver, resource, { useAsGetStarted: true }),
      'Privacy Disclosure: Jira admins read the declaration and record reviews (Get started page)',
      'Jira admins review the declaration, from Manage apps → Get started',
    );
    context.notes.push(
      `Forge allows one jira:adminPage in Jira's admin sidebar and your app has one (${existing}), so the disclosure's admin page is your app's "Get started" page (useAsGetStarted): admins open it from Manage apps. To show it elsewhere, link to it from your own admin page.`,
    );
    return;
  }
  context.notes.push(
    `No Jira admin page was added: Forge allows one jira:adminPage in the sidebar and one "Get started" page, and your app has both (${existing}). Jira admins can read the declaration on the global page, but reviews can be recorded only from an admin page: make room for one, then run init again.`,
  );
}

/** The Jira global page, unless the app has its one already. */
export function planJiraReader(context: Context, resolver: string, resource: string): void {
  const type = PRODUCT_PAGES.jira.reader;
  if (context.parts.pages.some((p) => p.type === type)) return;
  const vendor = vendorEntries(context, type);
  if (vendor.length > 0) {
    context.notes.push(
      `No jira:globalPage was added: Forge allows one per app and yours has ${String(vendor[0]!.key)}. Jira users who are not admins cannot open the disclosure in Jira; link to it (or to its exported HTML) from your own global page.`,
    );
    return;
  }
  addPage(
    context,
    type,
    page(resolver, resource),
    'Privacy Disclosure: every Jira user reads the declaration',
    'every Jira user reads the declaration',
  );
}

/** Confluence's global settings page (admins) and global page (everyone). */
export function planConfluence(context: Context, resolver: string, resource: string): void {
  const { admin, reader } = PRODUCT_PAGES.confluence;
  if (!context.parts.pages.some((p) => p.type === admin)) {
    addPage(
      context,
      admin!,
      page(resolver, resource),
      'Privacy Disclosure: Confluence admins read the declaration and record reviews',
      'Confluence admins review the declaration',
    );
  }
  if (!context.parts.pages.some((p) => p.type === reader)) {
    const route = freeRoute(context);
    addPage(
      context,
      reader,
      page(resolver, resource, { route }),
      'Privacy Disclosure: everyone on the site reads the declaration',
      `everyone on the site reads the declaration (route ${route})`,
    );
  }
}

/** Compass's global page: read-only, since no Compass admin can be checked. */
export function planCompass(context: Context, resolver: string, resource: string): void {
  const { reader } = PRODUCT_PAGES.compass;
  if (!context.parts.pages.some((p) => p.type === reader)) {
    addPage(
      context,
      reader,
      page(resolver, resource),
      'Privacy Disclosure: every Compass user reads the declaration',
      'every Compass user reads the declaration',
    );
  }
  context.notes.push(
    'Compass: the disclosure is read-only there. Reviews can be recorded only in Jira and Confluence, where the backend can check that the reviewer is an admin; Compass gives it no such check.',
  );
}
