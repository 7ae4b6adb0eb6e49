/**
 * What the parts of init's manifest plan share: the manifest, the edits being collected, the
 * keys in use, and what is being reported. Pure.
 */
import type { DisclosureParts, ModuleEntry } from './disclosure-parts.ts';
import type { ManifestEdits } from './manifest-edits.ts';
import type { ParsedManifest } from './read-manifest.ts';
import type { PlainMap } from './yaml-splice.ts';

/** The title of the disclosure's pages; vendors may rename them. */
export const PAGE_TITLE = 'Privacy disclosure';

/** The manifest being planned, and what the plan has found and decided so far. */
export interface Context {
  manifest: ParsedManifest;
  /** The manifest as plain data. */
  value: Record<string, unknown>;
  edits: ManifestEdits;
  lists: Record<string, ModuleEntry[]>;
  parts: DisclosureParts;
  used: Set<string>;
  changes: string[];
  /** The changes to permissions (scopes, content): those make a version an admin must accept. */
  permissionChanges: string[];
  notes: string[];
}

/**
 * The first of `base`, `base-2`, `base-3`, ... that no other entry uses; then it is used. Forge
 * keys are unique across the manifest; function keys are at most 23 characters, which is why
 * the functions are `disclosure-resolver` and `disclosure-lifecycle`, not `privacy-disclosure-*`.
 */
export function claimKey(used: Set<string>, base: string): string {
  let key = base;
  for (let suffix = 2; used.has(key); suffix += 1) key = `${base}-${suffix}`;
  used.add(key);
  return key;
}

/** The entries of a module type that are the vendor's own, not the disclosure's. */
export function vendorEntries(context: Context, type: string): ModuleEntry[] {
  const ours = new Set(
    context.parts.pages.filter((page) => page.type === type).map((p) => p.index),
  );
  return (context.lists[type] ?? []).filter((_entry, index) => !ours.has(index));
}

/** `value` when it is a mapping, else an empty one. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A disclosure page entry: its resource, its resolver and its title. */
export function page(resolver: string, resource: string, extra: PlainMap = {}): PlainMap {
  return { resource, resolver: { function: resolver }, title: PAGE_TITLE, ...extra };
}
