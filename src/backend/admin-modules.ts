/** A product whose administrators may record reviews. */
export type AdminProduct = 'jira' | 'confluence';

/**
 * The app's modules from which a review may be recorded, by product: the product's
 * administrators are asked, as the user, before anything is written. Every other module (a
 * Confluence or Jira global page, say) only reads.
 */
export interface AdminModuleKeys {
  /** Modules whose callers must be Jira administrators, e.g. a `jira:adminPage`. */
  jira?: readonly string[];
  /** Modules whose callers must be Confluence administrators, e.g. a `confluence:globalSettings`. */
  confluence?: readonly string[];
}

/** The configured admin modules, looked up by the module key the platform reports. */
export interface AdminModules {
  /** The product whose administrators may write from `moduleKey`; undefined for a reader module. */
  productOf(moduleKey: unknown): AdminProduct | undefined;
  /** The products that have at least one admin module, in a stable order. */
  readonly products: readonly AdminProduct[];
}

/** Forge's rule for a module key in manifest.yml. */
const MODULE_KEY = /^[a-zA-Z0-9_-]{1,255}$/;

/**
 * Checks and indexes the configured admin modules. Throws, naming the option and the entry, for
 * anything that is not a list of module keys, or a key listed under both products (its callers
 * would have to be asked twice and the page could not say who may review).
 */
export function adminModules(config: unknown): AdminModules {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error(
      'adminModuleKeys must be an object such as { jira: ["my-jira-admin-page"], confluence: ["my-confluence-settings"] }.',
    );
  }
  const byKey = new Map<string, AdminProduct>();
  const unknown = Object.keys(config).filter((name) => name !== 'jira' && name !== 'confluence');
  if (unknown.length > 0) {
    throw new Error(
      `adminModuleKeys.${unknown[0]}: only "jira" and "confluence" administrators can be asked.`,
    );
  }
  for (const product of ['jira', 'confluence'] as const) {
    const keys: unknown = (config as Record<string, unknown>)[product];
    if (keys === undefined) continue;
    if (!Array.isArray(keys)) {
      throw new Error(
        `adminModuleKeys.${product} must be a list of module keys from manifest.yml.`,
      );
    }
    for (const [index, key] of keys.entries()) {
      if (typeof key !== 'string' || !MODULE_KEY.test(key)) {
        throw new Error(
          `adminModuleKeys.${product}[${index}] is not a module key (letters, digits, "-" and "_", as in manifest.yml): ${JSON.stringify(key)?.slice(0, 80)}.`,
        );
      }
      const other = byKey.get(key);
      if (other && other !== product) {
        throw new Error(
          `adminModuleKeys: "${key}" is listed for both ${other} and ${product}; a module belongs to one product.`,
        );
      }
      byKey.set(key, product);
    }
  }
  const products = (['jira', 'confluence'] as const).filter((product) =>
    [...byKey.values()].includes(product),
  );
  return {
    productOf: (moduleKey) => (typeof moduleKey === 'string' ? byKey.get(moduleKey) : undefined),
    products,
  };
}
