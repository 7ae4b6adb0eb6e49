/** Every egress host and remote in the manifest is named by a declared location or recipient. */
import { covers, coversPart, showHost, type HostPattern } from '../manifest/hosts.ts';
import type { EgressEntry, ManifestFacts, ManifestPlace } from '../manifest/types.ts';
import type { Declaration } from '../schema/index.ts';
import { declaredDomains, type DeclaredDomain } from './declared.ts';
import type { Finding } from './types.ts';

function place({ line, column, path }: ManifestPlace): ManifestPlace {
  return { line, column, path };
}

/** Where to add a domain: the recipients when there are some, else the locations. */
function addDomainsAt(declaration: Declaration): (string | number)[] {
  return declaration.recipients.length > 0 ? ['recipients'] : ['locations'];
}

const KIND_WORDS: Record<EgressEntry['kind'], string> = {
  'fetch.backend': "the app's back end sends requests to",
  'fetch.client': "the app's page sends requests to",
  images: "the app's page loads images from",
  media: "the app's page loads audio and video from",
  scripts: "the app's page loads scripts from",
  styles: "the app's page loads style sheets from",
  fonts: "the app's page loads fonts from",
  frames: "the app's page embeds frames from",
  navigation: "the app's page can send people to",
};

type Coverage = { covered: true } | { covered: false; partly: DeclaredDomain[] };

function coverage(host: HostPattern, domains: DeclaredDomain[]): Coverage {
  if (domains.some((domain) => covers(domain.pattern, host))) return { covered: true };
  return { covered: false, partly: domains.filter((domain) => coversPart(domain.pattern, host)) };
}

function uncovered(
  declaration: Declaration,
  host: HostPattern,
  result: Coverage & { covered: false },
  where: ManifestPlace,
  what: string,
  rule: 'undeclared-egress' | 'undeclared-remote',
): Finding {
  const shown = showHost(host);
  if (result.partly.length > 0) {
    const named = result.partly.map((domain) => domain.written).join(', ');
    return {
      rule: 'egress-wider-than-declared',
      severity: 'warning',
      message: `${what} ${shown}, which allows any host under ${host.host || 'any domain'}; the declaration names only ${named}. Declare ${shown} where the data goes, or narrow the manifest entry to the hosts the app uses.`,
      manifest: place(where),
      declaration: { path: result.partly[0]!.path },
    };
  }
  return {
    rule,
    severity: 'contradiction',
    message: `${what} ${shown}, and no declared location or recipient lists it in domains:. Add ${shown} to the domains of the recipient or location that receives this data.`,
    manifest: place(where),
    declaration: { path: addDomainsAt(declaration) },
  };
}

/** Findings for egress entries and remotes that no declared domain covers. */
export function checkEgressCoverage(declaration: Declaration, facts: ManifestFacts): Finding[] {
  const domains = declaredDomains(declaration);
  const findings: Finding[] = [];
  for (const entry of facts.egress) {
    if (!entry.host) continue;
    const result = coverage(entry.host, domains);
    if (result.covered) continue;
    const finding = uncovered(
      declaration,
      entry.host,
      result,
      entry,
      `manifest.yml: ${KIND_WORDS[entry.kind]}`,
      'undeclared-egress',
    );
    // Links people follow carry no data of the app's on their own: say so, do not fail.
    findings.push(entry.kind === 'navigation' ? { ...finding, severity: 'warning' } : finding);
  }
  for (const remote of facts.remotes) {
    const hosts = [
      ...remote.baseUrls.flatMap((url) =>
        url.host ? [{ host: url.host, where: url as ManifestPlace, region: url.region }] : [],
      ),
      ...(remote.baseUrls.length === 0
        ? remote.supportedPatterns.map((host) => ({
            host,
            where: remote as ManifestPlace,
            region: 'configurable',
          }))
        : []),
    ];
    for (const { host, where, region } of hosts) {
      const result = coverage(host, domains);
      if (result.covered) continue;
      const which =
        region === 'default'
          ? ''
          : region === 'configurable'
            ? ' (an address the admin may set)'
            : ` (for sites pinned to ${region})`;
      findings.push(
        uncovered(
          declaration,
          host,
          result,
          where,
          `manifest.yml: the remote ${remote.key}${which} is reached at`,
          'undeclared-remote',
        ),
      );
    }
  }
  return findings;
}
