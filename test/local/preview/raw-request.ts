import { request } from 'node:http';
import type { TestPreview } from './start-preview.ts';

/** A request as a browser or an attacker might send it: every header, Host included, is as given. */
export interface RawRequest {
  method?: string;
  path: string;
  /** Sent exactly; `host` defaults to the preview's own `127.0.0.1:<port>`, `null` sends none. */
  headers?: Record<string, string | null>;
  body?: string;
}

/** What came back. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends one request to the preview with node:http, which (unlike fetch) lets Host and Origin be set. */
export function rawRequest(preview: TestPreview, options: RawRequest): Promise<RawAnswer> {
  const headers: Record<string, string> = {};
  const given = { host: `127.0.0.1:${preview.server.port}`, ...options.headers };
  for (const [name, value] of Object.entries(given)) if (value !== null) headers[name] = value;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: preview.server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        setHost: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** The body the host page sends to record a review of `version` as the site admin on the Jira admin page. */
export function reviewBody(version: number): string {
  return JSON.stringify({
    functionKey: 'review/mark',
    payload: { version },
    page: 'jira-admin',
    user: 'admin',
    locale: 'en',
  });
}
