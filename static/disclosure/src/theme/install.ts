import dark from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js';
import light from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light.js';
import shape from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-shape.js';
import spacing from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing.js';
import typography from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography.js';
import type { ColorMode } from '../api/index.ts';

/**
 * The token themes this page uses, keyed by @atlaskit/tokens theme id. `view.theme.enable()` only
 * asks the host to set `data-color-mode` / `data-theme` on `<html>`; it does not put the token
 * CSS variables into the iframe. So both colour themes are defined here up front: whichever mode
 * the host switches to, every `var(--ds-...)` resolves.
 */
const THEMES: Record<string, string> = { light, dark, spacing, typography, shape };

const DEFAULT_THEME_ATTRIBUTE =
  'light:light dark:dark spacing:spacing typography:typography shape:shape';

/**
 * Adds the token CSS (as `<style data-theme="...">`, the same marker `setGlobalTheme` uses, so a
 * host that loads themes itself does not add them twice) and sets the theme attributes the CSS
 * selectors need. Theme kinds the host already set are kept.
 */
export function installTokenThemes(colorMode: ColorMode | null, doc: Document = document): void {
  for (const [id, css] of Object.entries(THEMES)) {
    if (doc.head.querySelector(`style[data-theme="${id}"]`)) continue;
    const style = doc.createElement('style');
    style.dataset.theme = id;
    style.textContent = css;
    doc.head.append(style);
  }
  const root = doc.documentElement;
  const present = (root.getAttribute('data-theme') ?? '').split(/\s+/).filter(Boolean);
  const kinds = new Set(present.map((part) => part.split(':')[0]));
  const missing = DEFAULT_THEME_ATTRIBUTE.split(' ').filter(
    (part) => !kinds.has(part.split(':')[0]),
  );
  root.setAttribute('data-theme', [...present, ...missing].join(' '));
  if (colorMode) {
    root.setAttribute('data-color-mode', colorMode);
  } else if (!root.hasAttribute('data-color-mode')) {
    const prefersDark = doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches;
    root.setAttribute('data-color-mode', prefersDark ? 'dark' : 'light');
  }
}
