import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ApiResult, DisclosureView } from '@declaration';
import { enableHostTheme, getDisclosure, getHostContext } from './api/index.ts';
import { App } from './App.tsx';
import { FirstHistoryContext, listFirstVersions } from './components/history-prefetch.ts';
import {
  focusedElement,
  isConfirmed,
  readFirstPaint,
  unhide,
  type FirstPaint,
} from './first-paint.ts';
import { FIRST_PAINT_STATE_ATTRIBUTE } from './prerender-markers.ts';
import { loadTranslator, TranslatorContext, type Translator } from './i18n/index.ts';
import { installTokenThemes } from './theme/install.ts';

/**
 * No catalogue could be loaded, not even English, so the page has no words of its own: it says
 * so in English (the one language it can assume), in plain DOM. A first paint on screen stays,
 * readable, under the notice.
 */
function showWithoutWords(root: HTMLElement, firstPaint: FirstPaint | null, error: Error): void {
  const notice = document.createElement('p');
  notice.setAttribute('role', 'alert');
  notice.className = firstPaint ? 'first-paint-notice' : 'state';
  notice.dataset.testid = 'no-catalogue';
  notice.textContent = firstPaint
    ? `This page could not load its words (${error.message}); what is shown may be out of date.`
    : `This page could not load its words: ${error.message}`;
  if (firstPaint) root.prepend(notice);
  else root.replaceChildren(notice);
  unhide();
}

/**
 * Starts the page in `root`. The two invokes of a page view start first, in the same tick:
 * `disclosure/get` and the first page of history with the default comparison (`versions/list`
 * with `withDefaultDiff`, used by the versions section when it loads). They need the bridge
 * module, not the host's context, so they do not wait for `getContext` (whose first call costs
 * the host a `Intl.DateTimeFormat`). With the context, the catalogue and the colour theme load
 * at the same time; the page renders once both are there, so it never shows English first or
 * paints without its colours.
 *
 * When the build pre-rendered the document into `root` (see prerender-markers.ts), that first
 * paint stays on screen, untouched, until the disclosure arrives; the page then draws in one
 * synchronous commit: the same markup when the served version and the reader's locale are the
 * first paint's (nothing visible changes, and the focus stays where it was), the stored version
 * or the reader's language when not. A failed load keeps the first paint under a notice.
 * Answers the React root (null when no catalogue could be loaded).
 */
export async function start(root: HTMLElement): Promise<Root | null> {
  const disclosure = getDisclosure();
  const history = listFirstVersions();
  const firstPaint = readFirstPaint(root);
  const context = await getHostContext();
  const themed = installTokenThemes(context.colorMode);
  void enableHostTheme();
  let translator: Translator;
  try {
    [translator] = await Promise.all([loadTranslator(context.locale), themed]);
  } catch (error) {
    showWithoutWords(root, firstPaint, error as Error);
    return null;
  }
  // One language for the page: the catalogue's, which dates and numbers follow too.
  document.documentElement.lang = translator.locale;

  const page = (first: ApiResult<DisclosureView> | Promise<ApiResult<DisclosureView>>) => (
    <StrictMode>
      <TranslatorContext.Provider value={translator}>
        <FirstHistoryContext.Provider value={history}>
          <App host={context} first={first} firstPaint={firstPaint} />
        </FirstHistoryContext.Provider>
      </TranslatorContext.Provider>
    </StrictMode>
  );

  const reactRoot = createRoot(root);
  // A first paint in another language than the reader's is not kept while loading (the gate
  // script hid it already when the browser said so): the loading state says it in their words.
  if (!firstPaint || firstPaint.locale !== translator.locale) {
    reactRoot.render(page(disclosure));
    unhide();
    return reactRoot;
  }
  const answer = await disclosure;
  const confirmed =
    answer.ok && isConfirmed(firstPaint, answer.data.version.contentHash, translator.locale);
  const focused = confirmed ? focusedElement(root) : null;
  // One task: the first paint is replaced by the page's first render before the browser paints.
  flushSync(() => reactRoot.render(page(answer)));
  root.setAttribute(FIRST_PAINT_STATE_ATTRIBUTE, confirmed ? 'confirmed' : 'replaced');
  if (focused) (focused(root) as HTMLElement | null)?.focus({ preventScroll: true });
  unhide();
  return reactRoot;
}
