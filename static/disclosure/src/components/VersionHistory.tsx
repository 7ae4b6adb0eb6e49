import { useCallback, useContext, useEffect, useId, useState } from 'react';
import type { ApiResult, DeclarationDiff, DisclosureView, VersionPage } from '@declaration';
import { localize } from '@declaration/present/index.ts';
import { diffVersions, listVersions, type UserProduct } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { DiffView } from './DiffView.tsx';
import { FirstHistoryContext, listFirstVersions } from './history-prefetch.ts';
import { Review } from './Review.tsx';
import { dataOf, failed, loading, type RequestState } from './request.ts';
import { ReviewHistoryDownload } from './ReviewHistoryDownload.tsx';
import { useReviewerNames } from './reviewer-names.ts';
import { withRecorded, type ReviewState } from './review-state.ts';
import { focusHeading } from '../document-behaviour.ts';
import { policyVersionText } from './version-words.ts';
import { VersionTable, type VersionRow } from './VersionTable.tsx';
import { WHAT_CHANGED_HEADING } from './Versions.tsx';

/** Compare from the version last reviewed when it is older, else from the one before. */
function defaultFrom(view: DisclosureView): number | null {
  const current = view.version.version;
  const reviewed = view.review.lastReviewed?.version;
  if (reviewed !== undefined && reviewed < current) return reviewed;
  return current > 1 ? current - 1 : null;
}

/** The versions loaded so far, newest first, and where the next page starts (null: none left). */
interface VersionList {
  rows: VersionRow[];
  cursor: string | null;
}

/**
 * The body of the versions section, under its heading (its code is loaded when the section comes
 * near the viewport, see Versions.tsx): the review record, the versions this site was shown, and what changed
 * between two of them. The first page of history and the default comparison come from the one
 * `versions/list` the page asked for at start-up when there is one (FirstHistoryContext), else
 * from one asked now. `focusWhatChanged`: the reader asked for "What changed" before this code
 * was there, so its heading takes focus once drawn.
 */
export function VersionHistory({
  view,
  review,
  product,
  focusWhatChanged = false,
}: {
  view: DisclosureView;
  review: ReviewState;
  product: UserProduct | null;
  focusWhatChanged?: boolean;
}) {
  const t = useT();
  const prefetched = useContext(FirstHistoryContext);
  const current = view.version.version;
  const fromId = useId();
  const toId = useId();
  const [list, setList] = useState<RequestState<VersionList>>({ status: 'loading' });
  const [comparison, setComparison] = useState<RequestState<DeclarationDiff>>({ status: 'idle' });
  const [from, setFrom] = useState<number | null>(() => defaultFrom(view));
  const [to, setTo] = useState<number>(current);
  const sinceReviewed = view.review.lastReviewed?.version;
  // The reviews recorded on this page are shown with the rows as soon as they are recorded.
  const rows = (dataOf(list)?.rows ?? []).map((row) => ({
    ...row,
    reviews: withRecorded(row.version, row.reviews, review.recorded),
  }));
  const cursor = dataOf(list)?.cursor ?? null;
  const diff = dataOf(comparison);
  // Everyone shown is looked up at once, when the first page is in (or failed), then only new ids.
  const names = useReviewerNames(
    [
      ...(review.current ? [review.current.accountId] : []),
      ...rows.flatMap((row) => row.reviews.map((record) => record.accountId)),
    ],
    product,
    list.status !== 'loading' || dataOf(list) !== undefined,
  );

  const loadPage = useCallback(async (after?: string) => {
    setList(loading);
    const result = await listVersions(after);
    if (!result.ok) {
      setList((state) => failed(state, result.error));
      return;
    }
    setList((state) => ({
      status: 'ready',
      data: {
        rows: [...(dataOf(state)?.rows ?? []), ...result.data.versions],
        cursor: result.data.nextCursor,
      },
    }));
  }, []);

  const compare = useCallback(async (older: number, newer: number) => {
    setComparison(loading);
    const result = await diffVersions(Math.min(older, newer), Math.max(older, newer));
    if (result.ok) setComparison({ status: 'ready', data: result.data });
    else setComparison((state) => failed(state, result.error));
  }, []);

  /** The first page with the default comparison; asked for separately when it did not come. */
  const showFirst = useCallback(
    (result: ApiResult<VersionPage>) => {
      const initialFrom = defaultFrom(view);
      if (!result.ok) {
        setList((state) => failed(state, result.error));
      } else {
        setList({
          status: 'ready',
          data: { rows: result.data.versions, cursor: result.data.nextCursor },
        });
      }
      const defaultDiff = result.ok ? result.data.defaultDiff : undefined;
      if (defaultDiff) setComparison({ status: 'ready', data: defaultDiff });
      else if (defaultDiff === null || initialFrom === null) setComparison({ status: 'idle' });
      // Not in the answer (the first page failed, or a backend that does not bring it).
      else void compare(initialFrom, current);
    },
    [compare, current, view],
  );

  useEffect(() => {
    let live = true;
    if (defaultFrom(view) !== null) setComparison(loading);
    void (prefetched ?? listFirstVersions()).then((result) => {
      if (live) showFirst(result);
    });
    return () => {
      live = false;
    };
    // Only on mount: the page is re-created when the view changes.
  }, []);

  useEffect(() => {
    if (focusWhatChanged) focusHeading(WHAT_CHANGED_HEADING);
  }, []);

  const numbers = [
    ...new Set([current, ...(from ? [from] : []), ...rows.map((r) => r.version)]),
  ].sort((a, b) => b - a);
  // An option holds only text: the vendor's version label is isolated with Unicode's own marks.
  const option = (version: number) => {
    const policyVersion =
      rows.find((row) => row.version === version)?.policyVersion ??
      (version === current ? view.version.policyVersion : undefined);
    return policyVersion === undefined
      ? t.t('versions.optionWithoutPolicy', { version })
      : t.t('versions.option', {
          version,
          policyVersion: policyVersionText(policyVersion, t),
        });
  };

  return (
    <>
      <Review version={current} review={review} canReview={view.canReview} names={names} />
      <p>{t.t('versions.intro')}</p>
      {rows.length > 0 && <VersionTable rows={rows} current={current} names={names} />}
      {list.status === 'loading' && <p role="status">{t.t('versions.loading')}</p>}
      {list.status === 'error' && (
        <p role="alert" className="inline-error">
          {t.t('versions.loadFailed', { reason: list.error.message })}{' '}
          <button
            type="button"
            className="button"
            onClick={() => void loadPage(cursor ?? undefined)}
          >
            {t.t('state.retry')}
          </button>
        </p>
      )}
      {list.status === 'ready' && cursor && (
        <button
          type="button"
          className="button"
          data-testid="versions-load-more"
          onClick={() => void loadPage(cursor)}
        >
          {t.t('versions.loadMore')}
        </button>
      )}

      {view.canReview && (
        <ReviewHistoryDownload
          rows={dataOf(list) ? rows : null}
          cursor={cursor}
          recorded={review.recorded}
          product={product}
          appName={localize(view.declaration.app.name, 'en')}
        />
      )}

      <h3 id={WHAT_CHANGED_HEADING} tabIndex={-1}>
        {t.t('diff.title')}
      </h3>
      {current === 1 && rows.length <= 1 ? (
        <p data-testid="diff-only-one">{t.t('diff.onlyOne')}</p>
      ) : (
        <form
          className="compare"
          onSubmit={(event) => {
            event.preventDefault();
            if (from !== null && from !== to) void compare(from, to);
          }}
        >
          <label htmlFor={fromId}>{t.t('diff.from')}</label>
          <select
            id={fromId}
            data-testid="diff-from"
            value={from ?? ''}
            onChange={(event) => setFrom(Number(event.target.value))}
          >
            {from === null && <option value="" />}
            {numbers.map((n) => (
              <option key={n} value={n}>
                {option(n)}
              </option>
            ))}
          </select>
          <label htmlFor={toId}>{t.t('diff.to')}</label>
          <select
            id={toId}
            data-testid="diff-to"
            value={to}
            onChange={(event) => setTo(Number(event.target.value))}
          >
            {numbers.map((n) => (
              <option key={n} value={n}>
                {option(n)}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button"
            data-testid="diff-compare"
            disabled={from === null || from === to || comparison.status === 'loading'}
          >
            {t.t(comparison.status === 'loading' ? 'diff.comparing' : 'diff.compare')}
          </button>
        </form>
      )}
      {from !== null && from === to && <p>{t.t('diff.sameVersion')}</p>}
      {diff &&
        sinceReviewed !== undefined &&
        diff.from === sinceReviewed &&
        diff.to === current && <p>{t.t('diff.sinceReviewed', { version: sinceReviewed })}</p>}
      {comparison.status === 'error' && (
        <p role="alert" className="inline-error" data-testid="diff-error">
          {t.t('diff.failed', { reason: comparison.error.message })}
        </p>
      )}
      {diff && <DiffView diff={diff} declaration={view.declaration} />}
    </>
  );
}
