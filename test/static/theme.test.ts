// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import dark from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js';
import light from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light.js';
import { installTokenThemes } from '../../static/disclosure/src/theme/install.ts';
import {
  parseTheme,
  subsetTheme,
  tokensDefinedBy,
  tokensNamedIn,
} from '../../static/disclosure/src/theme/subset.ts';
import { repoRoot } from './examples.ts';

afterEach(() => {
  document.head.innerHTML = '';
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.removeAttribute('data-color-mode');
});

const themeStyle = (id: string) => document.head.querySelector(`style[data-theme="${id}"]`);

/** The selectors of a theme's rule block, as written in its `<style data-theme>`. */
function themeSelectors(id: string): string[] {
  const css = themeStyle(id)?.textContent ?? '';
  return css
    .slice(0, css.indexOf('{'))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const html = () => document.documentElement;
const applies = (id: string) => themeSelectors(id).some((selector) => html().matches(selector));

describe('design token themes in the iframe', () => {
  test('only the colour theme of the host’s mode is loaded, and it applies', async () => {
    await installTokenThemes('dark');
    expect(themeStyle('dark')?.textContent).toContain('--ds-text:');
    expect(themeStyle('light')).toBeNull();
    expect(applies('dark')).toBe(true);
    expect(applies('spacing')).toBe(true);
    expect(applies('typography')).toBe(true);
    expect(applies('shape')).toBe(true);
  });

  test('when the host switches to light after load, the light tokens are loaded and apply', async () => {
    await installTokenThemes('dark');
    html().setAttribute('data-color-mode', 'light');
    await vi.waitFor(() => expect(themeStyle('light')?.textContent).toContain('--ds-text:'));
    expect(applies('light')).toBe(true);
    expect(applies('dark')).toBe(false);
    // And back: the dark theme is still there, nothing is loaded twice.
    html().setAttribute('data-color-mode', 'dark');
    await vi.waitFor(() => expect(applies('dark')).toBe(true));
    expect(document.head.querySelectorAll('style[data-theme="dark"]')).toHaveLength(1);
  });

  test('a host that maps dark mode to the light theme gets the light theme', async () => {
    html().setAttribute('data-theme', 'dark:light light:light');
    await installTokenThemes('dark');
    expect(themeStyle('light')).not.toBeNull();
    expect(themeStyle('dark')).toBeNull();
    expect(applies('light')).toBe(true);
  });

  test('keeps theme choices the host already made and does not add the CSS twice', async () => {
    html().setAttribute('data-theme', 'dark:dark light:light');
    html().setAttribute('data-color-mode', 'dark');
    await Promise.all([installTokenThemes(null), installTokenThemes(null)]);
    expect(html().getAttribute('data-theme')).toBe(
      'dark:dark light:light spacing:spacing typography:typography shape:shape',
    );
    expect(html().getAttribute('data-color-mode')).toBe('dark');
    expect(document.head.querySelectorAll('style[data-theme="dark"]')).toHaveLength(1);
    expect(document.head.querySelectorAll('style[data-theme="spacing"]')).toHaveLength(1);
  });

  test('a colour theme that cannot be loaded leaves the page to render, and says why', async () => {
    vi.resetModules();
    vi.doMock('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js', () => {
      throw new Error('network down');
    });
    try {
      const fresh = await import('../../static/disclosure/src/theme/install.ts');
      const warn = vi.fn();
      await expect(fresh.installTokenThemes('dark', document, warn)).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('dark colour theme'));
      expect(themeStyle('dark')).toBeNull();
      expect(applies('spacing')).toBe(true);
    } finally {
      vi.doUnmock('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js');
      vi.resetModules();
    }
  });
});

/** The tokens the page names: its CSS and components, and the CSS reset it imports. */
function pageTokens(): Set<string> {
  const uiSource = join(repoRoot, 'static/disclosure/src');
  const reset = createRequire(import.meta.url).resolve('@atlaskit/css-reset');
  const files = [join(uiSource, 'styles.css'), reset];
  return new Set(files.flatMap((file) => [...tokensNamedIn(readFileSync(file, 'utf8'))]));
}

describe('token themes cut to the tokens the page uses', () => {
  test('light and dark, cut, still define every colour token the page’s CSS uses', () => {
    const used = pageTokens();
    const colours = [...used].filter((token) => tokensDefinedBy('light', light).has(token));
    expect(colours.length).toBeGreaterThan(30);
    for (const [name, css] of Object.entries({ light, dark })) {
      const cut = subsetTheme(name, css, used);
      const defined = tokensDefinedBy(name, cut);
      expect(
        colours.filter((token) => !defined.has(token)),
        name,
      ).toEqual([]);
      expect(cut.length).toBeLessThan(css.length / 4);
      // The selector is the full theme's, so the cut applies exactly when the full one would.
      expect(parseTheme(name, cut).selector).toBe(parseTheme(name, css).selector);
      expect(cut).toContain(`color-scheme:${name}`);
    }
  });

  test('keeps a token that a kept token’s value refers to, and drops the rest', () => {
    const css = `html[data-theme~="light:light"] {
      --ds-text: var(--ds-text-base);
      --ds-text-base: #172B4D;
      --ds-link: #1868DB;
    }`;
    const cut = subsetTheme('light', css, new Set(['--ds-text']));
    expect(cut).toBe(
      'html[data-theme~="light:light"]{--ds-text:var(--ds-text-base);--ds-text-base:#172B4D}',
    );
  });

  test('a theme of another shape is an error that names it, not a theme with tokens missing', () => {
    expect(() => subsetTheme('light', '@media print { a { --ds-text: red; } }', new Set())).toThrow(
      'light: a token theme must be one CSS rule',
    );
    expect(() => parseTheme('dark', 'html { color }')).toThrow('dark: "color" is not a CSS');
  });
});
