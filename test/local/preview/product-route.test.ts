import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_USERS } from '../../../src/local/preview/model.ts';
import { startTestPreview, type TestPreview } from './start-preview.ts';

const [admin, reader] = PREVIEW_USERS as [(typeof PREVIEW_USERS)[0], (typeof PREVIEW_USERS)[1]];

let preview: TestPreview;
beforeAll(async () => {
  preview = await startTestPreview('examples/exalate-cloud.yaml');
});
afterAll(async () => {
  await preview.stop();
  preview.remove();
});
beforeEach(() => preview.backend.forge!.faults.clear());

/** What the host page posts for the app page's `requestJira` / `requestConfluence`. */
async function product(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${preview.server.url}/__preview/product`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, answer: (await response.json()) as Record<string, unknown> };
}

/** The product's answer inside the preview's envelope, its body parsed. */
async function productBody(body: unknown) {
  const { status, answer } = await product(body);
  expect(status).toBe(200);
  const response = answer.response as { status: number; body: string };
  return { status: response.status, body: JSON.parse(response.body || 'null') as unknown };
}

describe("the preview's product requests (requestJira, requestConfluence)", () => {
  it('names the preview users through Jira user/bulk; an account it does not know is left out', async () => {
    const { status, body } = await productBody({
      product: 'jira',
      restPath: `/rest/api/3/user/bulk?accountId=${encodeURIComponent(admin.accountId)}&accountId=${encodeURIComponent(reader.accountId)}&accountId=5b10ac8d82e05b22cc7d4ef5&startAt=0&maxResults=3`,
      method: 'GET',
      user: 'reader',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      isLast: true,
      total: 2,
      values: [
        { accountId: admin.accountId, displayName: admin.displayName },
        { accountId: reader.accountId, displayName: reader.displayName },
      ],
    });
  });

  it('names them through Confluence user/bulk, ids as one comma-separated list', async () => {
    const { body } = await productBody({
      product: 'confluence',
      restPath: `/wiki/rest/api/user/bulk?accountId=${admin.accountId},${reader.accountId}&limit=2`,
      user: 'admin',
    });
    expect(body).toMatchObject({
      results: [
        { accountId: admin.accountId, displayName: admin.displayName },
        { accountId: reader.accountId, displayName: reader.displayName },
      ],
      size: 2,
    });
  });

  it('acts as the host page’s user: the permission check answers for them', async () => {
    const asked = (user: string) =>
      productBody({
        product: 'jira',
        restPath: '/rest/api/3/mypermissions?permissions=ADMINISTER',
        user,
      });
    const permission = (body: unknown) =>
      (body as { permissions: { ADMINISTER: { havePermission: boolean } } }).permissions.ADMINISTER
        .havePermission;
    expect(permission((await asked('admin')).body)).toBe(true);
    expect(permission((await asked('reader')).body)).toBe(false);
  });

  it('a fault on the look-up reaches the page as the product’s failure', async () => {
    preview.backend.forge!.faults.failProduct('/rest/api/3/user/bulk', {
      status: 503,
      body: { errorMessages: ['Jira is unavailable.'] },
    });
    const { status, body } = await productBody({
      product: 'jira',
      restPath: `/rest/api/3/user/bulk?accountId=${admin.accountId}`,
      user: 'admin',
    });
    expect(status).toBe(503);
    expect(body).toEqual({ errorMessages: ['Jira is unavailable.'] });
    // Other requests are answered as before.
    const other = await productBody({
      product: 'confluence',
      restPath: `/wiki/rest/api/user/bulk?accountId=${admin.accountId}`,
      user: 'admin',
    });
    expect(other.status).toBe(200);
  });

  it('refuses what is not a product request from the preview’s own page, saying why', async () => {
    expect(await product({ product: 'bitbucket', restPath: '/2.0/user', user: 'admin' })).toEqual({
      status: 400,
      answer: { ok: false, error: '"product" must be jira or confluence.' },
    });
    expect(
      (await product({ product: 'jira', restPath: 'https://evil.example/x', user: 'admin' })).answer
        .error,
    ).toBe('"restPath" must be a path on the product, starting with one "/".');
    expect(
      (await product({ product: 'jira', restPath: '/rest/api/3/myself', user: 'root' })).answer
        .error,
    ).toBe('"user" must be one of admin, reader.');
    const crossOrigin = await product(
      { product: 'jira', restPath: '/rest/api/3/user/bulk?accountId=x', user: 'admin' },
      { origin: 'https://evil.example' },
    );
    expect(crossOrigin.status).toBe(403);
  });
});
