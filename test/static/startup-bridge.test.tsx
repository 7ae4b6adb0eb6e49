// @vitest-environment jsdom
import { expect, test, vi } from 'vitest';

/**
 * The start-up order through the real `@forge/bridge` and the page's real api module: what the
 * host receives, op by op, while its `getContext` has not answered yet.
 */
const calls: { op: string; functionKey?: string; payload?: unknown }[] = [];
const callBridge = vi.fn((op: string, payload?: unknown) => {
  const { functionKey, payload: sent } = (payload ?? {}) as {
    functionKey?: string;
    payload?: unknown;
  };
  calls.push(op === 'invoke' ? { op, functionKey, payload: sent } : { op });
  // The host's context never comes in this test; invokes are answered later than the test looks.
  return new Promise(() => undefined);
});
// Before the bridge loads: it looks for its host when imported.
(globalThis as { __bridge?: unknown }).__bridge = { callBridge };

const { start } = await import('../../static/disclosure/src/startup.tsx');

test('disclosure/get and versions/list with the default diff reach the host before getContext answers', async () => {
  const root = document.createElement('div');
  document.body.append(root);
  void start(root);
  await vi.waitFor(() => expect(calls.some((call) => call.op === 'getContext')).toBe(true));
  const invokes = calls.filter((call) => call.op === 'invoke');
  expect(invokes).toEqual([
    { op: 'invoke', functionKey: 'disclosure/get', payload: {} },
    { op: 'invoke', functionKey: 'versions/list', payload: { limit: 20, withDefaultDiff: true } },
  ]);
  // Both were sent first: they need the bridge module, not the context.
  const firstContext = calls.findIndex((call) => call.op === 'getContext');
  expect(calls.findIndex((call) => call.functionKey === 'versions/list')).toBeLessThan(
    firstContext,
  );
});
