import { useId } from 'react';
import type { DisclosureView } from '@declaration';
import { say } from '@declaration/document/compose.ts';
import { materialCountText } from '@declaration/material-words.ts';
import { formatDateTime, useT } from '../i18n/index.ts';
import { Inline } from './blocks/Inline.tsx';
import type { ReviewState } from './review-state.ts';
import { policyVersionText } from './version-words.ts';

/**
 * Whether the page nudges the admin: an admin module, a current version nobody has reviewed,
 * and a version that followed another (an upgrade; the first install is not a change).
 */
export function needsReview(view: DisclosureView, review: ReviewState): boolean {
  return (
    view.canReview &&
    review.current === null &&
    (view.material !== null || view.version.version > 1)
  );
}

/**
 * The nudge after an upgrade: which version waits for review, when it was published and how
 * many of its changes matter, with the way to what changed and the way to record the review.
 * Shown only while {@link needsReview}; marking from here or from the Review button ends it.
 */
export function ReviewBanner({
  view,
  review,
  onSeeChanges,
}: {
  view: DisclosureView;
  review: ReviewState;
  /** Moves focus to "What changed". */
  onSeeChanges: () => void;
}) {
  const t = useT();
  const titleId = useId();
  if (!needsReview(view, review)) return null;
  const { version, policyVersion, publishedAt } = view.version;
  const date = formatDateTime(publishedAt, t.locale);
  const material = view.material;
  const marking = review.marking.status === 'loading';

  return (
    <section className="review-banner" data-testid="review-banner" aria-labelledby={titleId}>
      <h2 id={titleId} className="review-banner-title">
        {t.t('review.banner.title')}
      </h2>
      <p>
        {policyVersion === 'not-stated'
          ? t.t('review.banner.publishedWithoutPolicy', { version, date })
          : t.t('review.banner.published', {
              version,
              date,
              policyVersion: policyVersionText(policyVersion, t),
            })}{' '}
        {material &&
          (material.changes.length === 0 ? (
            t.t('review.banner.noMaterialChanges', { from: material.from })
          ) : (
            <Inline
              run={say(t, 'review.banner.materialSince', {
                changes: materialCountText(material.changes.length, t),
                from: String(material.from),
              })}
            />
          ))}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="review-banner-see-changes"
          onClick={onSeeChanges}
        >
          {t.t('review.banner.seeChanges')}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="review-banner-mark"
          disabled={marking}
          onClick={() => void review.mark()}
        >
          {t.t(marking ? 'review.marking' : 'review.banner.mark')}
        </button>
      </div>
      {review.marking.status === 'error' && (
        <p role="alert" className="inline-error" data-testid="review-banner-error">
          {t.t('review.failed', { reason: review.marking.error.message })}
        </p>
      )}
    </section>
  );
}
