/**
 * What vendors stumbled on while writing real declarations: a ": " inside a plain value, merge
 * keys, a mistyped field, a country written UK, a period written in words.
 */
import { describe, expect, it } from 'vitest';
import { errorsOf, expectOnlyError, replaced, spot, techtime, warningsOf } from './techtime.ts';

describe('a plain value with ": " in it', () => {
  it.each([
    ['name: Survey answers', 'name: Survey: answers', "name: 'Survey: answers'"],
    [
      'name: Service Desk requests',
      'name: Note: requests by e-mail',
      "name: 'Note: requests by e-mail'",
    ],
    [
      'howToExercise: E-mail support@techtime.co.nz.',
      "howToExercise: E-mail us: it's free",
      'howToExercise: "E-mail us: it\'s free"',
    ],
  ])('%s written as %s gets a hint to quote it, at its value', (from, written, quoted) => {
    const text = replaced(from, written);
    const { line, column } = spot(text, written);
    const value = column + written.indexOf(': ') + 2;
    expect(errorsOf(text)).toEqual([
      `${line}:${value}  YAML read the ": " in this value as the start of a new field; put the whole value in quotes, e.g. ${quoted}`,
    ]);
  });

  it('gets the same hint where a list of texts holds one that YAML read as a field', () => {
    const text = replaced(
      '    retention:\n      basis: until-deletion-request\n      deletableOnRequest: true\n',
      '    retention:\n      basis: until-deletion-request\n      deletableOnRequest: true\n    notes:\n      - Note: requests are kept until the customer asks\n',
    );
    expectOnlyError(
      text,
      'dataCategories[1].notes[0]',
      /^must be text; YAML read the ": " in it as a new field; to write the text "Note: requests are kept until the customer asks", put it in quotes$/,
      'Note:',
    );
  });

  it('says the same where plain text is expected and YAML read a field', () => {
    const text = replaced(
      '    hostedBy: vendor\n',
      '    hostedBy: vendor\n    regionCode:\n      Region: ap-southeast-2\n',
    );
    expectOnlyError(
      text,
      'locations[0].regionCode',
      /^must be text, not a mapping of fields; YAML read the ": " in it as a new field; to write the text "Region: ap-southeast-2", put it in quotes$/,
      'Region:',
    );
  });

  it('still explains translations that are almost right, not as a quoting problem', () => {
    const text = replaced(
      '      en: Follow up on survey feedback\n      de:',
      '      EN: Follow up on survey feedback\n      de:',
    );
    expect(errorsOf(text).join('\n')).toMatch(/"EN" is not allowed as a key/);
    expect(errorsOf(text).join('\n')).not.toMatch(/quotes/);
  });
});

describe('YAML merge keys', () => {
  // Survey answers share most fields with Service Desk requests: written once with an anchor.
  const merged = replaced(
    '  - id: survey-answers\n    name: Survey answers\n',
    '  - <<: *service-desk\n    id: survey-answers\n    name: Survey answers\n',
    replaced(
      '  - id: service-desk-requests\n',
      '  - &service-desk\n    id: service-desk-requests\n',
    ),
  );

  const shared = replaced(
    // Everything the survey category wrote after its name; the merge brings most of it back.
    merged.slice(
      merged.indexOf('    subjects: [survey-respondents]'),
      merged.indexOf('locations:\n'),
    ),
    '    subjects: [survey-respondents]\n    purposes: [product-feedback]\n    recipients: [typeform]\n',
    merged,
  );

  it('fill a category from an anchored one, and the category validates', () => {
    expect(errorsOf(shared)).toEqual([]);
    expect(warningsOf(shared)).toEqual([]);
  });

  it('report an error in a merged field where the anchored mapping writes it', () => {
    const text = replaced(
      'sources: [support-request, email]',
      'sources: [support-request, e-mail]',
      shared,
    );
    const { line, column } = spot(text, 'e-mail]');
    const errors = errorsOf(text);
    // The anchored category and the one that merges it both hold the wrong value.
    expect(errors).toEqual([
      `${line}:${column}  dataCategories[1].sources[1]  "e-mail" is not allowed: must be one of: app-runtime, atlassian, marketplace-order, uninstall-feedback, support-request, survey, web-form, website, email, person, third-party; did you mean "email"?`,
      `${line}:${column}  dataCategories[2].sources[1]  "e-mail" is not allowed: must be one of: app-runtime, atlassian, marketplace-order, uninstall-feedback, support-request, survey, web-form, website, email, person, third-party; did you mean "email"?`,
    ]);
  });

  it('report an error in a field the merging category writes itself at its own line', () => {
    const text = replaced('purposes: [product-feedback]', 'purposes: [feedback]', shared);
    const { line, column } = spot(text, 'feedback]', 1);
    expect(errorsOf(text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${line}:${column}  dataCategories\\[2\\]\\.purposes\\[0\\]  unknown purpose id "feedback"`,
        ),
      ),
    ]);
  });
});

describe('a merge key that names no mapping', () => {
  it.each([
    ['text', '<<: shared fields'],
    ['an anchored list', '<<: &sources [survey]'],
  ])('is an error at the merge key when it names %s', (_what, merge) => {
    const text = replaced('  - id: survey-answers\n', `  - ${merge}\n    id: survey-answers\n`);
    const { line, column } = spot(text, '<<');
    expect(errorsOf(text)).toEqual([
      `${line}:${column}  a merge key (<<) must name an anchored mapping, such as <<: *service-desk where an earlier entry starts with &service-desk; or write the fields out`,
    ]);
  });
});

describe('country codes vendors write', () => {
  it.each([
    ['UK', 'did you mean "GB"?'],
    ['uk', 'did you mean "GB"?'],
    ['EL', 'did you mean "GR"?'],
    ['USA', 'did you mean "US"?'],
    ['NZL', 'did you mean "NZ"?'],
    ['JA', 'did you mean "JP"?'],
    ['EU', 'EU is not a country: list the countries, or say it in geography (e.g. "Europe")'],
  ])('%s gets: %s', (written, hint) => {
    const text = replaced('country: NZ', `country: ${written}`);
    expectOnlyError(
      text,
      'vendor.country',
      new RegExp(
        `^"${written}" is not allowed: must be an ISO 3166-1 alpha-2 country code in capitals, such as NZ, BE or US; ${hint.replace(/[()?.]/g, '\\$&')}$`,
      ),
      written,
    );
  });

  it('gets the hint in a list of countries too', () => {
    const text = replaced('to: [NZ, AU, US]', 'to: [NZ, AU, UK]');
    expectOnlyError(text, 'transfers[0].to[2]', /did you mean "GB"\?$/, 'UK]');
  });
});

describe('periods', () => {
  const UNITS =
    'must be an ISO 8601 period such as P30D, P6M, P1Y or PT1H; the units are Y (years), M (months), W (weeks), D (days), and after T: H (hours), M (minutes), S (seconds)';

  it.each([
    ['30 days', 'for 30 days write P30D'],
    ['6 months', 'for 6 months write P6M'],
    ['1 hour', 'for 1 hour write PT1H'],
    ['30d', 'a period starts with P: write P30D'],
    ['P1.5Y', 'periods take whole numbers: write P18M (18 months)'],
    ['P0.5D', 'periods take whole numbers: write PT12H (12 hours)'],
    ['1M', 'a period starts with P: P1M is 1 month, PT1M is 1 minute'],
    ['P1H', 'hours, minutes and seconds come after T: write PT1H'],
    ['P1D12H', 'hours, minutes and seconds come after T: write P1DT12H'],
    ['p30d', 'write it in capitals: P30D'],
  ])('%s lists the units and says: %s', (written, hint) => {
    const text = replaced('period: P180D', `period: ${written}`);
    const errors = errorsOf(text);
    const { line, column } = spot(text, written);
    expect(errors).toEqual([
      `${line}:${column}  dataCategories[0].retention.period  ${UNITS}; ${hint}`,
    ]);
  });

  it('lists the units alone when no common mistake fits', () => {
    const text = replaced('period: P180D', 'period: half a year');
    const { line, column } = spot(text, 'half');
    expect(errorsOf(text)).toEqual([
      `${line}:${column}  dataCategories[0].retention.period  ${UNITS}`,
    ]);
  });

  it('leaves the techtime fixture untouched by these cases', () => {
    expect(errorsOf(techtime)).toEqual([]);
  });
});
