import { useState } from 'react';
import type { ApiError, ReviewRecord } from '@declaration';
import { displayNames, listVersions, type UserProduct } from '../api/index.ts';
import { fileSlug, saveTextFile } from '../download.ts';
import { useT } from '../i18n/index.ts';
import { withRecorded } from './review-state.ts';
import type { VersionRow } from './VersionTable.tsx';

/** The most versions `versions/list` gives a page: the walk takes the fewest calls. */
const PAGE_SIZE = 50;

/**
 * All versions with their reviews: the rows already on the page, then every page after `cursor`.
 * A failed page fails the whole download: an audit file must not leave out reviews unnoticed.
 */
async function allVersions(
  rows: VersionRow[],
  cursor: string | null,
): Promise<{ ok: true; rows: VersionRow[] } | { ok: false; error: ApiError }> {
  const all = [...rows];
  for (let next = cursor; next !== null;) {
    const page = await listVersions(next, PAGE_SIZE);
    if (!page.ok) return page;
    all.push(...page.data.versions);
    next = page.data.nextCursor;
  }
  return { ok: true, rows: all };
}

/**
 * "Download review history (CSV)": every review of every version, with reviewers by name, as
 * one file for an audit (see `toReviewCsv`).
 */
export function ReviewHistoryDownload({
  rows,
  cursor,
  recorded,
  product,
  appName,
}: {
  /** The versions loaded so far; null while the first page has not come. */
  rows: VersionRow[] | null;
  /** Where the versions not loaded yet start (null: none left). */
  cursor: string | null;
  /** Reviews recorded in this page view, which the loaded rows may not hold yet. */
  recorded: ReviewRecord[];
  product: UserProduct | null;
  /** The app's name, in the reader's language, for the file name. */
  appName: string;
}) {
  const t = useT();
  const [state, setState] = useState<
    { status: 'idle' | 'working' } | { status: 'error'; error: ApiError }
  >({ status: 'idle' });

  const download = async () => {
    setState({ status: 'working' });
    try {
      const problem = await save();
      setState(problem ? { status: 'error', error: problem } : { status: 'idle' });
    } catch (error) {
      // The CSV writer's chunk did not load, or the browser refused the file.
      const message = error instanceof Error ? error.message : String(error);
      setState({ status: 'error', error: { code: 'INTERNAL', message } });
    }
  };

  /** Walks, names and saves; the API error of a page that could not be read, else null. */
  const save = async (): Promise<ApiError | null> => {
    const walked = await allVersions(rows ?? [], rows ? cursor : null);
    if (!walked.ok) return walked.error;
    const versions = walked.rows.map((row) => ({
      ...row,
      reviews: withRecorded(row.version, row.reviews, recorded),
    }));
    const ids = versions.flatMap((version) => version.reviews.map((review) => review.accountId));
    const [names, { toReviewCsv }] = await Promise.all([
      displayNames(ids, product),
      // The CSV writer is not part of the page's first view: it loads when an admin asks for it.
      import('@declaration/export/review-csv.ts'),
    ]);
    saveTextFile(
      `${fileSlug(appName)}-review-history.csv`,
      'text/csv',
      toReviewCsv(versions, names, t),
    );
    return null;
  };

  return (
    <div className="review-history">
      <button
        type="button"
        className="button"
        data-testid="review-history-download"
        disabled={rows === null || state.status === 'working'}
        onClick={() => void download()}
      >
        {t.t(
          state.status === 'working' ? 'versions.downloadingReviews' : 'versions.downloadReviews',
        )}
      </button>
      {state.status === 'error' && (
        <p role="alert" className="inline-error" data-testid="review-history-error">
          {t.t('versions.downloadReviewsFailed', { reason: state.error.message })}
        </p>
      )}
    </div>
  );
}
