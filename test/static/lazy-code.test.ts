import { describe, expect, test, vi } from 'vitest';
import { lazyCode } from '../../static/disclosure/src/lazy-code.ts';

describe('code loaded apart', () => {
  test('is loaded once for every caller, and at hand synchronously once in', async () => {
    const importer = vi.fn(async () => ({ answer: 42 }));
    const code = lazyCode(importer);
    expect(code.loaded()).toBeUndefined();
    const [a, b] = await Promise.all([code.load(), code.load()]);
    expect(a).toBe(b);
    expect(code.loaded()).toBe(a);
    await code.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  test('forgets a failed load, so the next call tries again', async () => {
    const importer = vi
      .fn<() => Promise<{ answer: number }>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ answer: 42 });
    const code = lazyCode(importer);
    await expect(code.load()).rejects.toThrow('Failed to fetch');
    expect(code.loaded()).toBeUndefined();
    expect((await code.load()).answer).toBe(42);
    expect(importer).toHaveBeenCalledTimes(2);
  });

  test('is loaded again once forgotten', async () => {
    const importer = vi.fn(async () => ({}));
    const code = lazyCode(importer);
    await code.load();
    code.forget();
    expect(code.loaded()).toBeUndefined();
    await code.load();
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
