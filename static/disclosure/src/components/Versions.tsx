import { useCallback, useEffect, useId, useState } from 'react';
import type { DeclarationDiff, DisclosureView, ReviewRecord, VersionPage } from '@declaration';
import { policyVersionText } from '@declaration/present/index.ts';
import { diffVersions, listVersions } from '../api/index.ts';
import { formatDateTime, formatList, useLocale } from '../i18n/index.ts';
import { DiffView } from './DiffView.tsx';
import { Review } from './Review.tsx';
import { DataTable, Section } from './common.tsx';
import { isolate, isolateText } from './isolate.tsx';

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

/** The versions this site was shown, what changed between two of them, and the review record. */
export function Versions({ view }: { view: DisclosureView }) {
  const { t } = useLocale();
  const v = t.versions;
  const current = view.version.version;
  const fromId = useId();
  const toId = useId();
  const [rows, setRows] = useState<VersionRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [listState, setListState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [listError, setListError] = useState('');
  const [from, setFrom] = useState<number | null>(() => defaultFrom(view));
  const [to, setTo] = useState<number>(current);
  const [diff, setDiff] = useState<DeclarationDiff | null>(null);
  const [diffState, setDiffState] = useState<'idle' | 'loading' | 'error'>('idle');
  const [diffError, setDiffError] = useState('');
  const [review, setReview] = useState<ReviewRecord | null>(view.review.current);
  const sinceReviewed = view.review.lastReviewed?.version;

  const loadPage = useCallback(async (after?: string) => {
    setListState('loading');
    const result = await listVersions(after);
    if (!result.ok) {
      setListError(result.error.message);
      setListState('error');
      return;
    }
    setRows((previous) => [...previous, ...result.data.versions]);
    setCursor(result.data.nextCursor);
    setListState('ready');
  }, []);

  const compare = useCallback(async (older: number, newer: number) => {
    setDiffState('loading');
    const result = await diffVersions(Math.min(older, newer), Math.max(older, newer));
    if (!result.ok) {
      setDiffError(result.error.message);
      setDiffState('error');
      return;
    }
    setDiff(result.data);
    setDiffState('idle');
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
        current={review}
        lastReviewed={view.review.lastReviewed}
        canReview={view.canReview}
        onReviewed={(record) => {
          setReview(record);
          setRows((previous) =>
            previous.map((row) =>
              row.version === record.version ? { ...row, reviews: [record, ...row.reviews] } : row,
            ),
          );
        }}
      />
      <p>{v.intro}</p>
      {rows.length > 0 && <VersionTable rows={rows} current={current} />}
      {listState === 'loading' && <p role="status">{v.loading}</p>}
      {listState === 'error' && (
        <p role="alert" className="inline-error">
          {v.loadFailed} {listError}{' '}
          <button
            type="button"
            className="button"
            onClick={() => void loadPage(cursor ?? undefined)}
          >
            {t.retry}
          </button>
        </p>
      )}
      {listState === 'ready' && cursor && (
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
            disabled={from === null || from === to || diffState === 'loading'}
          >
            {diffState === 'loading' ? v.comparing : v.compare}
          </button>
        </form>
      )}
      {from !== null && from === to && <p>{v.sameVersion}</p>}
      {diff &&
        sinceReviewed !== undefined &&
        diff.from === sinceReviewed &&
        diff.to === current && <p>{v.sinceReviewed(sinceReviewed)}</p>}
      {diffState === 'error' && (
        <p role="alert" className="inline-error" data-testid="diff-error">
          {v.diffFailed} {diffError}
        </p>
      )}
      {diff && <DiffView diff={diff} declaration={view.declaration} />}
    </Section>
  );
}
