/** The OAuth scopes of `permissions.scopes`, each with the data it lets the app read. */
import { READS_NOTHING, SCOPE_TABLE, scopeFromName } from './scope-table.ts';
import type { ManifestPlace, ScopeFact } from './types.ts';
import type { Located, ManifestNodes } from './yaml-nodes.ts';

/** The scope's row: from the table, or read from its name. */
export function describeScope(scope: string): Omit<ScopeFact, keyof ManifestPlace | 'scope'> {
  if (READS_NOTHING.has(scope)) {
    return { ...scopeFromName(scope), reads: [], personal: false, terms: [], known: true };
  }
  const known = Object.hasOwn(SCOPE_TABLE, scope) ? SCOPE_TABLE[scope] : undefined;
  return known ? { ...known, known: true } : { ...scopeFromName(scope), known: false };
}

/**
 * Every scope, as a list (`- read:jira-work`) or as the map form Forge accepts for offline
 * impersonation (`read:jira-work: { allowImpersonation: true }`).
 */
export function scopeFacts(nodes: ManifestNodes, root: Located): ScopeFact[] {
  const scopes = nodes.at(root, 'permissions', 'scopes');
  const written: [string, Located][] = nodes.isMapping(scopes)
    ? nodes.entries(scopes)
    : nodes.items(scopes).flatMap((item) => {
        const scope = nodes.text(item);
        return scope === undefined ? [] : [[scope, item] as [string, Located]];
      });
  return written.map(([scope, item]) => ({ scope, ...describeScope(scope), ...item.place }));
}
