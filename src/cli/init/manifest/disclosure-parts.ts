/**
 * Finds the disclosure's own parts in a manifest, whatever keys they were given: its functions
 * by their handlers, its resource by its path or by the pages that use its resolver, its pages
 * by the resource they show or the function they name (a vendor may serve the disclosure's page
 * from their own resolver), and its triggers by the functions they call. `init` uses this to add
 * only what is missing and `build` to find what to bundle for. Pure; works on the manifest as
 * plain data.
 */
import { PRODUCT_PAGES, PRODUCTS, type Product } from './products.ts';

/** The file, under `src/`, of the disclosure's Forge functions (`.ts` or `.js`). */
export const HANDLER_MODULE = 'privacy-disclosure';
/** The handler of the disclosure's resolver function. */
export const RESOLVER_HANDLER = `${HANDLER_MODULE}.handler`;
/** The handler of the function its trigger calls. */
export const LIFECYCLE_HANDLER = `${HANDLER_MODULE}.lifecycle`;
/** The handler of the function its weekly scheduled trigger calls: the personal data report. */
export const PERSONAL_DATA_HANDLER = `${HANDLER_MODULE}.personalData`;
/** Its export in the handler file. */
export const PERSONAL_DATA_EXPORT = 'personalData';
/**
 * How often the personal data report runs: Atlassian's reporting cycle is 7 days, and the
 * disclosure reports each account id it stores once a cycle.
 */
export const PERSONAL_DATA_INTERVAL = 'week';
/** Where init puts the prebuilt Custom UI, relative to the app's root. */
export const UI_PATH = 'static/privacy-disclosure';
/** The events on which the bundled declaration is published. */
export const LIFECYCLE_EVENTS = ['avi:forge:installed:app', 'avi:forge:upgraded:app'] as const;

/** A module entry of the manifest as plain data. */
export type ModuleEntry = Record<string, unknown> & { key?: unknown };

/** One of the disclosure's pages. */
export interface DisclosurePage {
  type: string;
  key: string;
  /** The index of the entry in its module list (-1: being added by init). */
  index: number;
  /** The function its `resolver` names, when it names one. */
  resolverFunction?: string;
}

/** What of the disclosure a manifest already has. */
export interface DisclosureParts {
  resolverFunction?: string;
  lifecycleFunction?: string;
  /** The function of the personal data report (handler `privacy-disclosure.personalData`). */
  personalDataFunction?: string;
  resource?: { key: string; path: string };
  pages: DisclosurePage[];
  trigger?: { key: string; index: number; events: string[] };
  /** The scheduledTrigger that calls the personal data report, with its interval as written. */
  scheduledTrigger?: { key: string; index: number; interval?: string };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function asEntries(value: unknown): ModuleEntry[] {
  return Array.isArray(value) ? value.map((entry) => asRecord(entry) as ModuleEntry) : [];
}

/** The manifest's module lists by type, as plain data. */
export function moduleLists(manifest: unknown): Record<string, ModuleEntry[]> {
  const modules = asRecord(asRecord(manifest).modules);
  return Object.fromEntries(Object.entries(modules).map(([type, list]) => [type, asEntries(list)]));
}

function keyOf(entry: ModuleEntry): string | undefined {
  return typeof entry.key === 'string' ? entry.key : undefined;
}

/** Finds the disclosure's functions, resource, pages and triggers in a manifest. */
export function findDisclosureParts(manifest: unknown): DisclosureParts {
  const lists = moduleLists(manifest);
  const functions = lists.function ?? [];
  const resolverFunction = keyOf(
    functions.find((entry) => entry.handler === RESOLVER_HANDLER) ?? {},
  );
  const lifecycleFunction = keyOf(
    functions.find((entry) => entry.handler === LIFECYCLE_HANDLER) ?? {},
  );
  const personalDataFunction = keyOf(
    functions.find((entry) => entry.handler === PERSONAL_DATA_HANDLER) ?? {},
  );
  const pageTypes = new Set(PRODUCTS.flatMap((product) => pageTypesOf(product)));
  const pageEntries = Object.entries(lists)
    .filter(([type]) => pageTypes.has(type))
    .flatMap(([type, entries]) => entries.map((entry, index) => ({ type, entry, index })));
  const functionOf = (entry: ModuleEntry) => {
    const name = asRecord(entry.resolver).function;
    return typeof name === 'string' ? name : undefined;
  };
  const servedByResolver = (entry: ModuleEntry) =>
    resolverFunction !== undefined && functionOf(entry) === resolverFunction;
  const resourceKeys = new Set(
    pageEntries
      .filter(({ entry }) => servedByResolver(entry) && typeof entry.resource === 'string')
      .map(({ entry }) => entry.resource as string),
  );
  const resources = asEntries(asRecord(manifest).resources);
  const resourceEntry =
    resources.find((entry) => entry.path === UI_PATH) ??
    resources.find((entry) => typeof entry.key === 'string' && resourceKeys.has(entry.key));
  const resource =
    resourceEntry && typeof resourceEntry.key === 'string' && typeof resourceEntry.path === 'string'
      ? { key: resourceEntry.key, path: resourceEntry.path }
      : undefined;
  const pages: DisclosurePage[] = [];
  for (const { type, entry, index } of pageEntries) {
    const key = keyOf(entry);
    const showsUi = resource !== undefined && entry.resource === resource.key;
    if (key && (servedByResolver(entry) || showsUi)) {
      pages.push({ type, key, index, resolverFunction: functionOf(entry) });
    }
  }
  const triggers = lists.trigger ?? [];
  const triggerIndex =
    lifecycleFunction === undefined
      ? -1
      : triggers.findIndex((entry) => entry.function === lifecycleFunction);
  const triggerEntry = triggers[triggerIndex];
  const trigger =
    triggerEntry && keyOf(triggerEntry)
      ? {
          key: keyOf(triggerEntry)!,
          index: triggerIndex,
          events: Array.isArray(triggerEntry.events)
            ? triggerEntry.events.filter((event): event is string => typeof event === 'string')
            : [],
        }
      : undefined;
  const scheduled = lists.scheduledTrigger ?? [];
  const scheduledIndex =
    personalDataFunction === undefined
      ? -1
      : scheduled.findIndex((entry) => entry.function === personalDataFunction);
  const scheduledEntry = scheduled[scheduledIndex];
  const scheduledTrigger =
    scheduledEntry && keyOf(scheduledEntry)
      ? {
          key: keyOf(scheduledEntry)!,
          index: scheduledIndex,
          interval:
            typeof scheduledEntry.interval === 'string' ? scheduledEntry.interval : undefined,
        }
      : undefined;
  return {
    resolverFunction,
    lifecycleFunction,
    personalDataFunction,
    resource,
    pages,
    trigger,
    scheduledTrigger,
  };
}

function pageTypesOf(product: Product): string[] {
  const pages = PRODUCT_PAGES[product];
  return pages.admin ? [pages.admin, pages.reader] : [pages.reader];
}

/**
 * The disclosure's admin pages per product: the module keys from which the backend lets an
 * admin record a review (after checking, on each write, that the caller is an admin).
 */
export function adminModuleKeys(parts: DisclosureParts): { jira: string[]; confluence: string[] } {
  const keysOf = (type: string | undefined) =>
    parts.pages.filter((page) => page.type === type).map((page) => page.key);
  return {
    jira: keysOf(PRODUCT_PAGES.jira.admin),
    confluence: keysOf(PRODUCT_PAGES.confluence.admin),
  };
}

/** Every key the manifest uses: modules of every type, resources, remotes and auth providers. */
export function keysInUse(manifest: unknown): Set<string> {
  const keys = new Set<string>();
  const addAll = (entries: ModuleEntry[]) => {
    for (const entry of entries) {
      const key = keyOf(entry);
      if (key) keys.add(key);
    }
  };
  for (const entries of Object.values(moduleLists(manifest))) addAll(entries);
  const record = asRecord(manifest);
  addAll(asEntries(record.resources));
  addAll(asEntries(record.remotes));
  addAll(asEntries(asRecord(record.providers).auth));
  return keys;
}
