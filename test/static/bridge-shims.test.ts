import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import get from '../../static/disclosure/src/api/lodash-get.ts';
import english from '../../locales/en-US.json' with { type: 'json' };

/** The real lodash/get, which `@forge/i18n` would bundle (lodash ships no types here). */
const lodashGet = createRequire(import.meta.url)('lodash/get') as (
  object: unknown,
  path: unknown,
  defaultValue?: unknown,
) => unknown;

test('the page’s lodash/get answers as lodash does for a path given as a list of keys', () => {
  const sparse = { a: { b: null, c: { d: undefined, e: 0, f: '' } }, list: [{ x: 'first' }] };
  const cases: [unknown, unknown[], unknown][] = [
    // What @forge/i18n asks: a catalogue key split at its dots, null when it is not there.
    [english, ['downloads', 'title'], null],
    [english, ['downloads', 'nothing', 'here'], null],
    [english, ['downloads'], null],
    [sparse, ['a', 'b'], 'fallback'],
    [sparse, ['a', 'b', 'c'], 'fallback'],
    [sparse, ['a', 'c', 'd'], 'fallback'],
    [sparse, ['a', 'c', 'e'], 'fallback'],
    [sparse, ['a', 'c', 'f'], 'fallback'],
    [sparse, ['list', 0, 'x'], null],
    [sparse, ['list', '0', 'x'], null],
    [sparse, [], 'fallback'],
    [null, ['a'], 'fallback'],
    [undefined, ['a'], undefined],
    ['text', ['length'], null],
  ];
  for (const [object, path, fallback] of cases) {
    expect(get(object, path as PropertyKey[], fallback), JSON.stringify(path)).toEqual(
      lodashGet(object, path, fallback),
    );
  }
  expect(get(english, ['downloads', 'title'], null)).toBe(english.downloads.title);
});

test('a path given as a string, which the bridge never passes, is refused rather than misread', () => {
  expect(() => get({ a: { b: 1 } }, 'a.b' as unknown as string[])).toThrow('list of keys');
});
