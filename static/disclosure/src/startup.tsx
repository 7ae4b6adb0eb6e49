import { StrictMode, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ApiResult, DisclosureView } from '@declaration';
import { enableHostTheme, getDisclosure, getHostContext, productOf } from './api/index.ts';
import { App, shownView } from './App.tsx';
import { fullPage } from './components/full-page.ts';
import { FirstHistoryContext, listFirstVersions } from './components/history-prefetch.ts';
import { islandSlots, PageIslands } from './components/PageIslands.tsx';
import { isConfirmed, readFirstPaint, unhide, type FirstPaint } from './first-paint.ts';
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
 * paint stays on screen, untouched, until the disclosure arrives. When it shows the served
 * version in the reader's language, it stays for good: the page mounts only its own parts into
 * it (PageIslands: the review banner, versions, downloads), and the document model and its
 * components never load. Otherwise the whole page (DisclosurePage, code of its own, loaded
 * meanwhile) draws the stored version, or in the reader's language, over it in one synchronous
 * commit. A failed load keeps the first paint under a notice. Answers the React root (null when
 * no catalogue could be loaded).
 */
export async function start(root: HTMLElement): Promise<Root | null> {
  const disclosure = getDisclosure();
  const history = listFirstVersions();
  const firstPaint = readFirstPaint(root);
  // Without a first paint the whole page is drawn: its code loads beside everything else. A
  // failed load is App's to say, with Retry.
  if (!firstPaint) fullPage.load().catch(() => undefined);
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
  // One language for the page: the catalogue's, which dates and numbers follow too. A first
  // paint in it says so already: setting it again would restyle the whole document.
  if (document.documentElement.lang !== translator.locale)
    document.documentElement.lang = translator.locale;

  const providers = (children: ReactNode) => (
    <StrictMode>
      <TranslatorContext.Provider value={translator}>
        <FirstHistoryContext.Provider value={history}>{children}</FirstHistoryContext.Provider>
      </TranslatorContext.Provider>
    </StrictMode>
  );
  const page = (first: ApiResult<DisclosureView> | Promise<ApiResult<DisclosureView>>) =>
    providers(<App host={context} first={first} firstPaint={firstPaint} />);

  // A first paint in another language than the reader's is not kept while loading (the gate
  // script hid it already when the browser said so): the loading state says it in their words.
  if (!firstPaint || firstPaint.locale !== translator.locale) {
    fullPage.load().catch(() => undefined);
    const reactRoot = createRoot(root);
    reactRoot.render(page(disclosure));
    unhide();
    return reactRoot;
  }
  const answer = await disclosure;
  const confirmed =
    answer.ok && isConfirmed(firstPaint, answer.data.version.contentHash, translator.locale);
  const slots = confirmed ? islandSlots(root) : null;
  if (answer.ok && slots) {
    // The first paint is the page's document part: only the page's own parts are drawn, in one
    // task, before the browser paints again. The focus stays where the reader put it.
    const reactRoot = createRoot(slots.afterHeader);
    flushSync(() =>
      reactRoot.render(
        providers(
          <PageIslands
            view={shownView(answer.data, context.extensionType)}
            product={productOf(context.extensionType)}
            end={slots.end}
          />,
        ),
      ),
    );
    root.setAttribute(FIRST_PAINT_STATE_ATTRIBUTE, 'confirmed');
    unhide();
    return reactRoot;
  }
  // Another version than the first paint's, or a failure: the whole page's code first, so that
  // what replaces the first paint is drawn in one synchronous commit.
  if (answer.ok) await fullPage.load().catch(() => undefined);
  const reactRoot = createRoot(root);
  flushSync(() => reactRoot.render(page(answer)));
  root.setAttribute(FIRST_PAINT_STATE_ATTRIBUTE, 'replaced');
  unhide();
  return reactRoot;
}
