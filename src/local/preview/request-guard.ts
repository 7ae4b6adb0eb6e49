/**
 * Who may talk to the preview. It runs on the vendor's machine with their stored versions and
 * reviews, so a page on any other origin must not record a review (a no-cors POST needs no CORS
 * answer to have its effect) nor read data, and a name that merely resolves to this machine
 * (DNS rebinding) must not be answered at all.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** What a request does, which decides the checks it gets. */
export type RequestKind =
  /** Host pages, app files, scripts and styles: only the Host is checked. */
  | 'page'
  /** Returns data (status): Host, Origin and Sec-Fetch-Site are checked. */
  | 'data'
  /** Changes state (invoke, start over): as `data`, and the body must be declared as JSON. */
  | 'write';

/** The names under which the preview is its own: `host:port` values and `http://host:port` origins. */
export interface OwnAddresses {
  hosts: ReadonlySet<string>;
  origins: ReadonlySet<string>;
  /** How to open the preview, for the refusal message. */
  example: string;
}

/**
 * The preview's own addresses: localhost, 127.0.0.1 and [::1] on its port, and the host it was
 * bound to. Nothing else, so that another name pointed at this machine is refused.
 */
export function ownAddresses(port: number, boundHost: string): OwnAddresses {
  const bound =
    boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
  const names = new Set(['localhost', '127.0.0.1', '[::1]', bound.toLowerCase()]);
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    // On port 80 a browser leaves the port out of both headers.
    if (port === 80) hosts.add(name);
  }
  return {
    hosts,
    origins: new Set([...hosts].map((host) => `http://${host}`)),
    example: `http://localhost:${port}`,
  };
}

/** A header's value as received, quoted and shortened for a message. */
function quote(value: string): string {
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Why the preview refuses a request, or null when it may be answered. The message names the
 * header that was wrong and what it said.
 */
export function refusal(
  headers: IncomingHttpHeaders,
  own: OwnAddresses,
  kind: RequestKind,
): string | null {
  const host = one(headers.host);
  if (host === undefined) return `The request has no Host header; open ${own.example}.`;
  if (!own.hosts.has(host.toLowerCase()))
    return `The Host ${quote(host)} is not this preview's address; open ${own.example}.`;
  if (kind === 'page') return null;

  const origin = one(headers.origin);
  // No Origin: not sent by a browser page of another origin (curl, scripts, same-origin GETs).
  if (origin !== undefined && !own.origins.has(origin.toLowerCase()))
    return `A page on ${quote(origin)} may not use this preview; only its own pages at ${own.example} may.`;
  const site = one(headers['sec-fetch-site']);
  // Browsers send it on every request: only the preview's own pages ("same-origin") and the user
  // typing the address ("none") may reach data. "same-site" is another port or subdomain.
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `The browser says this request comes from another site (Sec-Fetch-Site: ${quote(site)}).`;
  if (kind === 'data') return null;

  const type = one(headers['content-type']);
  // A cross-origin page can send text/plain or a form without asking; JSON needs a CORS preflight.
  if (type?.split(';')[0]?.trim().toLowerCase() !== 'application/json')
    return `The request must be JSON, sent with Content-Type: application/json${
      type === undefined ? '' : `, not ${quote(type)}`
    }.`;
  return null;
}
