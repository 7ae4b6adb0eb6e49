import type { VersionPage } from '@declaration';
import { materialCountText } from '@declaration/material-words.ts';
import type { Translator } from '@declaration/i18n/index.ts';
import { formatDateTime, formatNumber, useT } from '../i18n/index.ts';
import { Inline } from './blocks/Inline.tsx';
import { ReviewedBy } from './Review.tsx';
import { DataTable } from './common.tsx';
import { isolate } from './isolate.tsx';

/** One version this site was shown, with its reviews. */
export type VersionRow = VersionPage['versions'][number];

/**
 * "3 material changes" for a version whose changes were stored at publication, "None" for none;
 * nothing for a version whose changes were not computed (the first, or an earlier release's).
 */
function materialText(row: VersionRow, t: Translator) {
  const count = row.material?.changes.length;
  if (count === undefined) return null;
  return count === 0 ? (
    t.t('versions.noMaterialChanges')
  ) : (
    <Inline run={materialCountText(count, t)} />
  );
}

/**
 * The versions loaded so far, newest first, the current one marked, each with its material
 * changes and its reviewers by name (`names`: display names by account id).
 */
export function VersionTable({
  rows,
  current,
  names,
}: {
  rows: VersionRow[];
  current: number;
  names: Record<string, string>;
}) {
  const t = useT();
  return (
    <DataTable
      label={t.t('versions.title')}
      columns={[
        t.t('versions.column.version'),
        t.t('versions.column.policyVersion'),
        t.t('versions.column.published'),
        t.t('versions.column.appVersion'),
        t.t('versions.column.material'),
        t.t('versions.column.reviews'),
      ]}
      testId="versions-table"
    >
      {rows.map((row) => (
        <tr key={row.version} data-testid={`version-${row.version}`}>
          <th scope="row">
            {row.version === current
              ? t.t('versions.current', { version: row.version })
              : formatNumber(row.version, t.locale)}
          </th>
          <td>
            {row.policyVersion === 'not-stated'
              ? t.t('versions.policyNotStated')
              : isolate(row.policyVersion)}
          </td>
          <td>{formatDateTime(row.publishedAt, t.locale)}</td>
          <td>{isolate(row.appVersion)}</td>
          <td data-testid="version-material">{materialText(row, t)}</td>
          <td>
            {row.reviews.length === 0 ? (
              t.t('versions.notReviewed')
            ) : (
              <ul className="reviewer-list">
                {row.reviews.map((review) => (
                  <li key={`${review.accountId} ${review.reviewedAt}`}>
                    <ReviewedBy review={review} names={names} />
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
