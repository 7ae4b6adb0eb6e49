/**
 * Host names as manifest.yml and the declaration's `domains:` write them: with or without a
 * scheme, a port or a path, with a leading `*.` wildcard. Matching is by host only, as Forge's
 * backend egress matches (a path on a backend entry grants the whole host).
 */

/** A host pattern: `api.example.com`, `*.example.com` (its subdomains, not itself), or `*`. */
export interface HostPattern {
  /** Lower case, without scheme, port, path or the `*.` of a wildcard. */
  host: string;
  /** `*.host`: any host below `host`, at any depth, but not `host` itself. */
  wildcard: boolean;
  /** `*` alone: any host at all. */
  any: boolean;
}

/**
 * The host an address names, or undefined when it names none (an empty string, a bare scheme).
 * `https://*.example.com:8443/path` → `{ host: 'example.com', wildcard: true }`.
 */
export function parseHost(address: string): HostPattern | undefined {
  let rest = address.trim().toLowerCase();
  rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  rest = rest.replace(/[/?#].*$/, '');
  rest = rest.replace(/^[^@]*@/, '');
  rest = rest.replace(/:\d*$/, '');
  if (rest === '*') return { host: '', wildcard: true, any: true };
  const wildcard = rest.startsWith('*.');
  // A fully qualified name's final dot names the same host.
  const host = (wildcard ? rest.slice(2) : rest).replace(/\.$/, '');
  return host ? { host, wildcard, any: false } : undefined;
}

/** The pattern written back, as a vendor reads it: `*.example.com`, `api.example.com`, `*`. */
export function showHost(pattern: HostPattern): string {
  if (pattern.any) return '*';
  return pattern.wildcard ? `*.${pattern.host}` : pattern.host;
}

function isBelow(host: string, parent: string): boolean {
  return host.endsWith(`.${parent}`);
}

/**
 * Whether every host `reached` can name is also named by `declared`: `*.example.com` covers
 * `api.example.com`, `a.b.example.com` and `*.api.example.com`, but not `example.com`; a plain
 * host covers only itself; `*` covers everything.
 */
export function covers(declared: HostPattern, reached: HostPattern): boolean {
  if (declared.any) return true;
  if (reached.any) return false;
  if (!declared.wildcard) return !reached.wildcard && reached.host === declared.host;
  return reached.host === declared.host ? reached.wildcard : isBelow(reached.host, declared.host);
}

/**
 * Whether `declared` names some, but not every, host `reached` can name: the manifest allows
 * `*.example.com` and the declaration names `api.example.com` (or `*.eu.example.com`).
 */
export function coversPart(declared: HostPattern, reached: HostPattern): boolean {
  if (covers(declared, reached)) return false;
  if (reached.any) return true;
  if (!reached.wildcard) return false;
  return isBelow(declared.host, reached.host);
}
