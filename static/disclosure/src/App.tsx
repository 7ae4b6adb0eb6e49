import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ApiError, ApiResult, DisclosureView } from '@declaration';
import { describeError } from './api/bridge.ts';
import { getDisclosure, productOf, type HostContext, type UserProduct } from './api/index.ts';
import { FirstPaintNotice } from './components/FirstPaintNotice.tsx';
import { fullPage } from './components/full-page.ts';
import { Empty, LoadError, Loading } from './components/States.tsx';
import type { FirstPaint } from './first-paint.ts';
import { useT } from './i18n/index.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'empty' }
  | { kind: 'ready'; view: DisclosureView };

/**
 * Modules that only read. The backend decides `canReview` and checks every write again; the page
 * also never offers a write control where the host says it is a global page, read by everyone.
 */
const READ_ONLY_MODULE_TYPES = new Set(['jira:globalPage', 'confluence:globalPage']);

/** The served view as the page shows it in a module of `extensionType`. */
export function shownView(view: DisclosureView, extensionType: string): DisclosureView {
  return { ...view, canReview: view.canReview && !READ_ONLY_MODULE_TYPES.has(extensionType) };
}

/** The state an answer of `disclosure/get` puts the page in. */
function stateOf(result: ApiResult<DisclosureView>, extensionType: string): State {
  if (result.ok) return { kind: 'ready', view: shownView(result.data, extensionType) };
  // NOT_FOUND means nothing was published on this site yet: a state, not a failure.
  if (result.error.code === 'NOT_FOUND') return { kind: 'empty' };
  return { kind: 'error', error: result.error };
}

/** The build's first paint, as it was before the page's script ran (its markup, unchanged). */
function FirstPaintMarkup({ firstPaint }: { firstPaint: FirstPaint }) {
  // The build's own output (React's markup, every vendor text escaped), put back as it was.
  return <div className="first-paint" dangerouslySetInnerHTML={{ __html: firstPaint.html }} />;
}

/**
 * The whole page (DisclosurePage), whose code loads apart: at once when start-up loaded it
 * already, after `waiting` (the first paint, or the loading state) while it loads; a failed load
 * says so, with Retry.
 */
function FullPage({
  view,
  product,
  waiting,
}: {
  view: DisclosureView;
  product: UserProduct | null;
  waiting: ReactNode;
}) {
  const [Page, setPage] = useState(() => fullPage.loaded()?.DisclosurePage);
  const [failed, setFailed] = useState<string | null>(null);
  const load = useCallback(() => {
    setFailed(null);
    fullPage.load().then(
      (loaded) => setPage(() => loaded.DisclosurePage),
      (error: unknown) => setFailed(describeError(error)),
    );
  }, []);
  useEffect(() => {
    if (!Page) load();
    // Only on mount: the page's code is loaded once.
  }, []);
  if (Page) return <Page view={view} product={product} />;
  if (failed !== null)
    return <LoadError error={{ code: 'INTERNAL', message: failed }} onRetry={load} />;
  return <>{waiting}</>;
}

/**
 * Loads the disclosure once and shows it, or says what failed with a way to retry. `first` is
 * the first `disclosure/get`, asked for at start-up: its answer when it is already in (the page
 * then draws it in its first render), or the answer on its way; absent, the page asks itself.
 * `firstPaint` is the build's pre-rendered document on screen: while loading it stays as it is
 * (when it is in the reader's language), and when loading fails it stays readable under a notice
 * that it may be out of date.
 */
export function App({
  host,
  first,
  firstPaint = null,
}: {
  host: Pick<HostContext, 'extensionType'>;
  first?: ApiResult<DisclosureView> | Promise<ApiResult<DisclosureView>>;
  firstPaint?: FirstPaint | null;
}) {
  const t = useT();
  const [state, setState] = useState<State>(() =>
    first && !(first instanceof Promise) ? stateOf(first, host.extensionType) : { kind: 'loading' },
  );

  const show = useCallback(
    (answer: Promise<ApiResult<DisclosureView>>) =>
      answer.then((result) => setState(stateOf(result, host.extensionType))),
    [host.extensionType],
  );
  const load = useCallback(() => {
    setState({ kind: 'loading' });
    void show(getDisclosure());
  }, [show]);

  useEffect(() => {
    if (first instanceof Promise) void show(first);
    else if (!first) void show(getDisclosure());
    // Only on mount: `first` is one answer, the start-up's.
  }, []);

  switch (state.kind) {
    case 'loading':
      return firstPaint?.locale === t.locale ? (
        <FirstPaintMarkup firstPaint={firstPaint} />
      ) : (
        <Loading />
      );
    case 'error':
      return firstPaint ? (
        <>
          <FirstPaintNotice error={state.error} onRetry={load} />
          <FirstPaintMarkup firstPaint={firstPaint} />
        </>
      ) : (
        <LoadError error={state.error} onRetry={load} />
      );
    case 'empty':
      return <Empty />;
    case 'ready':
      return (
        <FullPage
          view={state.view}
          product={productOf(host.extensionType)}
          waiting={
            firstPaint?.locale === t.locale ? (
              <FirstPaintMarkup firstPaint={firstPaint} />
            ) : (
              <Loading />
            )
          }
        />
      );
  }
}
