import { useState } from 'react';
import type { ReviewRecord } from '@declaration';
import { markReviewed } from '../api/index.ts';
import { formatDateTime, useLocale } from '../i18n/index.ts';

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const record = async () => {
    setBusy(true);
    setError(null);
    const result = await markReviewed(version);
    setBusy(false);
    if (result.ok) onReviewed(result.data.review);
    else setError(`${t.review.failed} ${result.error.message}`);
  };

  return (
    <div className="review" data-testid="review">
      <p data-testid="review-status" aria-live="polite">
        {current
          ? t.review.reviewedBy(current.accountId, formatDateTime(current.reviewedAt, locale))
          : t.review.notYet}
        {!current && lastReviewed && lastReviewed.version !== version && (
          <> {t.review.lastReviewedOlder(lastReviewed.version)}</>
        )}
      </p>
      {canReview && (
        <button
          type="button"
          className="button button-primary"
          data-testid="review-button"
          disabled={busy}
          onClick={() => void record()}
        >
          {busy ? t.review.marking : t.review.mark}
        </button>
      )}
      {error && (
        <p role="alert" className="inline-error" data-testid="review-error">
          {error}
        </p>
      )}
    </div>
  );
}
