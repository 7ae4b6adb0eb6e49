/**
 * Decides what init adds to a Forge app's manifest.yml: the disclosure's pages for each product
 * the app extends, its resource, functions, trigger, scopes and content permission, and
 * `app.compatibility` for an app in more than one product. What is already there (found by
 * handler and resource path, not by key) is kept and not added again. Pure.
 */
import {
  adminModuleKeys,
  findDisclosureParts,
  keysInUse,
  LIFECYCLE_EVENTS,
  LIFECYCLE_HANDLER,
  moduleLists,
  RESOLVER_HANDLER,
  UI_PATH,
  type DisclosureParts,
  type ModuleEntry,
} from './disclosure-parts.ts';
import { ManifestEdits } from './manifest-edits.ts';
import {
  isServiceManagementModuleType,
  PRODUCT_PAGES,
  PRODUCTS,
  productOfModuleType,
  type Product,
} from './products.ts';
import type { ManifestProblem, ParsedManifest } from './read-manifest.ts';
import { commented, detectLayout, SpliceError, type PlainMap } from './yaml-splice.ts';
import { isMap, isSeq, type YAMLMap } from 'yaml';

/** The title of the disclosure's pages; vendors may rename them. */
export const PAGE_TITLE = 'Privacy disclosure';

/** What init changes in the manifest, and what the vendor should know about it. */
export interface ManifestPlan {
  /** The new manifest text; the same as the old when nothing is missing. */
  text: string;
  /** One line per addition, e.g. "jira:adminPage privacy-disclosure-jira-admin: Jira admins ...". */
  changes: string[];
  /** What the vendor should know: pages skipped, limits, reader-only products. */
  notes: string[];
  /** The products the app extends. */
  products: Product[];
  /** Whether the app has Jira Service Management modules. */
  serviceManagement: boolean;
  /** Where the prebuilt UI goes (the resource's path). */
  uiPath: string;
  /** The disclosure's admin pages per product, once the plan is applied. */
  adminModuleKeys: { jira: string[]; confluence: string[] };
  /** Whether the manifest already had the disclosure's resolver function (init ran before). */
  hadDisclosure: boolean;
}

/** The plan, or a located problem that stops init. */
export type ManifestPlanResult =
  { ok: true; plan: ManifestPlan } | { ok: false; problems: ManifestProblem[] };

interface Context {
  manifest: ParsedManifest;
  /** The manifest as plain data. */
  value: Record<string, unknown>;
  edits: ManifestEdits;
  lists: Record<string, ModuleEntry[]>;
  parts: DisclosureParts;
  used: Set<string>;
  changes: string[];
  notes: string[];
}

/**
 * The first of `base`, `base-2`, `base-3`, ... that no other entry uses; then it is used. Forge
 * keys are unique across the manifest; function keys are at most 23 characters, which is why
 * the functions are `disclosure-resolver` and `disclosure-lifecycle`, not `privacy-disclosure-*`.
 */
function claimKey(used: Set<string>, base: string): string {
  let key = base;
  for (let suffix = 2; used.has(key); suffix += 1) key = `${base}-${suffix}`;
  used.add(key);
  return key;
}

function vendorEntries(context: Context, type: string): ModuleEntry[] {
  const ours = new Set(
    context.parts.pages.filter((page) => page.type === type).map((p) => p.index),
  );
  return (context.lists[type] ?? []).filter((_entry, index) => !ours.has(index));
}

function productsOf(context: Context): Product[] {
  const compatibility = asRecord(context.value.app).compatibility;
  const found = new Set<Product>();
  for (const [type, entries] of Object.entries(context.lists)) {
    const product = productOfModuleType(type);
    if (product && entries.length > 0) found.add(product);
  }
  for (const product of PRODUCTS) {
    if (Object.hasOwn(asRecord(compatibility), product)) found.add(product);
  }
  return PRODUCTS.filter((product) => found.has(product));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function page(resolver: string, resource: string, extra: PlainMap = {}): PlainMap {
  return { resource, resolver: { function: resolver }, title: PAGE_TITLE, ...extra };
}

/** Adds the functions, resource and trigger, reusing those already there. */
function planBackend(context: Context): { resolver: string; resource: string } {
  const { parts, edits, used, changes } = context;
  const functions = [];
  const resolver = parts.resolverFunction ?? claimKey(used, 'disclosure-resolver');
  if (!parts.resolverFunction) {
    functions.push(
      commented('Privacy Disclosure: the resolver of its pages (src/privacy-disclosure)', {
        key: resolver,
        handler: RESOLVER_HANDLER,
      }),
    );
    changes.push(`function ${resolver}: the resolver of the disclosure's pages`);
  }
  const lifecycle = parts.lifecycleFunction ?? claimKey(used, 'disclosure-lifecycle');
  if (!parts.lifecycleFunction) {
    functions.push(
      commented('Privacy Disclosure: publishes the bundled declaration', {
        key: lifecycle,
        handler: LIFECYCLE_HANDLER,
      }),
    );
    changes.push(`function ${lifecycle}: publishes the declaration`);
  }
  edits.appendToList(['modules', 'function'], functions);
  if (!parts.trigger) {
    const trigger = claimKey(used, 'privacy-disclosure-publish');
    edits.appendToList(
      ['modules', 'trigger'],
      [
        commented('Privacy Disclosure: publish the declaration on install and upgrade', {
          key: trigger,
          function: lifecycle,
          events: [...LIFECYCLE_EVENTS],
        }),
      ],
    );
    changes.push(`trigger ${trigger}: on ${LIFECYCLE_EVENTS.join(' and ')}`);
  } else {
    const missing = LIFECYCLE_EVENTS.filter((event) => !parts.trigger!.events.includes(event));
    if (missing.length > 0) {
      const triggers = context.manifest.modules.get('trigger', true);
      const entry = isSeq(triggers) ? triggers.items[parts.trigger.index] : undefined;
      const events = isMap(entry) ? entry.get('events', true) : undefined;
      if (!isSeq(events)) {
        throw new SpliceError(
          `trigger ${parts.trigger.key} must list its events for init to add ${missing.join(', ')}`,
          (entry as YAMLMap | undefined)?.range?.[0] ?? 0,
        );
      }
      edits.appendToNode(events, missing);
      changes.push(`trigger ${parts.trigger.key}: also on ${missing.join(' and ')}`);
    }
  }
  let resource = parts.resource?.key;
  if (!resource) {
    resource = claimKey(used, 'privacy-disclosure-ui');
    edits.appendToList(
      ['resources'],
      [
        commented(
          'Privacy Disclosure: its prebuilt Custom UI, refreshed by privacy-disclosure build',
          {
            key: resource,
            path: UI_PATH,
          },
        ),
      ],
    );
    changes.push(`resource ${resource}: ${UI_PATH} (the prebuilt UI)`);
  }
  return { resolver, resource };
}

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
  context.parts.pages.push({ type, key, index: -1 });
}

/** The Jira admin page: Forge allows one sidebar admin page, plus a "Get started" page. */
function planJiraAdmin(context: Context, resolver: string, resource: string): void {
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

function planJiraReader(context: Context, resolver: string, resource: string): void {
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

function planConfluence(context: Context, resolver: string, resource: string): void {
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

function planCompass(context: Context, resolver: string, resource: string): void {
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

function planPermissions(context: Context): void {
  const scopes = asRecord(context.value.permissions).scopes;
  const present = new Set(Array.isArray(scopes) ? scopes : []);
  const wanted: [string, string][] = [
    [
      'storage:app',
      'Privacy Disclosure: Forge storage for published declaration versions and reviews',
    ],
  ];
  const admins = adminModuleKeys(context.parts);
  if (admins.jira.length > 0) {
    wanted.push([
      PRODUCT_PAGES.jira.adminScope!,
      'Privacy Disclosure: GET /rest/api/3/mypermissions, to check that a reviewer is a Jira admin',
    ]);
  }
  if (admins.confluence.length > 0) {
    wanted.push([
      PRODUCT_PAGES.confluence.adminScope!,
      'Privacy Disclosure: GET /wiki/rest/api/user/current, to check that a reviewer is a Confluence admin',
    ]);
  }
  const missing = wanted.filter(([scope]) => !present.has(scope));
  context.edits.appendToList(
    ['permissions', 'scopes'],
    missing.map(([scope, why]) => commented(why, scope)),
  );
  for (const [scope] of missing) context.changes.push(`scope ${scope}`);
  const styles = asRecord(asRecord(context.value.permissions).content).styles;
  if (!(Array.isArray(styles) && styles.includes('unsafe-inline'))) {
    context.edits.appendToList(
      ['permissions', 'content', 'styles'],
      [
        commented(
          'Privacy Disclosure: its page styles itself with inline <style> tags (Atlaskit)',
          'unsafe-inline',
        ),
      ],
    );
    context.changes.push(
      'permissions.content.styles: unsafe-inline (for every Custom UI resource of the app)',
    );
  }
}

/**
 * An app in more than one product declares `app.compatibility`, with exactly one product
 * required. When it declares none yet, the product with most of the app's own modules is
 * required and the others optional.
 */
function planCompatibility(context: Context, products: Product[]): void {
  if (products.length < 2) return;
  const app = asRecord(context.value.app);
  const compatibility = asRecord(app.compatibility);
  const declared = Object.keys(compatibility);
  if (declared.length === 0) {
    const counts = products.map((product) => ({
      product,
      count: Object.keys(context.lists)
        .filter((type) => productOfModuleType(type) === product)
        .reduce((sum, type) => sum + vendorEntries(context, type).length, 0),
    }));
    const primary = counts.reduce((best, next) => (next.count > best.count ? next : best)).product;
    const entries: PlainMap = {};
    for (const product of products) entries[product] = { required: product === primary };
    context.edits.addToMap(['app', 'compatibility'], entries);
    context.changes.push(
      `app.compatibility: ${products.map((p) => `${p} ${p === primary ? 'required' : 'optional'}`).join(', ')}`,
    );
    context.notes.push(
      `Your app has modules in ${products.map((p) => PRODUCT_PAGES[p].label).join(' and ')}, so Forge needs app.compatibility; ${PRODUCT_PAGES[primary].label} (the product with most of your modules) is marked required. Change it if another product is your app's main one.`,
    );
    return;
  }
  const missing = products.filter((product) => !declared.includes(product));
  const entries: PlainMap = {};
  for (const product of missing) entries[product] = { required: false };
  context.edits.addToMap(['app', 'compatibility'], entries);
  for (const product of missing) context.changes.push(`app.compatibility: ${product} optional`);
}

function planRuntimeNote(context: Context): void {
  const runtime = asRecord(asRecord(context.value.app).runtime).name;
  if (runtime !== 'nodejs22.x') {
    context.notes.push(
      `The disclosure's backend is built for Forge's nodejs22.x runtime; your app.runtime.name is ${typeof runtime === 'string' ? runtime : 'not set'}.`,
    );
  }
}

/**
 * Plans init's changes to a parsed manifest. Never throws on a manifest it cannot extend: the
 * result says where the problem is.
 */
export function planManifest(manifest: ParsedManifest): ManifestPlanResult {
  const value = manifest.value;
  const context: Context = {
    manifest,
    value,
    edits: new ManifestEdits(
      manifest.source,
      manifest.root,
      detectLayout(manifest.source, manifest.root),
    ),
    lists: moduleLists(value),
    parts: findDisclosureParts(value),
    used: keysInUse(value),
    changes: [],
    notes: [],
  };
  const products = productsOf(context);
  if (products.length === 0) {
    return {
      ok: false,
      problems: [
        {
          line: manifest.lineCounter.linePos(manifest.modules.range![0]).line,
          column: 1,
          message:
            'the app has no Jira, Confluence or Compass module, so the disclosure has no product to show a page in',
        },
      ],
    };
  }
  const hadDisclosure = context.parts.resolverFunction !== undefined;
  try {
    const { resolver, resource } = planBackend(context);
    if (products.includes('jira')) {
      planJiraAdmin(context, resolver, resource);
      planJiraReader(context, resolver, resource);
    }
    if (products.includes('confluence')) planConfluence(context, resolver, resource);
    if (products.includes('compass')) planCompass(context, resolver, resource);
    planPermissions(context);
    planCompatibility(context, products);
    planRuntimeNote(context);
    const text = context.edits.isEmpty ? manifest.source : context.edits.apply();
    return {
      ok: true,
      plan: {
        text,
        changes: context.changes,
        notes: context.notes,
        products,
        serviceManagement: Object.keys(context.lists).some(isServiceManagementModuleType),
        uiPath: context.parts.resource?.path ?? UI_PATH,
        adminModuleKeys: adminModuleKeys(context.parts),
        hadDisclosure,
      },
    };
  } catch (error) {
    if (!(error instanceof SpliceError)) throw error;
    const { line, col } = manifest.lineCounter.linePos(error.offset);
    return { ok: false, problems: [{ line, column: col, message: error.message }] };
  }
}
