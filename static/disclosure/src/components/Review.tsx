import { CLOSED_ACCOUNT_ID, type ReviewRecord } from '@declaration/api.ts';
import type { Translator } from '@declaration/i18n/index.ts';
import { formatDateTime, useT } from '../i18n/index.ts';
import { isolateText } from './isolate.tsx';
import type { ReviewState } from './review-state.ts';

/** The reviewer's display name when the product gave one, else the account id. */
export function reviewerName(accountId: string, names: Record<string, string>): string {
  return names[accountId] ?? accountId;
}

/** Who reviewed a version and when, in the reader's words and date format. */
export function reviewedBy(
  review: ReviewRecord,
  t: Translator,
  names: Record<string, string> = {},
): string {
  if (review.accountId === CLOSED_ACCOUNT_ID) {
    return t.t('review.reviewedByClosedAccount', {
      date: formatDateTime(review.reviewedAt, t.locale),
    });
  }
  return t.t('review.reviewedBy', {
    // A person's name is theirs, in their script: isolated from the words around it.
    reviewer: isolateText(reviewerName(review.accountId, names)),
    date: formatDateTime(review.reviewedAt, t.locale),
  });
}

/**
 * One review in words; the account id stays at hand in the tooltip (never for a closed account,
 * whose id was erased).
 */
export function ReviewedBy({
  review,
  names,
}: {
  review: ReviewRecord;
  names: Record<string, string>;
}) {
  const t = useT();
  const title = review.accountId === CLOSED_ACCOUNT_ID ? undefined : review.accountId;
  return (
    <span title={title} data-testid="reviewed-by">
      {reviewedBy(review, t, names)}
    </span>
  );
}

/**
 * Who reviewed the current version and when; in admin modules, the button that records a review.
 * The backend checks the module and the user's permission again, so a refusal is shown as text.
 */
export function Review({
  version,
  review,
  canReview,
  names,
}: {
  version: number;
  review: ReviewState;
  canReview: boolean;
  names: Record<string, string>;
}) {
  const t = useT();
  const { current, lastReviewed, marking } = review;

  return (
    <div className="review" data-testid="review">
      <p data-testid="review-status" aria-live="polite">
        {current ? (
          <ReviewedBy review={current} names={names} />
        ) : lastReviewed && lastReviewed.version !== version ? (
          t.t('review.notYetOlder', { version: lastReviewed.version })
        ) : (
          t.t('review.notYet')
        )}
      </p>
      {canReview && (
        <button
          type="button"
          className="button button-primary"
          data-testid="review-button"
          disabled={marking.status === 'loading'}
          onClick={() => void review.mark()}
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
