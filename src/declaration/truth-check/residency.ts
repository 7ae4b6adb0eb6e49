/**
 * Claims the manifest can refute: that nothing leaves Atlassian, and that in-scope data follows
 * data residency. Both are refuted by a backend egress or a remote that handles in-scope
 * End-User Data (`inScopeEUD` not false), which Forge cannot keep inside Atlassian or the pin.
 */
import { covers, showHost, type HostPattern } from '../manifest/hosts.ts';
import type { EgressEntry, ManifestFacts, ManifestPlace, Remote } from '../manifest/types.ts';
import type { DataCategory, Declaration } from '../schema/index.ts';
import {
  cloudCategories,
  cloudStorage,
  declaredDomains,
  isForgeStorage,
  onCloud,
} from './declared.ts';
import type { Finding } from './types.ts';

/** A manifest entry that sends in-scope data out of Atlassian. */
interface Outflow {
  place: ManifestPlace;
  hosts: HostPattern[];
  /** How the entry is written, for the message. */
  entry: string;
  remote?: Remote;
}

function place({ line, column, path }: ManifestPlace): ManifestPlace {
  return { line, column, path };
}

function outflows(facts: ManifestFacts): Outflow[] {
  const backend = facts.egress
    .filter((entry: EgressEntry) => entry.kind === 'fetch.backend' && entry.inScopeEUD !== false)
    .map((entry) => ({
      place: place(entry),
      hosts: entry.host ? [entry.host] : [],
      entry: `the backend egress ${entry.host ? showHost(entry.host) : entry.address}${entry.inScopeEUD === undefined ? ' (no inScopeEUD: false)' : ' (inScopeEUD: true)'}`,
    }));
  const remotes = facts.remotes
    .filter((remote) => remote.handlesInScopeData)
    .map((remote) => ({
      place: place(remote),
      hosts: remote.baseUrls.flatMap((url) => (url.host ? [url.host] : [])),
      entry: `the remote ${remote.key} (${remote.operationsWritten ? `operations: ${remote.operations.join(', ')}` : 'no operations, so Forge assumes it stores in-scope data'}${remote.storageInScopeEUD === true ? ', storage.inScopeEUD: true' : ''})`,
      remote,
    }));
  return [...backend, ...remotes].sort((a, b) => a.place.line - b.place.line);
}

/**
 * The path of the claim that nothing leaves Atlassian, or undefined when the declaration makes
 * none: every Cloud location is Atlassian's, and every recipient is Atlassian's own platform
 * (category `platform`, such as Forge's personal data reporting).
 */
function nothingLeavesClaim(declaration: Declaration): (string | number)[] | undefined {
  if (declaration.recipients.some((recipient) => recipient.category !== 'platform'))
    return undefined;
  const cloud = declaration.locations.filter(onCloud);
  if (cloud.some((location) => location.hostedBy !== 'atlassian')) return undefined;
  return ['recipients'];
}

/**
 * The claim that in-scope data follows residency, when the declaration makes one: `all` when
 * every Cloud category that says its residency says in-scope (or, in a version-1 file, every
 * place holding Cloud data follows it), `some` when only some do. The path is where it is said.
 */
function residencyClaim(
  declaration: Declaration,
): { path: (string | number)[]; all: boolean } | undefined {
  const categories = cloudCategories(declaration);
  const inScope = categories.find(([category]) => category.residency === 'in-scope');
  if (inScope) {
    const all = categories.every(
      ([category]) => category.residency === undefined || category.residency === 'in-scope',
    );
    return { path: ['dataCategories', inScope[1], 'residency'], all };
  }
  if (categories.some(([category]) => category.residency !== undefined)) return undefined;
  // A version-1 file says residency per location: every place holding Cloud data follows it.
  const used = new Set(categories.flatMap(([category]) => cloudStorage(category)));
  const holding = declaration.locations
    .map((location, index) => [location, index] as const)
    .filter(([location]) => used.has(location.id));
  if (holding.length === 0 || holding.some(([location]) => location.followsDataResidency !== 'yes'))
    return undefined;
  return { path: ['locations', holding[0]![1], 'followsDataResidency'], all: true };
}

/** The Cloud categories the declaration sends to a host: stored in, or received by, its owner. */
function categoriesReaching(
  declaration: Declaration,
  hosts: HostPattern[],
): [DataCategory, number][] {
  const owners = declaredDomains(declaration).filter((domain) =>
    hosts.some((host) => covers(domain.pattern, host)),
  );
  const locations = new Set(
    owners.flatMap((domain) =>
      domain.owner.kind === 'location' ? [domain.owner.location.id] : [],
    ),
  );
  const recipients = new Set(
    owners.flatMap((domain) => (domain.owner.kind === 'recipient' ? [domain.owner.id] : [])),
  );
  return cloudCategories(declaration).filter(
    ([category]) =>
      cloudStorage(category).some((id) => locations.has(id)) ||
      (category.recipients ?? []).some((id) => recipients.has(id)),
  );
}

/** Findings for the two claims, one per manifest entry that refutes them. */
export function checkResidencyClaims(declaration: Declaration, facts: ManifestFacts): Finding[] {
  const findings: Finding[] = [];
  const flows = outflows(facts);
  const nothingLeaves = nothingLeavesClaim(declaration);
  if (nothingLeaves) {
    for (const flow of flows) {
      findings.push({
        rule: 'nothing-leaves-atlassian',
        severity: 'contradiction',
        message: `The declaration keeps everything at Atlassian (every location is hosted by Atlassian and every recipient is Atlassian's platform), but manifest.yml declares ${flow.entry}, which sends in-scope data outside Atlassian. Declare who receives it as a recipient or location (with its domains), or mark the egress inScopeEUD: false if no End-User Data goes there.`,
        manifest: flow.place,
        declaration: { path: nothingLeaves },
      });
    }
  }
  const claim = residencyClaim(declaration);
  if (!claim) return findings.concat(checkSqlResidency(declaration, facts));
  const following = declaredDomains(declaration).filter(
    (domain) =>
      domain.owner.kind === 'location' && domain.owner.location.followsDataResidency === 'yes',
  );
  for (const flow of flows) {
    const followed =
      flow.hosts.length > 0 &&
      flow.hosts.every((host) => following.some((domain) => covers(domain.pattern, host)));
    if (followed) {
      if (flow.remote && flow.remote.baseUrls.length === 1) {
        findings.push({
          rule: 'remote-single-region',
          severity: 'warning',
          message: `The remote ${flow.remote.key} has one base URL for every region, yet the location reached there is said to follow data residency. Forge picks a remote's region by its baseUrl keys (EU, US, ...); without them every site's data goes to the same place unless that service routes it by the site itself.`,
          manifest: flow.place,
          declaration: { path: claim.path },
        });
      }
      continue;
    }
    const reaching = categoriesReaching(declaration, flow.hosts);
    const inScope = reaching.find(([category]) => category.residency === 'in-scope');
    // Data declared global or excluded may go where residency does not reach: that is what it says.
    if (reaching.length > 0 && !inScope && claim.path[0] === 'dataCategories') continue;
    if (reaching.length === 0 && !claim.all) continue;
    const [category, index] = inScope ?? [];
    findings.push({
      rule: 'residency-not-followed',
      severity: 'contradiction',
      message: `${category ? `The data category ${category.id} says residency: in-scope` : "The declaration says in-scope data follows the site's data residency"}, but manifest.yml declares ${flow.entry}, and no declared location that follows data residency is reached there. Say which data goes there and that it does not follow residency (residency: global or excluded), or declare the location it reaches with followsDataResidency: yes and its domains.`,
      manifest: flow.place,
      declaration: {
        path: index === undefined ? claim.path : ['dataCategories', index, 'residency'],
      },
    });
  }
  return findings.concat(checkSqlResidency(declaration, facts));
}

/** Forge SQL does not follow residency while dareCompliant is not true. */
function checkSqlResidency(declaration: Declaration, facts: ManifestFacts): Finding[] {
  const sql = facts.storage.sql.filter((module) => module.dareCompliant !== true);
  if (sql.length === 0) return [];
  const index = declaration.locations.findIndex(
    (location) =>
      isForgeStorage(location) &&
      /\bsql\b/i.test(`${location.name ?? ''} ${location.service ?? ''}`) &&
      location.followsDataResidency === 'yes',
  );
  if (index < 0) return [];
  return sql.map((module) => ({
    rule: 'sql-residency' as const,
    severity: 'contradiction' as const,
    message: `The declaration says its Forge SQL location follows data residency, but manifest.yml's sql module ${module.key} ${module.dareCompliant === false ? 'says dareCompliant: false' : 'does not say dareCompliant: true'}: Forge SQL data is then not kept in the site's pinned region.`,
    manifest: place(module),
    declaration: { path: ['locations', index, 'followsDataResidency'] },
  }));
}
