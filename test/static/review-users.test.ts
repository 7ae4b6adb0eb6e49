import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { CLOSED_ACCOUNT_ID } from '@declaration/api.ts';

/**
 * `displayNames` over the real `@forge/bridge`: `requestJira` / `requestConfluence` reach the
 * host as one `fetchProduct` bridge call each, answered here as the product would.
 */
const callBridge = vi.fn<(op: string, payload?: unknown) => Promise<unknown>>();

beforeAll(() => {
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge };
  // The bridge builds `new Request('')`: a browser resolves '' against the page, Node has none.
  const NodeRequest = globalThis.Request;
  vi.stubGlobal(
    'Request',
    class extends NodeRequest {
      constructor(input: RequestInfo | URL, init?: RequestInit) {
        super(input === '' ? 'https://frame.invalid/' : input, init);
      }
    },
  );
});

const { displayNames, clearDisplayNames, productOf } =
  await import('../../static/disclosure/src/api/users.ts');

const alex = { accountId: '5b10a2844c20165700ede21g', displayName: 'Alex Admin' };
const mia = { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Mia Krystof' };

/** What the bridge gives `fetchProduct`'s caller: the answer's status, headers and text body. */
function answer(status: number, body: unknown) {
  return {
    status,
    statusText: '',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

function productCalls() {
  return callBridge.mock.calls.filter(([op]) => op === 'fetchProduct') as [
    string,
    { product: string; restPath: string; fetchRequestInit: { method?: string } },
  ][];
}

beforeEach(() => {
  callBridge.mockReset();
  clearDisplayNames();
});

describe('reviewer display names', () => {
  test('Jira: one bulk request for every id, named from values[].displayName', async () => {
    callBridge.mockResolvedValue(answer(200, { isLast: true, startAt: 0, values: [alex, mia] }));
    const names = await displayNames([alex.accountId, mia.accountId, alex.accountId], 'jira');
    expect(names).toEqual({ [alex.accountId]: 'Alex Admin', [mia.accountId]: 'Mia Krystof' });
    const calls = productCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]![1].product).toBe('jira');
    expect(calls[0]![1].restPath).toBe(
      `/rest/api/3/user/bulk?accountId=${alex.accountId}&accountId=${mia.accountId}&startAt=0&maxResults=2`,
    );
  });

  test('Confluence: accountId as one comma-separated list, named from results[]', async () => {
    callBridge.mockResolvedValue(answer(200, { results: [mia], size: 1 }));
    const names = await displayNames([mia.accountId, alex.accountId], 'confluence');
    // Alex is not in the answer: no name, so the page shows the id.
    expect(names).toEqual({ [mia.accountId]: 'Mia Krystof' });
    const [call] = productCalls();
    expect(call![1].product).toBe('confluence');
    expect(call![1].restPath).toBe(
      `/wiki/rest/api/user/bulk?accountId=${mia.accountId},${alex.accountId}&limit=2`,
    );
  });

  test('cached for the page view: known ids are not asked again, new ones are asked alone', async () => {
    callBridge.mockResolvedValueOnce(answer(200, { isLast: true, values: [alex] }));
    await displayNames([alex.accountId], 'jira');
    callBridge.mockResolvedValueOnce(answer(200, { isLast: true, values: [mia] }));
    const names = await displayNames([alex.accountId, mia.accountId], 'jira');
    expect(names).toEqual({ [alex.accountId]: 'Alex Admin', [mia.accountId]: 'Mia Krystof' });
    const calls = productCalls();
    expect(calls).toHaveLength(2);
    expect(calls[1]![1].restPath).toContain(`accountId=${mia.accountId}&startAt=0`);
    expect(calls[1]![1].restPath).not.toContain(alex.accountId);
    await displayNames([alex.accountId, mia.accountId], 'jira');
    expect(productCalls()).toHaveLength(2);
  });

  test('two look-ups at once share one request', async () => {
    callBridge.mockResolvedValue(answer(200, { isLast: true, values: [alex] }));
    const [first, second] = await Promise.all([
      displayNames([alex.accountId], 'jira'),
      displayNames([alex.accountId], 'jira'),
    ]);
    expect(first).toEqual(second);
    expect(productCalls()).toHaveLength(1);
  });

  test.each([
    ['a refusal (403)', () => callBridge.mockResolvedValue(answer(403, { errorMessages: ['No'] }))],
    ['a thrown bridge error', () => callBridge.mockRejectedValue(new Error('host went away'))],
    [
      'an answer that is not JSON',
      () => callBridge.mockResolvedValue({ status: 200, headers: {}, body: '<html>' }),
    ],
  ])('%s gives no names, and is not retried in the same page view', async (_what, fail) => {
    fail();
    expect(await displayNames([alex.accountId], 'jira')).toEqual({});
    expect(await displayNames([alex.accountId], 'jira')).toEqual({});
    expect(productCalls()).toHaveLength(1);
  });

  test('Jira pages: a partial page asks for the rest from where it stopped', async () => {
    callBridge
      .mockResolvedValueOnce(answer(200, { isLast: false, startAt: 0, values: [alex] }))
      .mockResolvedValueOnce(answer(200, { isLast: true, startAt: 1, values: [mia] }));
    const names = await displayNames([alex.accountId, mia.accountId], 'jira');
    expect(Object.keys(names)).toHaveLength(2);
    expect(productCalls().map(([, p]) => /startAt=(\d+)/.exec(p.restPath)![1])).toEqual(['0', '1']);
  });

  test('a long list is split into requests of at most 100 ids', async () => {
    const ids = Array.from({ length: 230 }, (_, i) => `712020:${String(i).padStart(8, '0')}`);
    callBridge.mockImplementation(async () => answer(200, { isLast: true, values: [] }));
    await displayNames(ids, 'jira');
    const sizes = productCalls().map(([, p]) => p.restPath.match(/accountId=/g)!.length);
    expect(sizes).toEqual([100, 100, 30]);
  });

  test('a closed account is never looked up, and without a product nothing is asked', async () => {
    callBridge.mockResolvedValue(answer(200, { isLast: true, values: [] }));
    expect(await displayNames([CLOSED_ACCOUNT_ID], 'jira')).toEqual({});
    expect(await displayNames([alex.accountId], null)).toEqual({});
    expect(productCalls()).toHaveLength(0);
  });

  test('the product comes from the module type', () => {
    expect(productOf('jira:adminPage')).toBe('jira');
    expect(productOf('confluence:globalPage')).toBe('confluence');
    expect(productOf('')).toBeNull();
    expect(productOf('bitbucket:repoPage')).toBeNull();
  });
});
