import { useCallback, useEffect, useRef, useState } from 'react';
import type { DisclosureView } from '@declaration';
import { describeError } from '../api/bridge.ts';
import type { UserProduct } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { lazyCode } from '../lazy-code.ts';
import { Section } from './common.tsx';
import { useReviewState, type ReviewState } from './review-state.ts';
import type * as Body from './VersionHistory.tsx';

/** The id of the "What changed" heading, where the review banner's "See what changed" leads. */
export const WHAT_CHANGED_HEADING = 'what-changed-heading';

/**
 * How near the viewport the section starts loading its code: a screen or so ahead of the reader.
 * (Inside a cross-origin frame, as Forge's, browsers apply no margin to the top viewport: the
 * code then loads when the section itself comes into view.)
 */
export const VERSIONS_LOAD_MARGIN = '800px 0px';

/**
 * The section's body (the table, the review record, the diff and its words, the review CSV:
 * 8 KB gzipped), loaded once per page view, when wanted: it is below the fold, not part of the
 * first view. A failed load is forgotten, so Retry asks again.
 */
const body = lazyCode<typeof Body>(() => import('./VersionHistory.tsx'));

/** Forgets the loaded body, so that a test sees it load again (a page view loads it once). */
export function forgetVersionsBody(): void {
  body.forget();
}

type Code =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; body: typeof Body }
  | { status: 'error'; message: string };

/**
 * The versions this site was shown, what changed between two of them, and the review record.
 * The section's heading is drawn at once; its body loads when the section comes near the
 * viewport, when the reader reaches into it, or when "What changed" is asked for (the review
 * banner focuses its heading), with the first page of history the page already fetched.
 * `review` is the page's one review state (the banner marks through it too; shown alone, the
 * section keeps its own); `product` is whose user API names the reviewers (none: account ids).
 */
export function Versions({
  view,
  review: pageReview,
  product = null,
}: {
  view: DisclosureView;
  review?: ReviewState;
  product?: UserProduct | null;
}) {
  const t = useT();
  const ownReview = useReviewState(view);
  const review = pageReview ?? ownReview;
  const [code, setCode] = useState<Code>(() => {
    const loaded = body.loaded();
    return loaded ? { status: 'ready', body: loaded } : { status: 'idle' };
  });
  // "What changed" was asked for before the body was there: it takes focus once drawn.
  const [focusWhatChanged, setFocusWhatChanged] = useState(false);
  const pending = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    setCode((state) => (state.status === 'ready' ? state : { status: 'loading' }));
    body.load().then(
      (loaded) => setCode({ status: 'ready', body: loaded }),
      (error: unknown) => setCode({ status: 'error', message: describeError(error) }),
    );
  }, []);

  useEffect(() => {
    if (code.status !== 'idle') return;
    const target = pending.current;
    // Without IntersectionObserver (an old browser, jsdom), nothing tells when: load now.
    if (!target || typeof IntersectionObserver === 'undefined') return load();
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) load();
      },
      { rootMargin: VERSIONS_LOAD_MARGIN },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [code.status, load]);

  const History = code.status === 'ready' ? code.body.VersionHistory : null;
  return (
    <Section id="versions" title={t.t('versions.title')}>
      {History ? (
        <History
          view={view}
          review={review}
          product={product}
          focusWhatChanged={focusWhatChanged}
        />
      ) : (
        <div
          ref={pending}
          data-testid="versions-pending"
          onPointerEnter={() => code.status === 'idle' && load()}
        >
          {code.status === 'error' ? (
            <p role="alert" className="inline-error">
              {t.t('versions.loadFailed', { reason: code.message })}{' '}
              <button type="button" className="button" onClick={load}>
                {t.t('state.retry')}
              </button>
            </p>
          ) : (
            <p role="status">{t.t('versions.loading')}</p>
          )}
          <h3
            id={WHAT_CHANGED_HEADING}
            tabIndex={-1}
            onFocus={() => {
              setFocusWhatChanged(true);
              if (code.status !== 'loading') load();
            }}
          >
            {t.t('diff.title')}
          </h3>
        </div>
      )}
    </Section>
  );
}
