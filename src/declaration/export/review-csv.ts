import { CLOSED_ACCOUNT_ID, type ReviewRecord, type VersionMeta } from '../api.ts';
import { ENGLISH, type Translator } from '../i18n/index.ts';
import { csvField } from './escape.ts';

/** One version as the review history needs it: its numbers and its reviews, newest first. */
export type ReviewedVersion = Pick<VersionMeta, 'version' | 'policyVersion'> & {
  reviews: ReviewRecord[];
};

/** The catalogue keys of the review history's columns, in order (`review.csv.<column>`). */
export const REVIEW_CSV_COLUMNS = [
  'version',
  'policyVersion',
  'reviewer',
  'reviewerAccountId',
  'reviewedAt',
] as const;

/** A stored time as ISO 8601 in UTC; a value that is not a time is kept as it was stored. */
function isoTime(value: string): string {
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : time.toISOString();
}

/**
 * The review history for an audit: one row per review, in the order given (versions newest
 * first, each version's reviews newest first), with the reviewer's display name where the
 * product gave one (else the account id) and the time as ISO 8601. A review whose account was
 * closed names no one and has no account id: the id was erased. RFC 4180 with every field
 * quoted and formulas neutralised, as the record of processing (see `csvField`): a display name
 * or a policy version is someone else's text.
 */
export function toReviewCsv(
  versions: readonly ReviewedVersion[],
  names: Readonly<Record<string, string>> = {},
  translator: Translator = ENGLISH,
): string {
  const header = REVIEW_CSV_COLUMNS.map((column) => translator.t(`review.csv.${column}`));
  const rows = versions.flatMap((version) =>
    version.reviews.map((review) => {
      const closed = review.accountId === CLOSED_ACCOUNT_ID;
      return [
        String(version.version),
        version.policyVersion === 'not-stated'
          ? translator.t('versions.policyNotStated')
          : version.policyVersion,
        closed
          ? translator.t('review.csv.closedAccount')
          : (names[review.accountId] ?? review.accountId),
        closed ? '' : review.accountId,
        isoTime(review.reviewedAt),
      ];
    }),
  );
  return [header, ...rows]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}
