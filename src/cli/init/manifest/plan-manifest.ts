/**
 * Decides what init adds to a Forge app's manifest.yml: the disclosure's pages for each product
 * the app extends, its resource, functions, triggers, scopes and content permission, and
 * `app.compatibility` for an app in more than one product. What is already there (found by
 * handler and resource path, not by key) is kept and not added again. Pure.
 */
import {
  adminModuleKeys,
  findDisclosureParts,
  keysInUse,
  moduleLists,
  UI_PATH,
} from './disclosure-parts.ts';
import { ManifestEdits } from './manifest-edits.ts';
import { planBackend } from './plan-backend.ts';
import { asRecord, type Context } from './plan-context.ts';
import { planCompass, planConfluence, planJiraAdmin, planJiraReader } from './plan-pages.ts';
import { planCompatibility, planPermissions, planRuntimeNote } from './plan-permissions.ts';
import {
  isServiceManagementModuleType,
  PRODUCTS,
  productOfModuleType,
  type Product,
} from './products.ts';
import type { ManifestProblem, ParsedManifest } from './read-manifest.ts';
import { detectLayout, SpliceError } from './yaml-splice.ts';

export { PAGE_TITLE } from './plan-context.ts';

/** What init changes in the manifest, and what the vendor should know about it. */
export interface ManifestPlan {
  /** The new manifest text; the same as the old when nothing is missing. */
  text: string;
  /** One line per addition, e.g. "jira:adminPage privacy-disclosure-jira-admin: Jira admins ...". */
  changes: string[];
  /** The changes to scopes and content permissions, which make a version admins must accept. */
  permissionChanges: string[];
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
  /** Whether the manifest already had a function or page of the disclosure (init ran before). */
  hadDisclosure: boolean;
}

/** The plan, or a located problem that stops init. */
export type ManifestPlanResult =
  { ok: true; plan: ManifestPlan } | { ok: false; problems: ManifestProblem[] };

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

function newContext(manifest: ParsedManifest): Context {
  const value = manifest.value;
  return {
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
    permissionChanges: [],
    notes: [],
  };
}

/** Plans every part into a fresh context; throws SpliceError where the manifest cannot grow. */
function planParts(manifest: ParsedManifest, products: Product[], addResolver: boolean): Context {
  const context = newContext(manifest);
  const { resolver, resource } = planBackend(context, addResolver);
  if (products.includes('jira')) {
    planJiraAdmin(context, resolver, resource);
    planJiraReader(context, resolver, resource);
  }
  if (products.includes('confluence')) planConfluence(context, resolver, resource);
  if (products.includes('compass')) planCompass(context, resolver, resource);
  planPermissions(context);
  planCompatibility(context, products);
  planRuntimeNote(context);
  return context;
}

/**
 * Plans init's changes to a parsed manifest. Never throws on a manifest it cannot extend: the
 * result says where the problem is.
 */
export function planManifest(manifest: ParsedManifest): ManifestPlanResult {
  const found = newContext(manifest);
  const products = productsOf(found);
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
  const { parts } = found;
  const hadDisclosure =
    parts.resolverFunction !== undefined ||
    parts.lifecycleFunction !== undefined ||
    parts.personalDataFunction !== undefined ||
    parts.pages.length > 0;
  try {
    let context = planParts(manifest, products, true);
    // Planned again without a resolver function when no page added would use it: the app's
    // pages of the disclosure are all there, served by a resolver of the vendor's.
    if (!parts.resolverFunction && !context.parts.pages.some((page) => page.index === -1)) {
      context = planParts(manifest, products, false);
    }
    const text = context.edits.isEmpty ? manifest.source : context.edits.apply();
    return {
      ok: true,
      plan: {
        text,
        changes: context.changes,
        permissionChanges: context.permissionChanges,
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
