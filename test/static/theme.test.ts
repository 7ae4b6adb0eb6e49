// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest';
import { installTokenThemes } from '../../static/disclosure/src/theme/install.ts';

afterEach(() => {
  document.head.innerHTML = '';
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.removeAttribute('data-color-mode');
});

/** The selectors of a theme's rule block, as written in its `<style data-theme>`. */
function themeSelectors(id: string): string[] {
  const css = document.head.querySelector(`style[data-theme="${id}"]`)?.textContent ?? '';
  return css
    .slice(0, css.indexOf('{'))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const html = () => document.documentElement;
const applies = (id: string) => themeSelectors(id).some((selector) => html().matches(selector));

describe('design token themes in the iframe', () => {
  test('both colour themes are defined, and the one for the colour mode applies', () => {
    installTokenThemes('dark');
    for (const id of ['light', 'dark']) {
      expect(document.head.querySelector(`style[data-theme="${id}"]`)?.textContent).toContain(
        '--ds-text:',
      );
    }
    expect(applies('dark')).toBe(true);
    expect(applies('light')).toBe(false);
    expect(applies('spacing')).toBe(true);
    expect(applies('typography')).toBe(true);
  });

  test('when the host switches to light, the light tokens apply without reloading anything', () => {
    installTokenThemes('dark');
    html().setAttribute('data-color-mode', 'light');
    expect(applies('light')).toBe(true);
    expect(applies('dark')).toBe(false);
  });

  test('keeps theme choices the host already made and does not add the CSS twice', () => {
    html().setAttribute('data-theme', 'dark:dark light:light');
    html().setAttribute('data-color-mode', 'dark');
    installTokenThemes(null);
    installTokenThemes(null);
    expect(html().getAttribute('data-theme')).toBe(
      'dark:dark light:light spacing:spacing typography:typography shape:shape',
    );
    expect(html().getAttribute('data-color-mode')).toBe('dark');
    expect(document.head.querySelectorAll('style[data-theme="light"]')).toHaveLength(1);
  });
});
