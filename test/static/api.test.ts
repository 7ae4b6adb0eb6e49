import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';

/**
 * The real `@forge/bridge` code behind the api module, talking to a host stand-in: the bridge
 * reaches the host only through `globalThis.__bridge.callBridge(op, payload)`.
 */
const callBridge = vi.fn<(op: string, payload?: unknown) => Promise<unknown>>();

beforeAll(() => {
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge };
});
beforeEach(() => {
  callBridge.mockReset();
});

const api = await import('../../static/disclosure/src/api/index.ts');

describe('resolver calls', () => {
  test('each function invokes its resolver key with its payload and returns the envelope', async () => {
    callBridge.mockResolvedValue({ ok: true, data: { from: 2, to: 5, entries: [], counts: {} } });
    const result = await api.diffVersions(2, 5);
    expect(callBridge).toHaveBeenCalledWith('invoke', {
      functionKey: 'versions/diff',
      payload: { from: 2, to: 5 },
      metadata: undefined,
    });
    expect(result).toEqual({ ok: true, data: { from: 2, to: 5, entries: [], counts: {} } });

    await api.markReviewed(5);
    expect(callBridge).toHaveBeenLastCalledWith(
      'invoke',
      expect.objectContaining({
        functionKey: 'review/mark',
        payload: { version: 5 },
      }),
    );
    await api.listVersions('cursor-after-20');
    expect(callBridge).toHaveBeenLastCalledWith(
      'invoke',
      expect.objectContaining({
        functionKey: 'versions/list',
        payload: { cursor: 'cursor-after-20', limit: 20 },
      }),
    );
  });

  test('a backend refusal comes back as it was sent', async () => {
    const refusal = { ok: false, error: { code: 'FORBIDDEN', message: 'Only admins can review.' } };
    callBridge.mockResolvedValue(refusal);
    expect(await api.markReviewed(1)).toEqual(refusal);
  });

  test('an answer that is not an envelope becomes a readable failure naming the resolver', async () => {
    callBridge.mockResolvedValue({ declaration: {} });
    const result = await api.getDisclosure();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).toContain('disclosure/get');
    }
  });

  test('a thrown host error becomes a failure with its message instead of an exception', async () => {
    callBridge.mockRejectedValue(new Error('Invocation timed out after 25 seconds'));
    const result = await api.getVersion(3);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Could not call versions/get: Invocation timed out after 25 seconds',
      },
    });
  });
});

describe('host context, theme and links', () => {
  test('context locale is matched to a shipped catalogue, with the module type and colour mode', async () => {
    callBridge.mockResolvedValue({
      locale: 'en_GB',
      moduleKey: 'privacy-disclosure-jira-admin',
      extension: { type: 'jira:adminPage' },
      theme: { colorMode: 'dark' },
    });
    expect(await api.getHostContext()).toEqual({
      locale: 'en-US',
      moduleKey: 'privacy-disclosure-jira-admin',
      extensionType: 'jira:adminPage',
      colorMode: 'dark',
    });
    expect(callBridge).toHaveBeenCalledWith('getContext');
  });

  test.each([
    ['pt_BR', 'pt-BR'],
    ['de_AT', 'de-DE'],
    ['not a locale!', 'en-US'],
    [undefined, 'en-US'],
  ])('reads the host locale %j as the catalogue %s', async (locale, shipped) => {
    callBridge.mockResolvedValue({ locale, moduleKey: 'privacy-disclosure-jira-admin' });
    expect((await api.getHostContext()).locale).toBe(shipped);
  });

  test('theming is requested from the host', async () => {
    callBridge.mockResolvedValue(undefined);
    await api.enableHostTheme();
    expect(callBridge).toHaveBeenCalledWith('enableTheming');
  });

  test('external links open in a new tab through the host router', async () => {
    callBridge.mockResolvedValue(undefined);
    expect(await api.openExternal('https://exalate.com/privacy-policy/')).toEqual({ ok: true });
    expect(callBridge).toHaveBeenCalledWith('navigate', {
      url: 'https://exalate.com/privacy-policy/',
      type: 'new-tab',
    });
  });
});
