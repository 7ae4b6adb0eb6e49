import { expect, test } from 'vitest';
import { getDisclosure, getHostContext } from '../../static/disclosure/src/api/index.ts';

// No `__bridge` global: the page was opened outside an Atlassian product.

test('without a host, resolver calls fail with the bridge message instead of a blank page', async () => {
  const result = await getDisclosure();
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.message).toContain('Could not call disclosure/get');
    expect(result.error.message).toContain('Custom UI bridge');
  }
});

test('without a host, the context falls back to English', async () => {
  expect((await getHostContext()).locale).toBe('en-US');
});
