/**
 * "Runs on Atlassian" eligibility, derived from the manifest the way Atlassian's published
 * criteria put it: the app uses only Atlassian-hosted compute and storage, its storage follows
 * data residency as the product does, and the customer can fully block its egress. So no remote,
 * no Connect module, no egress other than analytics that carries no in-scope End-User Data
 * (`category: analytics` with `inScopeEUD: false`), only static web triggers, and no storage that
 * does not follow residency (Forge SQL while `dareCompliant` is false). Atlassian decides it
 * server-side (`forge eligibility`); this says what the manifest alone shows.
 */
import { showHost } from './hosts.ts';
import type { EgressEntry, ManifestFacts, ManifestPlace } from './types.ts';

/** One manifest entry that keeps the app from Runs on Atlassian, and why. */
export interface EligibilityBlocker extends ManifestPlace {
  /** A stable id of the criterion: remote, connect, egress, web-trigger, storage-residency. */
  criterion: 'remote' | 'connect' | 'egress' | 'web-trigger' | 'storage-residency';
  /** The entry, as the manifest names it: `remotes: radar-service`. */
  entry: string;
  reason: string;
}

/** Whether the manifest allows Runs on Atlassian, and what prevents it. */
export interface Eligibility {
  eligible: boolean;
  blockers: EligibilityBlocker[];
}

function place({ line, column, path }: ManifestPlace): ManifestPlace {
  return { line, column, path };
}

/** Egress the customer can block: analytics that says it carries no in-scope End-User Data. */
export function isBlockableAnalytics(entry: EgressEntry): boolean {
  return entry.category === 'analytics' && entry.inScopeEUD === false;
}

function egressBlocker(entry: EgressEntry): EligibilityBlocker {
  const where = entry.host ? showHost(entry.host) : entry.address;
  const reason =
    entry.category === 'analytics'
      ? 'analytics egress counts only with inScopeEUD: false; this entry does not say so'
      : 'egress other than analytics sends data outside Atlassian where the customer cannot block it';
  return {
    criterion: 'egress',
    entry: `permissions.external.${entry.kind}: ${where}`,
    reason,
    ...place(entry),
  };
}

/** The eligibility the manifest shows, with every entry that prevents it. */
export function runsOnAtlassian(facts: ManifestFacts): Eligibility {
  const blockers: EligibilityBlocker[] = [
    ...facts.remotes.map((remote): EligibilityBlocker => ({
      criterion: 'remote',
      entry: `remotes: ${remote.key}`,
      reason: `a remote back end outside Atlassian (${remote.operationsWritten ? remote.operations.join(', ') : 'no operations written, so Forge assumes it stores in-scope data'})`,
      ...place(remote),
    })),
    ...(facts.connectRemote
      ? [
          {
            criterion: 'connect' as const,
            entry: `app.connect.remote: ${facts.connectRemote.remote}`,
            reason: 'a Connect app served from its own remote',
            ...place(facts.connectRemote),
          },
        ]
      : []),
    ...facts.connectModules.map((module): EligibilityBlocker => ({
      criterion: 'connect',
      entry: `${module.type}${module.key ? `: ${module.key}` : ''}`,
      reason: "a Connect module, served from the vendor's own servers",
      ...place(module),
    })),
    ...facts.egress
      .filter((entry) => entry.kind !== 'navigation' && !isBlockableAnalytics(entry))
      .map(egressBlocker),
    ...facts.webTriggers
      .filter((trigger) => !trigger.staticResponse)
      .map((trigger): EligibilityBlocker => ({
        criterion: 'web-trigger',
        entry: `modules.webtrigger: ${trigger.key}`,
        reason:
          'a web trigger whose response is not static can send back what the app reads (only static web triggers are allowed)',
        ...place(trigger),
      })),
    ...facts.storage.sql
      .filter((module) => module.dareCompliant !== true)
      .map((module): EligibilityBlocker => ({
        criterion: 'storage-residency',
        entry: `modules.sql: ${module.key}`,
        reason: 'Forge SQL follows data residency only once dareCompliant is true',
        ...place(module),
      })),
  ];
  blockers.sort((a, b) => a.line - b.line || a.column - b.column);
  return { eligible: blockers.length === 0, blockers };
}
