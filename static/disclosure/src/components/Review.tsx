import { useState } from 'react';
import type { ReviewRecord } from '@declaration';
import { markReviewed } from '../api/index.ts';
import { formatDateTime, useLocale } from '../i18n/index.ts';
import { dataOf, failed, loading, type RequestState } from './request.ts';

/**
 * Who reviewed the current version and when; in admin modules, the button that records a review.
 * The backend checks the module and the user's permission again, so a refusal is shown as text.
 */
export function Review({
  version,
  current,
  lastReviewed,
  canReview,
  onReviewed,
}: {
  version: number;
  current: ReviewRecord | null;
  lastReviewed: ReviewRecord | null;
  canReview: boolean;
  onReviewed: (review: ReviewRecord) => void;
}) {
  const { locale, t } = useLocale();
  // The review this admin records here; until then, the one the page was loaded with.
  const [marking, setMarking] = useState<RequestState<ReviewRecord>>(() =>
    current ? { status: 'ready', data: current } : { status: 'idle' },
  );
  const shown = dataOf(marking) ?? null;

  const record = async () => {
    setMarking(loading);
    const result = await markReviewed(version);
    if (result.ok) {
      setMarking({ status: 'ready', data: result.data.review });
      onReviewed(result.data.review);
    } else setMarking((state) => failed(state, result.error));
  };

  return (
    <div className="review" data-testid="review">
      <p data-testid="review-status" aria-live="polite">
        {shown
          ? t.review.reviewedBy(shown.accountId, formatDateTime(shown.reviewedAt, locale))
          : t.review.notYet}
        {!shown && lastReviewed && lastReviewed.version !== version && (
          <> {t.review.lastReviewedOlder(lastReviewed.version)}</>
        )}
      </p>
      {canReview && (
        <button
          type="button"
          className="button button-primary"
          data-testid="review-button"
          disabled={marking.status === 'loading'}
          onClick={() => void record()}
        >
          {marking.status === 'loading' ? t.review.marking : t.review.mark}
        </button>
      )}
      {marking.status === 'error' && (
        <p role="alert" className="inline-error" data-testid="review-error">
          {t.review.failed} {marking.error.message}
        </p>
      )}
    </div>
  );
}
