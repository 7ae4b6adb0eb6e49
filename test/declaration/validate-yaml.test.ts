import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatLocatedIssue, validateDeclarationText, type LocatedIssue } from '@declaration';

// TechTime's "User Management" policy (seed 000) as a valid declaration; every test breaks one thing.
const FILE = 'user-management.yaml';
const valid = readFileSync(
  new URL('./fixtures/techtime-user-management.yaml', import.meta.url),
  'utf8',
);

/** Replaces the `occurrence`-th copy of `from` in the valid fixture with `to`. */
function breakFixture(from: string, to: string, occurrence = 1, text = valid): string {
  let at = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    at = text.indexOf(from, at + 1);
    if (at < 0)
      throw new Error(`the fixture has no occurrence ${occurrence} of ${JSON.stringify(from)}`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line and column of the `occurrence`-th copy of `needle` in `text`. */
function spot(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let at = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`no occurrence ${occurrence} of ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function errorsOf(text: string): LocatedIssue[] {
  const result = validateDeclarationText(text, FILE);
  if (result.ok) throw new Error('expected the declaration to be rejected');
  return result.issues;
}

/** Asserts one error at `pathText` with `message`, at the spot where `needle` is written. */
function expectError(
  issues: LocatedIssue[],
  pathText: string,
  message: RegExp,
  where: { line: number; column: number },
): void {
  const listing = issues.map(formatLocatedIssue).join('\n');
  const issue = issues.find((candidate) => candidate.pathText === pathText);
  expect(issue, `no error at ${pathText} in:\n${listing}`).toBeDefined();
  expect(issue?.message).toMatch(message);
  expect({ line: issue?.line, column: issue?.column }).toEqual(where);
  expect(issue?.severity).toBe('error');
  expect(issue?.file).toBe(FILE);
}

function expectOnlyError(
  text: string,
  pathText: string,
  message: RegExp,
  needle: string,
  occurrence = 1,
) {
  const issues = errorsOf(text);
  expect(issues.map(formatLocatedIssue)).toHaveLength(1);
  expectError(issues, pathText, message, spot(text, needle, occurrence));
}

describe('validateDeclarationText: a valid declaration', () => {
  it('accepts the TechTime declaration without warnings', () => {
    const result = validateDeclarationText(valid, FILE);
    expect(result.ok ? result.warnings : result.issues.map(formatLocatedIssue)).toEqual([]);
    expect(result.ok && result.declaration.vendor.legalName).toBe(
      'TechTime Initiative Group Limited',
    );
  });

  it('accepts the same declaration written as JSON', () => {
    const json = JSON.stringify(parse(valid), null, '\t');
    const result = validateDeclarationText(json, 'user-management.json');
    expect(result.ok && result.declaration.dataCategories).toHaveLength(3);
  });
});

describe('validateDeclarationText: wrong fields and types', () => {
  it('suggests the field a typo meant, without a second "is required" for it', () => {
    const text = breakFixture(
      '    retention:\n      basis: fixed-period',
      '    retentoin:\n      basis: fixed-period',
    );
    expectOnlyError(
      text,
      'dataCategories[0].retentoin',
      /^unknown field "retentoin"; did you mean "retention"\?$/,
      'retentoin',
    );
  });

  it('suggests a misspelt section name at the top level, and only that', () => {
    const text = breakFixture(
      'recipients:\n  - id: mail-provider',
      'recipents:\n  - id: mail-provider',
    );
    expectOnlyError(text, 'recipents', /did you mean "recipients"\?/, 'recipents:');
  });

  it('still says a field is required when the unknown one next to it is something else', () => {
    const text = breakFixture(
      '    retention:\n      basis: fixed-period\n      period: P180D\n      after: uninstall\n',
      '    colour: blue\n',
    );
    const issues = errorsOf(text);
    expect(issues.map((issue) => [issue.pathText, issue.message])).toEqual([
      ['dataCategories[0].retention', 'is required'],
      ['dataCategories[0].colour', expect.stringMatching(/^unknown field "colour"; allowed here/)],
    ]);
  });

  it('lists the allowed fields when an unknown one is nothing like them', () => {
    const text = breakFixture('    hostedBy: vendor\n', '    hostedBy: vendor\n    colour: blue\n');
    expectOnlyError(
      text,
      'locations[0].colour',
      /unknown field "colour"; allowed here: id, name, hostedBy, provider/,
      'colour',
    );
  });

  it('says a flag must be true or false', () => {
    const text = breakFixture('deletableOnRequest: true', 'deletableOnRequest: "yes"');
    expectOnlyError(
      text,
      'dataCategories[1].retention.deletableOnRequest',
      /^must be true or false, not text$/,
      '"yes"',
    );
  });

  it('asks a version-2 file for yes / no / may-contain / not-stated where version 1 had true', () => {
    const text = breakFixture('personal: yes', 'personal: true');
    expectOnlyError(
      text,
      'dataCategories[0].personal',
      /^must be one of: yes, no, may-contain, not-stated, not true \(true\/false\)$/,
      'true',
    );
  });

  it('says a version label must be text, not a number', () => {
    const text = breakFixture("version: '2024-02-28'", 'version: 3');
    expectOnlyError(text, 'policy.version', /^must be text, not a number$/, '3');
  });

  it('explains the two forms of a translatable text', () => {
    const text = breakFixture('name: Survey answers', 'name: 42');
    expectOnlyError(
      text,
      'dataCategories[2].name',
      /^must be text, or translations such as \{ en: \.\.\., de: \.\.\. \} with an en entry$/,
      '42',
    );
  });

  it('rejects an empty name', () => {
    const text = breakFixture('name: Survey answers', 'name: ""');
    expectOnlyError(text, 'dataCategories[2].name', /^must not be empty$/, '""');
  });

  it('says when a field is left blank', () => {
    const text = breakFixture('  website: https://techtime.co.nz', '  website:');
    expectOnlyError(
      text,
      'vendor.website',
      /^must be text, but nothing is written here$/,
      'website:',
    );
  });

  it('asks for a list where one is expected', () => {
    const text = breakFixture('subjects: [end-users, administrators]', 'subjects: end-users');
    expectOnlyError(text, 'dataCategories[0].subjects', /^must be a list, not text$/, 'end-users');
  });

  it('asks for a mapping where retention is a single word', () => {
    const text = breakFixture(
      '    retention:\n      basis: fixed-period\n      period: P180D\n      after: uninstall\n',
      '    retention: forever\n',
    );
    expectOnlyError(
      text,
      'dataCategories[0].retention',
      /^must be a mapping of fields \(name: value\), not text$/,
      'forever',
    );
  });

  it('asks for at least one purpose per data category', () => {
    const text = breakFixture('purposes: [product-feedback]', 'purposes: []');
    expectOnlyError(text, 'dataCategories[2].purposes', /^must list at least one entry$/, '[]');
  });
});

describe('validateDeclarationText: values with a format', () => {
  it('rejects a date that does not exist', () => {
    const text = breakFixture('lastUpdated: 2024-02-28', 'lastUpdated: 2024-02-30');
    expectOnlyError(
      text,
      'policy.lastUpdated',
      /real calendar date written YYYY-MM-DD/,
      '2024-02-30',
    );
  });

  it('rejects a plain http link', () => {
    const text = breakFixture('website: https://techtime.co.nz', 'website: http://techtime.co.nz');
    expectOnlyError(text, 'vendor.website', /^must be an https:\/\/ link$/, 'http://');
  });

  it('rejects a javascript: link', () => {
    const text = breakFixture(
      'https://www.typeform.com/privacy-policy/',
      'javascript:alert(document.cookie)',
    );
    expectOnlyError(
      text,
      'recipients[1].privacyPolicyUrl',
      /^must be an https:\/\/ link$/,
      'javascript:',
    );
  });

  it('rejects a mailto: link without an e-mail address', () => {
    const text = breakFixture(
      'privacyContact: mailto:support@techtime.co.nz',
      'privacyContact: mailto:support-at-techtime',
    );
    expectOnlyError(
      text,
      'vendor.privacyContact',
      /https:\/\/ link or a mailto: link with an e-mail address/,
      'mailto:support-at',
    );
  });

  it('rejects a duration written in words', () => {
    const text = breakFixture('period: P180D', 'period: 180 days');
    expectOnlyError(
      text,
      'dataCategories[0].retention.period',
      /ISO 8601 period such as P30D/,
      '180 days',
    );
  });

  it('rejects a three-letter country code', () => {
    const text = breakFixture('country: NZ', 'country: NZL');
    expectOnlyError(
      text,
      'vendor.country',
      /"NZL" is not allowed: must be an ISO 3166-1 alpha-2 country code/,
      'NZL',
    );
  });

  it('suggests the capitalised country code', () => {
    const text = breakFixture('country: NZ', 'country: nz');
    expectOnlyError(text, 'vendor.country', /did you mean "NZ"\?$/, 'nz');
  });

  it('rejects an id with capitals and spaces', () => {
    const text = breakFixture('- id: survey-answers', '- id: Survey Answers');
    expectOnlyError(
      text,
      'dataCategories[2].id',
      /lower-case letters, digits and single hyphens/,
      'Survey Answers',
    );
  });

  it('points at a translation key that is not a locale', () => {
    const text = breakFixture('      de: Umfrage', '      DE: Umfrage');
    expectOnlyError(
      text,
      'purposes[2].name.DE',
      /"DE" is not allowed as a key: must be a locale code such as "en"/,
      'DE:',
    );
  });

  it('asks translations for an en entry', () => {
    const text = breakFixture('      en: Follow up', '      fr: Follow up');
    expectOnlyError(text, 'purposes[2].name', /translations must include an "en" entry/, 'fr:');
  });

  it('suggests the retention basis a typo meant and lists the options', () => {
    const text = breakFixture('basis: fixed-period', 'basis: fixed-periods');
    expectOnlyError(
      text,
      'dataCategories[0].retention.basis',
      /"fixed-periods" is not allowed: must be one of: fixed-period, until-purpose-fulfilled, .*not-stated; did you mean "fixed-period"\?$/,
      'fixed-periods',
    );
  });

  it('suggests the data subject a typo meant inside a list', () => {
    const text = breakFixture('subjects: [survey-respondents]', 'subjects: [survey-respondent]');
    expectOnlyError(
      text,
      'dataCategories[2].subjects[0]',
      /did you mean "survey-respondents"\?/,
      'survey-respondent]',
    );
  });
});

describe('validateDeclarationText: retention rules', () => {
  it('asks a fixed-period retention for its period, at the retention key', () => {
    const text = breakFixture('      period: P180D\n', '');
    expectOnlyError(
      text,
      'dataCategories[0].retention.period',
      /fixed-period retention needs a period such as P180D/,
      'retention:',
    );
  });

  it('asks a period for the event that starts the clock', () => {
    const text = breakFixture('      after: uninstall\n', '');
    expectOnlyError(
      text,
      'dataCategories[0].retention.after',
      /a period needs "after"/,
      'retention:',
    );
  });

  it('reports a required field missing from a list entry at that entry', () => {
    const text = breakFixture('    hostedBy: vendor\n', '');
    expectOnlyError(text, 'locations[0].hostedBy', /^is required$/, 'id: techtime-backend');
  });

  it('reports a missing section', () => {
    const text = breakFixture(
      valid.slice(valid.indexOf('rights:'), valid.indexOf('transfers:')),
      '',
    );
    expectOnlyError(text, 'rights', /^is required$/, 'schemaVersion');
  });
});

describe('validateDeclarationText: ids and references', () => {
  it('names the declared purposes when a reference is unknown', () => {
    const text = breakFixture('purposes: [support]', 'purposes: [suport]');
    expectOnlyError(
      text,
      'dataCategories[1].purposes[0]',
      /unknown purpose id "suport"; declared purpose ids: "provide-service", "support", "product-feedback"/,
      'suport',
    );
  });

  it('reports an unknown location id', () => {
    const text = breakFixture('storedIn: [techtime-backend]', 'storedIn: [techtime-backed]');
    expectOnlyError(
      text,
      'dataCategories[0].storedIn[0]',
      /unknown location id "techtime-backed"/,
      'techtime-backed',
    );
  });

  it('reports a duplicate id where the second one is written', () => {
    const text = breakFixture('  - id: support\n', '  - id: provide-service\n');
    const issues = errorsOf(text);
    expectError(
      issues,
      'purposes[1].id',
      /duplicate id "provide-service": purposes\[0\] already uses it/,
      spot(text, 'provide-service', 2),
    );
  });

  it('reports a cookie set by an undeclared recipient', () => {
    const cookie =
      'cookies:\n  - name: Google Analytics\n    purpose: Website statistics\n    category: analytics\n    party: third\n    recipient: google-analytics\n    where: [website]\n';
    const text = breakFixture('rights:\n', `${cookie}rights:\n`);
    expectOnlyError(
      text,
      'cookies[0].recipient',
      /unknown recipient id "google-analytics"/,
      'google-analytics',
    );
  });

  it('rejects storage locations for data that is not stored', () => {
    const text = breakFixture(
      'basis: until-deletion-request\n      deletableOnRequest: true',
      'basis: not-stored\n      deletableOnRequest: true',
    );
    expectOnlyError(
      text,
      'dataCategories[1].storedIn',
      /retention says "not-stored" but storedIn names locations/,
      '[techtime-backend]',
      2,
    );
  });

  it('reports reference errors together with schema errors, in file order', () => {
    const text = breakFixture(
      'purposes: [support]',
      'purposes: [suport]',
      1,
      breakFixture('lastUpdated: 2024-02-28', 'lastUpdated: 2024-02-30'),
    );
    const issues = errorsOf(text);
    expect(issues.map((issue) => issue.pathText)).toEqual([
      'policy.lastUpdated',
      'dataCategories[1].purposes[0]',
    ]);
  });
});

describe('validateDeclarationText: schemaVersion', () => {
  it('asks for the number, not the text "2"', () => {
    const text = breakFixture('schemaVersion: 2', 'schemaVersion: "2"');
    expectOnlyError(text, 'schemaVersion', /^must be 2, written without quotes/, '"2"');
  });

  it('says an older version is not supported', () => {
    const text = breakFixture('schemaVersion: 2', 'schemaVersion: 0');
    expectOnlyError(text, 'schemaVersion', /^schemaVersion 0 is not supported; write 2$/, '0');
  });

  it('says a newer version needs a newer app or CLI, and nothing else', () => {
    const text = breakFixture('schemaVersion: 2', 'schemaVersion: 3');
    expectOnlyError(
      text,
      'schemaVersion',
      /^schemaVersion 3 is newer than this version of Privacy Disclosure understands \(2\); upgrade the app or CLI$/,
      '3',
    );
  });

  it('asks for a missing schemaVersion', () => {
    const text = breakFixture('schemaVersion: 2\n', '');
    expectOnlyError(text, 'schemaVersion', /^is required$/, 'vendor:');
  });
});

describe('validateDeclarationText: YAML syntax', () => {
  it('reports several syntax errors in one file, each on its line', () => {
    const text = breakFixture(
      'name: Survey answers',
      'name: Survey: answers',
      1,
      breakFixture('  version: ', '  version: : '),
    );
    const issues = errorsOf(text);
    const colon =
      /^YAML read the ": " in this value as the start of a new field; put the whole value in quotes/;
    expect(issues.map((issue) => [issue.line, issue.message])).toEqual([
      [spot(text, 'version:').line, expect.stringMatching(colon)],
      [spot(text, 'Survey:').line, expect.stringMatching(colon)],
    ]);
  });

  it('reports a stray bracket once, not every line after it', () => {
    const text = breakFixture('legalBasis: [contract]', 'legalBasis: [contract]]');
    const issues = errorsOf(text);
    expect(issues).toHaveLength(1);
    const bracket = spot(text, 'contract]]');
    expectError(issues, '', /^YAML syntax error: .*"\]"; the rest of the file cannot be read/, {
      line: bracket.line,
      column: bracket.column + 'contract]'.length,
    });
  });

  it('reports a duplicate key at the repeated key', () => {
    const text = breakFixture('  country: NZ\n', '  country: NZ\n  country: AU\n');
    expectOnlyError(
      text,
      '',
      /^duplicate key "country": each field may appear only once/,
      'country: AU',
    );
  });

  it('reports a tab used as indentation and nothing that follows from it', () => {
    const text = breakFixture('  tradingName: TechTime\n', '\ttradingName: TechTime\n');
    expectOnlyError(
      text,
      '',
      /^tabs are not allowed for indentation in YAML; indent with spaces$/,
      '\ttradingName',
    );
  });

  it('reports a JSON syntax error at its line', () => {
    const json = JSON.stringify(parse(valid), null, 2).replace('"tradingName"', ',"tradingName"');
    const issues = errorsOf(json);
    expect(issues[0]?.line).toBe(spot(json, ',"tradingName"').line);
    expect(issues[0]?.message).toMatch(/^YAML syntax error:/);
  });

  it('locates schema errors in JSON files too', () => {
    const json = JSON.stringify(parse(valid), null, 2).replace(
      '"2024-02-28",\n    "changeNotice"',
      '"2024-02-30",\n    "changeNotice"',
    );
    expectOnlyError(json, 'policy.lastUpdated', /real calendar date/, '"2024-02-30"');
  });
});

describe('validateDeclarationText: the file as a whole', () => {
  it('says an empty file is empty', () => {
    expectOnlyError(
      '',
      '',
      /^the file is empty; a declaration is a mapping that starts with schemaVersion: 2,/,
      '',
    );
  });

  it('treats a file of comments as empty', () => {
    expectOnlyError('# TechTime User Management\n', '', /^the file is empty/, '#');
  });

  it('rejects a file whose top level is a list', () => {
    expectOnlyError(
      '- vendor: TechTime\n',
      '',
      /top level must be a mapping of sections .*, not a list$/,
      '-',
    );
  });

  it('rejects a file that is a single line of text', () => {
    expectOnlyError(
      'TechTime User Management',
      '',
      /top level must be a mapping of sections .*, not text$/,
      'TechTime',
    );
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['laugh: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    expectOnlyError(
      `${lines.join('\n')}\n`,
      '',
      /^the file cannot be read: Excessive alias count/,
      'laugh',
    );
  });

  it('rejects a file over 2 MB before parsing it', () => {
    const text = `${valid}# ${'x'.repeat(2 * 1024 * 1024)}\n`;
    expectOnlyError(text, '', /larger than 2 MB/, '# TechTime');
  });
});

describe('validateDeclarationText: warnings', () => {
  function warningsOf(text: string): LocatedIssue[] {
    const result = validateDeclarationText(text, FILE);
    if (!result.ok) throw new Error(result.issues.map(formatLocatedIssue).join('\n'));
    return result.warnings;
  }

  it('warns, without failing, when the vendor is not named', () => {
    const text = breakFixture(
      '  legalName: TechTime Initiative Group Limited\n  tradingName: TechTime\n',
      '',
    );
    const [warning, ...rest] = warningsOf(text);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ pathText: 'vendor', severity: 'warning', line: 3, column: 1 });
    expect(warning?.message).toMatch(/vendor is not named: add legalName or tradingName/);
  });

  it('does not warn about an unnamed vendor when vendor.notes say why', () => {
    const text = breakFixture(
      '  legalName: TechTime Initiative Group Limited\n  tradingName: TechTime\n',
      '  notes:\n    - The policy never names the company that publishes it.\n',
    );
    expect(warningsOf(text).map((warning) => warning.message)).toEqual([]);
  });

  it('warns when there is nowhere to send privacy requests', () => {
    const text = breakFixture(
      '  contact: mailto:support@techtime.co.nz\n',
      '',
      1,
      breakFixture('  privacyContact: mailto:support@techtime.co.nz\n', ''),
    );
    expect(warningsOf(text).map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^no privacy contact/),
    ]);
  });

  it('counts a privacy officer with an e-mail address as a contact', () => {
    const withoutContacts = breakFixture(
      '  contact: mailto:support@techtime.co.nz\n',
      '',
      1,
      breakFixture('  privacyContact: mailto:support@techtime.co.nz\n', ''),
    );
    const text = breakFixture(
      '  supportChannels:',
      '  privacyOfficer:\n    role: Privacy Officer\n    email: privacy@techtime.co.nz\n  supportChannels:',
      1,
      withoutContacts,
    );
    expect(warningsOf(text)).toEqual([]);
  });

  it('warns about a location nothing refers to, at its id', () => {
    const text = breakFixture(
      'recipients:\n',
      '  - id: atlassian-marketplace\n    hostedBy: atlassian\nrecipients:\n',
    );
    const warnings = warningsOf(text);
    expect(warnings.map(formatLocatedIssue)).toEqual([
      `${FILE}:${spot(text, 'atlassian-marketplace').line}:${spot(text, 'atlassian-marketplace').column}  locations[1].id  warning: location "atlassian-marketplace" is declared but no data category, log, placement rule or backup refers to it; refer to it or remove it`,
    ]);
  });

  it('keeps warnings alongside errors', () => {
    const text = breakFixture('purposes: [support]', 'purposes: [suport]');
    const result = validateDeclarationText(text, FILE);
    expect(result.warnings.map((warning) => warning.pathText)).toEqual(['purposes[1].id']);
  });
});

describe('formatLocatedIssue', () => {
  it('prints file:line:column, the path and the message', () => {
    const text = breakFixture('lastUpdated: 2024-02-28', 'lastUpdated: 2024-02-30');
    expect(errorsOf(text).map(formatLocatedIssue)).toEqual([
      `${FILE}:25:16  policy.lastUpdated  must be a real calendar date written YYYY-MM-DD`,
    ]);
  });
});
