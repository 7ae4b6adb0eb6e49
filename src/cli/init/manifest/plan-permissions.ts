/** Plans the disclosure's scopes, content permission and `app.compatibility`. Pure. */
import { asRecord, vendorEntries, type Context } from './plan-context.ts';
import { PRODUCT_PAGES, productOfModuleType, type Product } from './products.ts';
import {
  COMMENT_PREFIX,
  INLINE_STYLES,
  INLINE_STYLES_WHY,
  requiredScopes,
} from './requirements.ts';
import { commented, type PlainMap } from './yaml-splice.ts';

/** The scopes the backend needs, and inline styles for its page. */
export function planPermissions(context: Context): void {
  const scopes = asRecord(context.value.permissions).scopes;
  const present = new Set(Array.isArray(scopes) ? scopes : []);
  const missing = requiredScopes(context.parts).filter(({ scope }) => !present.has(scope));
  context.edits.appendToList(
    ['permissions', 'scopes'],
    missing.map(({ scope, why }) => commented(COMMENT_PREFIX + why, scope)),
  );
  for (const { scope } of missing) {
    context.changes.push(`scope ${scope}`);
    context.permissionChanges.push(`scope ${scope}`);
  }
  const styles = asRecord(asRecord(context.value.permissions).content).styles;
  if (!(Array.isArray(styles) && styles.includes(INLINE_STYLES))) {
    context.edits.appendToList(
      ['permissions', 'content', 'styles'],
      [commented(COMMENT_PREFIX + INLINE_STYLES_WHY, INLINE_STYLES)],
    );
    context.changes.push(
      `permissions.content.styles: ${INLINE_STYLES} (for every Custom UI resource of the app)`,
    );
    context.permissionChanges.push(`permissions.content.styles: ${INLINE_STYLES}`);
  }
}

/**
 * An app in more than one product declares `app.compatibility`, with exactly one product
 * required. When it declares none yet, the product with most of the app's own modules is
 * required and the others optional.
 */
export function planCompatibility(context: Context, products: Product[]): void {
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

/** A note when the app does not run on nodejs22.x, the runtime the backend is built for. */
export function planRuntimeNote(context: Context): void {
  const runtime = asRecord(asRecord(context.value.app).runtime).name;
  if (runtime !== 'nodejs22.x') {
    context.notes.push(
      `The disclosure's backend is built for Forge's nodejs22.x runtime; your app.runtime.name is ${typeof runtime === 'string' ? runtime : 'not set'}.`,
    );
  }
}
