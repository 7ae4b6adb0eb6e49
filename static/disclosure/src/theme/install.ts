import shape from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-shape.js';
import spacing from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing.js';
import typography from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography.js';
import type { ColorMode } from '../api/index.ts';

/**
 * The token themes that do not depend on the colour mode, keyed by @atlaskit/tokens theme id.
 * They are small (about 1 KB gzipped together) and every mode needs them, so they ship in the page.
 */
const MODE_FREE_THEMES: Record<string, string> = { spacing, typography, shape };

/**
 * The colour themes, each 3 KB gzipped: only the one the page is shown in is loaded, and the
 * other one when the host switches to it.
 */
const COLOUR_THEMES: Record<ColorMode, () => Promise<{ default: string }>> = {
  light: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light.js'),
  dark: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js'),
};

/** Where a theme that could not be loaded is reported. */
type Warn = (message: string) => void;

const DEFAULT_THEME_ATTRIBUTE =
  'light:light dark:dark spacing:spacing typography:typography shape:shape';

/**
 * The theme CSS as `<style data-theme="...">`, the same marker `setGlobalTheme` uses, so a host
 * that loads themes itself does not get them twice.
 */
function hasTheme(doc: Document, id: string): boolean {
  return doc.head.querySelector(`style[data-theme="${id}"]`) !== null;
}

function addTheme(doc: Document, id: string, css: string): void {
  if (hasTheme(doc, id)) return;
  const style = doc.createElement('style');
  style.dataset.theme = id;
  style.textContent = css;
  doc.head.append(style);
}

/**
 * The colour theme `<html>` asks for now: `data-color-mode` picks the mode, and `data-theme`'s
 * `mode:theme` entry the theme for it (`dark:dark`); a theme this page does not have reads as
 * the mode's own.
 */
function wantedColourTheme(doc: Document): ColorMode {
  const root = doc.documentElement;
  const mode: ColorMode = root.getAttribute('data-color-mode') === 'dark' ? 'dark' : 'light';
  const entry = (root.getAttribute('data-theme') ?? '')
    .split(/\s+/)
    .find((part) => part.startsWith(`${mode}:`));
  const theme = entry?.slice(mode.length + 1);
  return theme === 'light' || theme === 'dark' ? theme : mode;
}

/** Each document's colour themes being loaded, so a theme is fetched at most once at a time. */
const loading = new WeakMap<Document, Map<ColorMode, Promise<void>>>();

/**
 * Loads one colour theme into `doc`. A theme that cannot be loaded leaves the page readable
 * (untinted text on the browser's background), is reported to `warn`, and is tried again the
 * next time it is asked for; the promise never rejects.
 */
function loadColourTheme(doc: Document, theme: ColorMode, warn: Warn): Promise<void> {
  if (hasTheme(doc, theme)) return Promise.resolve();
  const pending = loading.get(doc) ?? new Map<ColorMode, Promise<void>>();
  loading.set(doc, pending);
  const already = pending.get(theme);
  if (already) return already;
  const load = COLOUR_THEMES[theme]()
    .then(({ default: css }) => addTheme(doc, theme, css))
    .catch((error: unknown) => {
      warn(`The ${theme} colour theme could not be loaded: ${String(error)}`);
    })
    .finally(() => pending.delete(theme));
  pending.set(theme, load);
  return load;
}

/** The documents whose `<html>` is watched already. */
const watched = new WeakSet<Document>();

/**
 * Loads the colour theme the host switches to: `view.theme.enable()` sets `data-color-mode`
 * (and may set `data-theme`) on `<html>` when the page starts and whenever the user changes it.
 */
function followColourMode(doc: Document, warn: Warn): void {
  const Observer = doc.defaultView?.MutationObserver;
  if (!Observer || watched.has(doc)) return;
  watched.add(doc);
  new Observer(() => void loadColourTheme(doc, wantedColourTheme(doc), warn)).observe(
    doc.documentElement,
    { attributes: true, attributeFilter: ['data-color-mode', 'data-theme'] },
  );
}

/**
 * Puts the design tokens into the page. `view.theme.enable()` only asks the host to set
 * `data-color-mode` / `data-theme` on `<html>`; it does not put the token CSS variables into the
 * iframe. So the page adds the mode-free themes at once and the colour theme for `colorMode`
 * (the host's, else what `<html>` or the system prefers), sets the theme attributes the CSS
 * selectors need (keeping kinds the host already set), and from then on loads the other colour
 * theme when the host switches to it. The promise settles when the first colour theme is in:
 * wait for it before the first render so the page never paints without its colours.
 */
export function installTokenThemes(
  colorMode: ColorMode | null,
  doc: Document = document,
  warn: Warn = (message) => console.warn(message),
): Promise<void> {
  for (const [id, css] of Object.entries(MODE_FREE_THEMES)) addTheme(doc, id, css);
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
  followColourMode(doc, warn);
  return loadColourTheme(doc, wantedColourTheme(doc), warn);
}
