/**
 * The page's first paint, rendered ahead of time in Node (react-dom/server): the document part
 * (DocumentView: header, index, sections) of a declaration, by the same components and from the
 * same document model as the live page, in one shipped locale, with the content hash the backend
 * publishes the declaration and its manifest facts under, so the page can tell whether the
 * version it is served is the one painted. Built into `static/disclosure/prerender/` by
 * `vite.prerender.config.ts` (self-contained: React and the catalogues are bundled, since the
 * package a vendor installs does not depend on React); the build and the preview load it.
 */
import dark from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js';
import light from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light.js';
import shape from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-shape.js';
import spacing from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing.js';
import typography from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography.js';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Declaration, PublishedManifestFacts } from '@declaration';
import { canonicalJson } from '@declaration/canonical.ts';
import { loadCatalogue } from '@declaration/i18n/load.ts';
import { resolveLocale, SHIPPED_LOCALES, type ShippedLocale } from '@declaration/i18n/locales.ts';
import { createTranslator } from '@declaration/i18n/translator.ts';
import { publishedContentHash } from '@declaration/manifest/published.ts';
import { DocumentView } from './components/DocumentView.tsx';
import { TranslatorContext } from './i18n/context.ts';
import { PRERENDER_HIDDEN_CLASS } from './prerender-markers.ts';

/** A first paint: the markup for `#root`, the hash it was rendered from, its locale. */
export interface Prerendered {
  /** DocumentView's static markup (React's, so every vendor text in it is escaped). */
  html: string;
  /** `publishedContentHash` of the declaration's canonical JSON and the facts. */
  contentHash: string;
  locale: ShippedLocale;
}

/**
 * Renders the document part of the page for `declaration` published with `manifestFacts` (null:
 * not checked against a manifest) in `options.locale`, matched to a shipped catalogue as the
 * page matches the host's locale. `declaration` is a validated one, as the build and the backend
 * hold it.
 */
export async function prerender(
  declaration: Declaration,
  manifestFacts: PublishedManifestFacts | null,
  options: { locale: string },
): Promise<Prerendered> {
  const locale = resolveLocale(options.locale);
  const translator = createTranslator(locale, await loadCatalogue(locale));
  // Static markup, not markup to hydrate: the page draws over it (startup.tsx), so React's
  // separators between adjacent texts (`<!-- -->`, one per vendor text or number in a sentence)
  // would only cost the parser and the first layout a text node each, thousands on a long
  // declaration.
  const html = renderToStaticMarkup(
    <TranslatorContext.Provider value={translator}>
      <DocumentView declaration={declaration} manifest={manifestFacts} />
    </TranslatorContext.Provider>,
  );
  const contentHash = await publishedContentHash(canonicalJson(declaration), manifestFacts);
  return { html, contentHash, locale };
}

/**
 * The token themes the first paint needs before the page's script runs, by the id the page's
 * theme installer marks them with (`<style data-theme="light">`), so it does not add them again.
 * The UI build cuts them to the tokens the page uses, as it cuts the page's own.
 */
export const TOKEN_THEMES: Readonly<Record<string, string>> = {
  light,
  dark,
  spacing,
  typography,
  shape,
};

/** The themes `<html>` asks for, as the page's theme installer sets them. */
const THEME_ATTRIBUTE = Object.keys(TOKEN_THEMES)
  .map((id) => `${id}:${id}`)
  .join(' ');

/** The rule that keeps a first paint in another language than the reader's from showing. */
export const HIDDEN_RULE = `html.${PRERENDER_HIDDEN_CLASS} #root { visibility: hidden; }`;

/**
 * The gate script (a classic script, run in `<head>` before the body paints): hides the first
 * paint when the reader's language (`navigator.language`, by the page's own matching rules) is
 * not the locale it was rendered in (the script tag's `data-locale`), and asks for the token
 * themes the way the page's theme installer does, in the colour mode `prefers-color-scheme`
 * gives until the host sets one, so the first paint has its colours. It never throws.
 */
export function gateScript(): string {
  return `/* privacy-disclosure: shows the pre-rendered first paint only to readers of its language. */
(function () {
  try {
    var script = document.currentScript;
    var painted = script && script.getAttribute('data-locale');
    var root = document.documentElement;
    if (!root.hasAttribute('data-theme')) root.setAttribute('data-theme', '${THEME_ATTRIBUTE}');
    if (!root.hasAttribute('data-color-mode') && window.matchMedia) {
      root.setAttribute('data-color-mode', window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    }
    if (!painted) return;
    var shipped = ${JSON.stringify(SHIPPED_LOCALES)};
    var code = String(navigator.language || '').replace(/_/g, '-').toLowerCase();
    var wanted = '${SHIPPED_LOCALES[0]}';
    var language = code.split('-')[0];
    var exact = null, same = null;
    for (var i = 0; i < shipped.length; i++) {
      if (shipped[i].toLowerCase() === code) exact = shipped[i];
      if (same === null && shipped[i].split('-')[0] === language) same = shipped[i];
    }
    if (exact) wanted = exact;
    else if (code && !/^zh-(?:hant|tw|hk|mo)(?:-|$)/.test(code) && same) wanted = same;
    if (wanted !== painted) root.classList.add('${PRERENDER_HIDDEN_CLASS}');
  } catch (error) {
    document.documentElement.classList.add('${PRERENDER_HIDDEN_CLASS}');
  }
})();
`;
}
