import { useState } from 'react';
import { CLOSED_ACCOUNT_ID, type ReviewRecord } from '@declaration/api.ts';
import { markReviewed } from '../api/index.ts';
import type { Translator } from '@declaration/i18n/index.ts';
import { formatDateTime, useT } from '../i18n/index.ts';
import { dataOf, failed, loading, type RequestState } from './request.ts';

/** Who reviewed a version and when, in the reader's words and date format. */
export function reviewedBy(review: ReviewRecord, t: Translator): string {
  if (review.accountId === CLOSED_ACCOUNT_ID) {
    return t.t('review.reviewedByClosedAccount', {
      date: formatDateTime(review.reviewedAt, t.locale),
    });
  }
  return t.t('review.reviewedBy', {
    accountId: review.accountId,
    date: formatDateTime(review.reviewedAt, t.locale),
  });
}

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
  const t = useT();
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
          ? reviewedBy(shown, t)
          : lastReviewed && lastReviewed.version !== version
            ? t.t('review.notYetOlder', { version: lastReviewed.version })
            : t.t('review.notYet')}
      </p>
      {canReview && (
        <button
          type="button"
          className="button button-primary"
          data-testid="review-button"
          disabled={marking.status === 'loading'}
          onClick={() => void record()}
        >
          {t.t(marking.status === 'loading' ? 'review.marking' : 'review.mark')}
        </button>
      )}
      {marking.status === 'error' && (
        <p role="alert" className="inline-error" data-testid="review-error">
          {t.t('review.failed', { reason: marking.error.message })}
        </p>
      )}
    </div>
  );
}
