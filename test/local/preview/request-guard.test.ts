import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_USERS } from '../../../src/local/preview/model.ts';
import { rawRequest, reviewBody, type RawAnswer } from './raw-request.ts';
import { invoke, startTestPreview, type TestPreview } from './start-preview.ts';

const EXAMPLE = 'examples/exalate-cloud.yaml';
const admin = PREVIEW_USERS[0]!;

let preview: TestPreview;
let own: string;
beforeEach(async () => {
  preview = await startTestPreview(EXAMPLE);
  own = `127.0.0.1:${preview.server.port}`;
});
afterEach(async () => {
  await preview.stop();
  preview.remove();
});

/** Everything the local KVS holds now. */
function stored(): Record<string, unknown> {
  return preview.backend.forge!.snapshot();
}

/** Who the preview says reviewed the current version, asked the way its own page asks. */
async function currentReviewer(): Promise<string | null> {
  const { json } = await invoke(preview, 'disclosure/get', {}, { user: 'reader' });
  const data = (json.body as { data: { review: { current: { accountId: string } | null } } }).data;
  return data.review.current?.accountId ?? null;
}

function expectRefused(answer: RawAnswer, reason: RegExp): void {
  expect(answer.status).toBe(403);
  expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  expect(JSON.parse(answer.text)).toEqual({ ok: false, error: expect.stringMatching(reason) });
}

/** What a page on another origin sends with `fetch(url, { method: 'POST', mode: 'no-cors', body })`. */
const NO_CORS_FROM_EVIL = {
  origin: 'https://evil.example',
  'content-type': 'text/plain;charset=UTF-8',
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'no-cors',
};

describe('a page on another origin', () => {
  it('cannot record a review with a no-cors text/plain POST: 403, and nothing is stored', async () => {
    const before = stored();
    const answer = await rawRequest(preview, {
      method: 'POST',
      path: '/__preview/invoke',
      headers: NO_CORS_FROM_EVIL,
      body: reviewBody(1),
    });
    expectRefused(answer, /"https:\/\/evil\.example" may not use this preview/);
    // Browsers before Sec-Fetch-* still send the Origin.
    const older = await rawRequest(preview, {
      method: 'POST',
      path: '/__preview/invoke',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: reviewBody(1),
    });
    expectRefused(older, /evil\.example/);
    expect(stored()).toEqual(before);
    expect(await currentReviewer()).toBeNull();
    // Told on the terminal once, however often a hostile page tries.
    const told = preview.log.filter((line) => line.startsWith('Refused POST /__preview/invoke'));
    expect(told).toEqual([
      expect.stringContaining('A page on "https://evil.example" may not use this preview'),
    ]);
  });

  it('cannot record one as JSON either: its CORS preflight and the POST are refused', async () => {
    const before = stored();
    const preflight = await rawRequest(preview, {
      method: 'OPTIONS',
      path: '/__preview/invoke',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
        'sec-fetch-site': 'same-site',
        'sec-fetch-mode': 'cors',
      },
    });
    expectRefused(preflight, /"http:\/\/localhost:5173" may not use this preview/);
    const post = await rawRequest(preview, {
      method: 'POST',
      path: '/__preview/invoke',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      body: reviewBody(1),
    });
    expectRefused(post, /localhost:5173/);
    expect(stored()).toEqual(before);
    expect(await currentReviewer()).toBeNull();
  });

  it('cannot read the status or the declaration, even without an Origin header', async () => {
    const status = await rawRequest(preview, {
      path: '/__preview/status',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expectRefused(status, /evil\.example/);
    expect(status.text).not.toContain('exalate');
    // A <script src> or no-cors GET sends no Origin; the browser still says where it comes from.
    const embedded = await rawRequest(preview, {
      path: '/__preview/status',
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
    });
    expectRefused(embedded, /Sec-Fetch-Site: "cross-site"/);
    const read = await rawRequest(preview, {
      method: 'POST',
      path: '/__preview/invoke',
      headers: { ...NO_CORS_FROM_EVIL, 'sec-fetch-mode': 'cors' },
      body: JSON.stringify({ functionKey: 'disclosure/get', page: 'jira-admin', user: 'admin' }),
    });
    expectRefused(read, /evil\.example/);
    expect(read.text).not.toContain('Exalate');
  });

  it('is another origin on another port of the same machine, or with an opaque origin', async () => {
    const before = stored();
    for (const origin of [
      `http://127.0.0.1:${preview.server.port + 1}`,
      'null',
      `https://${own}`,
    ]) {
      const answer = await rawRequest(preview, {
        method: 'POST',
        path: '/__preview/invoke',
        headers: { origin, 'content-type': 'application/json' },
        body: reviewBody(1),
      });
      expectRefused(answer, /may not use this preview/);
    }
    expect(stored()).toEqual(before);
  });
});

describe('a name that is not the preview own (DNS rebinding)', () => {
  const ROUTES = [
    ['GET', '/'],
    ['GET', '/jira-admin'],
    ['GET', '/confluence-global?user=reader'],
    ['GET', '/app/index.html'],
    ['GET', '/app/assets/index-Cq1x9.js'],
    ['GET', '/__preview/status'],
    ['GET', '/__preview/host.js'],
    ['GET', '/__preview/bridge.js'],
    ['GET', '/__preview/host.css'],
    ['GET', '/__preview/tokens.css'],
    ['GET', '/favicon.ico'],
    ['GET', '/no-such-page'],
    ['POST', '/__preview/invoke'],
    ['POST', '/__preview/store/start-over'],
  ] as const;

  it('gets 403 and none of the content on every route', async () => {
    const before = stored();
    for (const [method, path] of ROUTES) {
      for (const host of ['evil.example', `evil.example:${preview.server.port}`, '127.0.0.1:1']) {
        // Same-origin for the browser: after rebinding, the attacker's page is on that name.
        const answer = await rawRequest(preview, {
          method,
          path,
          headers: { host, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
          ...(method === 'POST' ? { body: reviewBody(1) } : {}),
        });
        expect(answer.status, `${method} ${path} with Host ${host}`).toBe(403);
        // Pages get the reason as text, data routes as the JSON error the host page reads.
        const reason = String(answer.headers['content-type']).startsWith('application/json')
          ? (JSON.parse(answer.text) as { error: string }).error
          : answer.text;
        expect(reason).toContain(`The Host "${host}" is not this preview's address`);
        expect(answer.text).not.toMatch(/Exalate|app bundle|__bridge|--ds-|Privacy Disclosure/);
      }
    }
    const noHost = await rawRequest(preview, { path: '/jira-admin', headers: { host: null } });
    // Node's own HTTP server already answers 400 to an HTTP/1.1 request without a Host.
    expect([400, 403]).toContain(noHost.status);
    expect(noHost.text).not.toContain('Privacy Disclosure');
    expect(stored()).toEqual(before);
    expect(await currentReviewer()).toBeNull();
  });

  it('is told apart from localhost, 127.0.0.1 and [::1] on its port, which are answered', async () => {
    for (const host of [`localhost:${preview.server.port}`, own, `[::1]:${preview.server.port}`]) {
      const page = await rawRequest(preview, { path: '/jira-admin', headers: { host } });
      expect(page.status, host).toBe(200);
      expect(page.text).toContain('Privacy Disclosure');
    }
    const rebound = await rawRequest(preview, {
      path: '/jira-admin',
      headers: { host: `localhost.evil.example:${preview.server.port}` },
    });
    expect(rebound.status).toBe(403);
  });
});

describe('the preview own page and local tools', () => {
  it('record a review with same-origin JSON, while the same body as text/plain is refused', async () => {
    const headers = {
      origin: `http://${own}`,
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
    };
    const before = stored();
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const refused = await rawRequest(preview, {
        method: 'POST',
        path: '/__preview/invoke',
        headers: { ...headers, 'content-type': type },
        body: reviewBody(1),
      });
      expectRefused(refused, /must be JSON, sent with Content-Type: application\/json/);
    }
    expect(stored()).toEqual(before);

    const recorded = await rawRequest(preview, {
      method: 'POST',
      path: '/__preview/invoke',
      headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
      body: reviewBody(1),
    });
    expect(recorded.status).toBe(200);
    expect(JSON.parse(recorded.text)).toMatchObject({
      ok: true,
      body: { ok: true, data: { review: { version: 1, accountId: admin.accountId } } },
    });
    expect(await currentReviewer()).toBe(admin.accountId);
  });

  it('answer curl: no Origin, its own Host and JSON work, and a missing content type does not', async () => {
    const refused = await rawRequest(preview, {
      method: 'POST',
      path: '/__preview/invoke',
      body: reviewBody(1),
    });
    expectRefused(refused, /must be JSON/);
    expect(await currentReviewer()).toBeNull();

    const status = await rawRequest(preview, {
      path: '/__preview/status',
      headers: { host: `localhost:${preview.server.port}` },
    });
    expect(status.status).toBe(200);
    expect(JSON.parse(status.text)).toMatchObject({ publishedVersion: 1 });
    const recorded = await rawRequest(preview, {
      method: 'POST',
      path: '/__preview/invoke',
      headers: { 'content-type': 'application/json' },
      body: reviewBody(1),
    });
    expect(recorded.status).toBe(200);
    expect(await currentReviewer()).toBe(admin.accountId);
  });
});
