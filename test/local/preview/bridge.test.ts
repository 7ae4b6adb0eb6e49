import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { clientScript } from '../../../src/local/preview/assets.ts';
import { MESSAGE_TAG } from '../../../src/local/preview/model.ts';

type Message = Record<string, unknown>;
type Bridge = { callBridge(op: string, payload?: unknown): Promise<unknown> };

/** Runs the served bridge script in a stand-in for the app's iframe inside a host page. */
async function loadBridge() {
  const posted: Message[] = [];
  const listeners: ((event: { source: unknown; origin: string; data: unknown }) => void)[] = [];
  const attributes = new Map<string, string>();
  const parent = {
    postMessage: (message: Message, origin: string) => posted.push({ ...message, origin }),
  };
  const window: Record<string, unknown> = {
    parent,
    location: { origin: 'http://127.0.0.1:8787', reload() {} },
    addEventListener: (type: string, listener: (typeof listeners)[number]) => {
      if (type === 'message') listeners.push(listener);
    },
  };
  const document = {
    documentElement: {
      setAttribute: (name: string, value: string) => attributes.set(name, value),
      getAttribute: (name: string) => attributes.get(name) ?? null,
    },
  };
  runInNewContext(await clientScript('bridge'), {
    window,
    document,
    Promise,
    Map,
    Set,
    Error,
    String,
    Date,
  });
  const fromHost = (data: Message) => {
    for (const listener of listeners)
      listener({ source: parent, origin: 'http://127.0.0.1:8787', data });
  };
  const reply = (id: unknown, value: unknown) =>
    fromHost({ [MESSAGE_TAG]: 'result', id, ok: true, value });
  return { bridge: window.__bridge as Bridge, posted, fromHost, reply, attributes };
}

describe('the bridge script put into the app frame', () => {
  it('defines window.__bridge and forwards invoke to the host page, answering with its reply', async () => {
    const { bridge, posted, reply } = await loadBridge();
    const answer = bridge.callBridge('invoke', { functionKey: 'disclosure/get', payload: {} });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      [MESSAGE_TAG]: 'call',
      op: 'invoke',
      payload: { functionKey: 'disclosure/get', payload: {} },
      origin: 'http://127.0.0.1:8787',
    });
    reply(posted[0]!.id, { ok: true, data: { canReview: false } });
    await expect(answer).resolves.toEqual({ ok: true, data: { canReview: false } });
  });

  it('turns a refusal from the host into a rejected call with its message', async () => {
    const { bridge, posted, fromHost } = await loadBridge();
    const answer = bridge.callBridge('navigate', {
      url: 'https://marketplace.atlassian.com',
      type: 'new-tab',
    });
    fromHost({ [MESSAGE_TAG]: 'result', id: posted[0]!.id, ok: false, error: 'Resolver threw' });
    await expect(answer).rejects.toThrow('Resolver threw');
  });

  it('applies the host theme on enableTheming and follows later theme changes', async () => {
    const { bridge, posted, reply, fromHost, attributes } = await loadBridge();
    const enabling = bridge.callBridge('enableTheming');
    expect(posted[0]).toMatchObject({ op: 'getContext' });
    reply(posted[0]!.id, { theme: { colorMode: 'dark' } });
    await enabling;
    expect(attributes.get('data-color-mode')).toBe('dark');
    expect(attributes.get('data-theme')).toContain('light:light');
    fromHost({ [MESSAGE_TAG]: 'theme', colorMode: 'light' });
    expect(attributes.get('data-color-mode')).toBe('light');
  });

  it('ignores theme changes until the app asked for theming, as Forge does', async () => {
    const { fromHost, attributes } = await loadBridge();
    fromHost({ [MESSAGE_TAG]: 'theme', colorMode: 'dark' });
    expect(attributes.has('data-color-mode')).toBe(false);
  });

  it('keeps event subscriptions inside the frame and delivers emitted events', async () => {
    const { bridge, posted } = await loadBridge();
    const received: unknown[] = [];
    const subscription = (await bridge.callBridge('on', {
      event: 'review-recorded',
      callback: (payload: unknown) => received.push(payload),
    })) as { unsubscribe(): void };
    await bridge.callBridge('emit', { event: 'review-recorded', payload: { version: 2 } });
    subscription.unsubscribe();
    await bridge.callBridge('emit', { event: 'review-recorded', payload: { version: 3 } });
    expect(received).toEqual([{ version: 2 }]);
    expect(posted).toHaveLength(0);
  });
});
