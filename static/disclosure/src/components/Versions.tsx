import { useCallback, useEffect, useId, useState } from 'react';
import type { DeclarationDiff, DisclosureView, VersionPage } from '@declaration';
import { policyVersionText } from '@declaration/present/index.ts';
import { diffVersions, listVersions } from '../api/index.ts';
import { formatDateTime, formatList, useLocale } from '../i18n/index.ts';
import { DiffView } from './DiffView.tsx';
import { Review } from './Review.tsx';
import { DataTable, Section } from './common.tsx';
import { isolate, isolateText } from './isolate.tsx';
import { dataOf, failed, loading, mapData, type RequestState } from './request.ts';

type VersionRow = VersionPage['versions'][number];

/** Compare from the version last reviewed when it is older, else from the one before. */
function defaultFrom(view: DisclosureView): number | null {
  const current = view.version.version;
  const reviewed = view.review.lastReviewed?.version;
  if (reviewed !== undefined && reviewed < current) return reviewed;
  return current > 1 ? current - 1 : null;
}

function VersionTable({ rows, current }: { rows: VersionRow[]; current: number }) {
  const { locale, t } = useLocale();
  const v = t.versions;
  return (
    <DataTable
      label={t.sections.versions}
      columns={[v.version, v.policyVersion, v.published, v.appVersion, v.reviews]}
      testId="versions-table"
    >
      {rows.map((row) => (
        <tr key={row.version} data-testid={`version-${row.version}`}>
          <th scope="row">
            {row.version} {row.version === current && v.current}
          </th>
          <td>{isolate(policyVersionText(row.policyVersion))}</td>
          <td>{formatDateTime(row.publishedAt, locale)}</td>
          <td>{isolate(row.appVersion)}</td>
          <td>
            {row.reviews.length === 0
              ? v.notReviewed
              : formatList(
                  row.reviews.map((r) =>
                    t.review.reviewedBy(r.accountId, formatDateTime(r.reviewedAt, locale)),
                  ),
                  locale,
                )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The versions loaded so far, newest first, and where the next page starts (null: none left). */
interface VersionList {
  rows: VersionRow[];
  cursor: string | null;
}

/** The versions this site was shown, what changed between two of them, and the review record. */
export function Versions({ view }: { view: DisclosureView }) {
  const { t } = useLocale();
  const v = t.versions;
  const current = view.version.version;
  const fromId = useId();
  const toId = useId();
  const [list, setList] = useState<RequestState<VersionList>>({ status: 'loading' });
  const [comparison, setComparison] = useState<RequestState<DeclarationDiff>>({ status: 'idle' });
  const [from, setFrom] = useState<number | null>(() => defaultFrom(view));
  const [to, setTo] = useState<number>(current);
  const sinceReviewed = view.review.lastReviewed?.version;
  const rows = dataOf(list)?.rows ?? [];
  const cursor = dataOf(list)?.cursor ?? null;
  const diff = dataOf(comparison);

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

  useEffect(() => {
    void loadPage();
    const initialFrom = defaultFrom(view);
    if (initialFrom !== null) void compare(initialFrom, view.version.version);
    // Only on mount: the page is re-created when the view changes.
  }, []);

  const numbers = [
    ...new Set([current, ...(from ? [from] : []), ...rows.map((r) => r.version)]),
  ].sort((a, b) => b - a);
  // An option holds only text: the vendor's version label is isolated with Unicode's own marks.
  const policyOf = (version: number) =>
    isolateText(
      policyVersionText(
        rows.find((row) => row.version === version)?.policyVersion ??
          (version === current ? view.version.policyVersion : '?'),
      ),
    );

  return (
    <Section id="versions" title={t.sections.versions}>
      <Review
        version={current}
        current={view.review.current}
        lastReviewed={view.review.lastReviewed}
        canReview={view.canReview}
        onReviewed={(record) =>
          setList((state) =>
            mapData(state, (data) => ({
              ...data,
              rows: data.rows.map((row) =>
                row.version === record.version
                  ? { ...row, reviews: [record, ...row.reviews] }
                  : row,
              ),
            })),
          )
        }
      />
      <p>{v.intro}</p>
      {rows.length > 0 && <VersionTable rows={rows} current={current} />}
      {list.status === 'loading' && <p role="status">{v.loading}</p>}
      {list.status === 'error' && (
        <p role="alert" className="inline-error">
          {v.loadFailed} {list.error.message}{' '}
          <button
            type="button"
            className="button"
            onClick={() => void loadPage(cursor ?? undefined)}
          >
            {t.retry}
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
          {v.loadMore}
        </button>
      )}

      <h3>{v.compareTitle}</h3>
      {current === 1 && rows.length <= 1 ? (
        <p data-testid="diff-only-one">{v.onlyOne}</p>
      ) : (
        <form
          className="compare"
          onSubmit={(event) => {
            event.preventDefault();
            if (from !== null && from !== to) void compare(from, to);
          }}
        >
          <label htmlFor={fromId}>{v.from}</label>
          <select
            id={fromId}
            data-testid="diff-from"
            value={from ?? ''}
            onChange={(event) => setFrom(Number(event.target.value))}
          >
            {from === null && <option value="" />}
            {numbers.map((n) => (
              <option key={n} value={n}>
                {v.versionOption(n, policyOf(n))}
              </option>
            ))}
          </select>
          <label htmlFor={toId}>{v.to}</label>
          <select
            id={toId}
            data-testid="diff-to"
            value={to}
            onChange={(event) => setTo(Number(event.target.value))}
          >
            {numbers.map((n) => (
              <option key={n} value={n}>
                {v.versionOption(n, policyOf(n))}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="button"
            data-testid="diff-compare"
            disabled={from === null || from === to || comparison.status === 'loading'}
          >
            {comparison.status === 'loading' ? v.comparing : v.compare}
          </button>
        </form>
      )}
      {from !== null && from === to && <p>{v.sameVersion}</p>}
      {diff &&
        sinceReviewed !== undefined &&
        diff.from === sinceReviewed &&
        diff.to === current && <p>{v.sinceReviewed(sinceReviewed)}</p>}
      {comparison.status === 'error' && (
        <p role="alert" className="inline-error" data-testid="diff-error">
          {v.diffFailed} {comparison.error.message}
        </p>
      )}
      {diff && <DiffView diff={diff} declaration={view.declaration} />}
    </Section>
  );
}
