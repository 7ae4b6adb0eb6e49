import type { DiffEntry, FieldChange } from './api.ts';
import { canonicallyEqual } from './canonical.ts';
import type { PublishedManifestFacts } from './manifest/published.ts';

/**
 * What changed in what the app's manifest shows between two versions: egress domains and remotes
 * added or removed (or changed: their in-scope data, hosts, operations), and Runs on Atlassian.
 * A version published without facts has nothing to compare: going from none to some is one
 * entry, "Checked against the app's manifest" added. Pure.
 *
 * Keys: `egress:<kind>:<host>`, `remote:<key>`, `runsOnAtlassian`, and `manifest` for the whole.
 * Labels are the host or the remote's key, as the manifest writes them; the page names the rest
 * from the catalogue.
 */
export function diffManifestFacts(
  before: PublishedManifestFacts | null | undefined,
  after: PublishedManifestFacts | null | undefined,
): DiffEntry[] {
  const whole = (kind: 'added' | 'removed'): DiffEntry[] => [
    {
      section: 'manifest',
      kind,
      key: 'manifest',
      label: "Checked against the app's manifest",
      fields: [],
    },
  ];
  if (!before && !after) return [];
  if (!before) return whole('added');
  if (!after) return whole('removed');
  const egress = (facts: PublishedManifestFacts) =>
    new Map(
      facts.egress
        .filter((entry) => entry.kind !== 'navigation')
        .map((entry) => [`egress:${entry.kind}:${entry.host}`, entry] as const),
    );
  const remotes = (facts: PublishedManifestFacts) =>
    new Map(facts.remotes.map((remote) => [`remote:${remote.key}`, remote] as const));
  const entries = [
    ...compare(egress(before), egress(after), (entry) => entry.host, ['inScopeEUD', 'category']),
    ...compare(remotes(before), remotes(after), (remote) => remote.key, [
      'hosts',
      'operations',
      'handlesInScopeData',
    ]),
  ];
  const eligible = (facts: PublishedManifestFacts) => facts.runsOnAtlassian.eligible;
  if (eligible(before) !== eligible(after)) {
    entries.push({
      section: 'manifest',
      kind: 'changed',
      key: 'runsOnAtlassian',
      label: 'Runs on Atlassian',
      fields: [{ path: 'runsOnAtlassian', before: eligible(before), after: eligible(after) }],
    });
  }
  return entries;
}

function compare<T extends object>(
  before: Map<string, T>,
  after: Map<string, T>,
  labelOf: (item: T) => string,
  fields: (keyof T & string)[],
): DiffEntry[] {
  const entries: DiffEntry[] = [];
  for (const [key, item] of after) {
    const earlier = before.get(key);
    if (!earlier) {
      entries.push({ section: 'manifest', kind: 'added', key, label: labelOf(item), fields: [] });
      continue;
    }
    const changes: FieldChange[] = fields
      .filter((field) => !canonicallyEqual(earlier[field] ?? null, item[field] ?? null))
      .map((field) => ({ path: field, before: earlier[field], after: item[field] }));
    if (changes.length > 0) {
      entries.push({
        section: 'manifest',
        kind: 'changed',
        key,
        label: labelOf(item),
        fields: changes,
      });
    }
  }
  for (const [key, item] of before) {
    if (!after.has(key)) {
      entries.push({ section: 'manifest', kind: 'removed', key, label: labelOf(item), fields: [] });
    }
  }
  return entries;
}
