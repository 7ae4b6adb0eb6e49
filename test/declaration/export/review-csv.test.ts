import { describe, expect, it } from 'vitest';
import { CLOSED_ACCOUNT_ID } from '@declaration/api.ts';
import { toReviewCsv, type ReviewedVersion } from '@declaration/export/review-csv.ts';
import { createTranslator } from '@declaration/i18n/index.ts';
import german from '../../../locales/de-DE.json' with { type: 'json' };
import { loadExample } from '../../examples/load-example.ts';

const exalate = loadExample('examples/exalate-cloud.yaml');
const alex = '712020:5f0c1e8a-preview-site-admin';
const mia = '5b10ac8d82e05b22cc7d4ef5';

/** Exalate's published versions on a site: 3 reviewed twice, 2 by someone since gone, 1 never. */
const history: ReviewedVersion[] = [
  {
    version: 3,
    policyVersion: exalate.policy.version,
    reviews: [
      { version: 3, accountId: alex, reviewedAt: '2026-11-21T10:00:00.000Z' },
      { version: 3, accountId: mia, reviewedAt: '2026-11-20T16:45:12.345Z' },
    ],
  },
  {
    version: 2,
    policyVersion: 'not-stated',
    reviews: [{ version: 2, accountId: CLOSED_ACCOUNT_ID, reviewedAt: '2026-10-16T08:00:00.000Z' }],
  },
  { version: 1, policyVersion: exalate.policy.version, reviews: [] },
];

/** Splits the CSV back into rows of unquoted fields (every field is quoted, none holds a quote here). */
function rows(csv: string): string[][] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.slice(1, -1).split('","'));
}

describe('the review history CSV', () => {
  it('has one row per review with the reviewer by name, the account id and ISO 8601 times', () => {
    const csv = toReviewCsv(history, { [alex]: 'Alex Admin' });
    expect(rows(csv)).toEqual([
      ['Version', 'Policy version', 'Reviewer', 'Reviewer account ID', 'Reviewed at (UTC)'],
      ['3', exalate.policy.version, 'Alex Admin', alex, '2026-11-21T10:00:00.000Z'],
      // No name from the product: the account id stands in, as on the page.
      ['3', exalate.policy.version, mia, mia, '2026-11-20T16:45:12.345Z'],
      // A closed account's id was erased: no one is named, no id is written.
      ['2', 'Not stated', 'Closed account', '', '2026-10-16T08:00:00.000Z'],
    ]);
  });

  it('takes its column names from the reader’s catalogue', () => {
    const csv = toReviewCsv(history, {}, createTranslator('de-DE', german));
    expect(rows(csv)[0]).toEqual([
      'Version',
      'Richtlinienversion',
      'Geprüft von',
      'Konto-ID der prüfenden Person',
      'Geprüft am (UTC)',
    ]);
    expect(rows(csv)[3]).toEqual([
      '2',
      'Nicht angegeben',
      'Geschlossenes Konto',
      '',
      '2026-10-16T08:00:00.000Z',
    ]);
  });

  it('never lets a display name or a policy version run as a spreadsheet formula', () => {
    const hostile: ReviewedVersion[] = [
      {
        version: 4,
        policyVersion: '=HYPERLINK("https://attacker.example","4.0")',
        reviews: [{ version: 4, accountId: mia, reviewedAt: '2026-12-01T09:00:00.000Z' }],
      },
    ];
    const csv = toReviewCsv(hostile, { [mia]: '@SUM(1+1);=cmd|calc' });
    const [, row] = csv.split('\r\n');
    expect(row).toBe(
      `"4","'=HYPERLINK(""https://attacker.example"",""4.0"")","'@SUM(1+1);'=cmd|calc","${mia}","2026-12-01T09:00:00.000Z"`,
    );
  });

  it('is only the header when no version was reviewed', () => {
    expect(rows(toReviewCsv([history[2]!]))).toHaveLength(1);
  });
});
