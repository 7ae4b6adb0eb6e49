import { useCallback, useState } from 'react';
import type { DisclosureView, ReviewRecord } from '@declaration';
import { markReviewed } from '../api/index.ts';
import { failed, loading, type RequestState } from './request.ts';

/**
 * The page's one record of the reviews: what it was loaded with, the reviews recorded in this
 * page view (newest first), and the request that records one. The banner, the review status and
 * the versions table all read it, so marking from any of them updates all three.
 */
export interface ReviewState {
  /** The newest review of the current version, if any. */
  current: ReviewRecord | null;
  /** The newest review of any version. */
  lastReviewed: ReviewRecord | null;
  /** Reviews recorded here since the page loaded, newest first. */
  recorded: ReviewRecord[];
  /** The last "mark as reviewed" request: idle, on its way, done or failed. */
  marking: RequestState<ReviewRecord>;
  /** Records that the viewing admin reviewed the current version. */
  mark: () => Promise<void>;
}

/** The review state of a page showing `view`. */
export function useReviewState(view: DisclosureView): ReviewState {
  const version = view.version.version;
  const [recorded, setRecorded] = useState<ReviewRecord[]>([]);
  const [marking, setMarking] = useState<RequestState<ReviewRecord>>({ status: 'idle' });

  const mark = useCallback(async () => {
    setMarking(loading);
    const result = await markReviewed(version);
    if (result.ok) {
      setMarking({ status: 'ready', data: result.data.review });
      setRecorded((reviews) => [result.data.review, ...reviews]);
    } else setMarking((state) => failed(state, result.error));
  }, [version]);

  const newest = recorded[0] ?? null;
  return {
    current: recorded.find((review) => review.version === version) ?? view.review.current,
    lastReviewed: newest ?? view.review.lastReviewed,
    recorded,
    marking,
    mark,
  };
}

/** A version's reviews with those recorded in this page view first, each once. */
export function withRecorded(
  version: number,
  reviews: ReviewRecord[],
  recorded: ReviewRecord[],
): ReviewRecord[] {
  const added = recorded.filter(
    (review) =>
      review.version === version &&
      !reviews.some(
        (known) => known.accountId === review.accountId && known.reviewedAt === review.reviewedAt,
      ),
  );
  return added.length ? [...added, ...reviews] : reviews;
}
