/**
 * Facts in one declaration that contradict each other are errors at the field to fix, in words
 * that say how; facts a reader would misread are warnings.
 */
import { describe, expect, it } from 'vitest';
import {
  before,
  errorsOf,
  expectOnlyError,
  replaced,
  spot,
  techtime,
  warningsOf,
} from './techtime.ts';

// The Service Desk requests category of the TechTime fixture, as written there.
const SERVICE_DESK =
  '    subjects: [support-requesters]\n    personal: yes\n    sensitive: no\n    sources: [support-request, email]\n';

function serviceDesk(subjects: string, personal: string, sensitive: string): string {
  return replaced(
    SERVICE_DESK,
    `    subjects: ${subjects}\n    personal: ${personal}\n    sensitive: ${sensitive}\n    sources: [support-request, email]\n`,
  );
}

describe('personal and sensitive data', () => {
  it.each(['yes', 'may-contain'])(
    'personal %s with subjects [none] is an error at subjects',
    (personal) => {
      const text = serviceDesk('[none]', personal, 'no');
      expectOnlyError(
        text,
        'dataCategories[1].subjects',
        new RegExp(
          `^personal is "${personal}" but subjects is \\[none\\]: name whose data it is \\(end-users, administrators, \\.\\.\\.\\), or set personal to "no" if it is not about people$`,
        ),
        '[none]',
      );
    },
  );

  it('accepts subjects [none] for data that is not personal, or not said to be', () => {
    expect(errorsOf(serviceDesk('[none]', 'no', 'no'))).toEqual([]);
    expect(errorsOf(serviceDesk('[none]', 'not-stated', 'not-stated'))).toEqual([]);
  });

  it('does not let "none" stand beside other subjects', () => {
    const text = serviceDesk('[support-requesters, none]', 'yes', 'no');
    expectOnlyError(
      text,
      'dataCategories[1].subjects[1]',
      /^"none" says the data is not about people, but other subjects are listed with it; remove "none" or the others$/,
      'none]',
    );
  });

  it.each(['yes', 'may-contain'])(
    'sensitive %s while personal is no is an error at sensitive',
    (sensitive) => {
      const text = serviceDesk('[support-requesters]', 'no', sensitive);
      expectOnlyError(
        text,
        'dataCategories[1].sensitive',
        new RegExp(
          `^sensitive is "${sensitive}" but personal is "no": sensitive data is always personal data; set personal to "yes" or "may-contain", or sensitive to "no"$`,
        ),
        sensitive,
        sensitive === 'yes' ? 2 : 1,
      );
    },
  );

  it('accepts sensitive data whose personal status the policy does not state', () => {
    expect(errorsOf(serviceDesk('[support-requesters]', 'not-stated', 'may-contain'))).toEqual([]);
  });
});

describe('data on a platform kept only in places of other platforms', () => {
  // Service Desk requests are collected on cloud, data-center and server, and kept in the backend.
  const cloudOnly = replaced(
    '    hostedBy: vendor\n',
    '    hostedBy: vendor\n    platforms: [cloud]\n',
  );
  const withDatabase = replaced(
    '    hostedBy: vendor\n    platforms: [cloud]\n',
    `    hostedBy: vendor
    platforms: [cloud]
  - id: customer-database
    name: The customer's Jira database
    hostedBy: customer
    platforms: [data-center, server]
`,
    cloudOnly,
  );
  const differences = (storedIn: string) =>
    replaced(
      '      deletableOnRequest: true\n',
      `      deletableOnRequest: true
    platformDifferences:
      - platform: data-center
        storedIn: ${storedIn}
      - platform: server
        storedIn: [customer-database]
`,
      withDatabase,
    );

  it('is an error at storedIn, naming the platforms and the places', () => {
    expectOnlyError(
      cloudOnly,
      'dataCategories[1].storedIn',
      /^this data is collected on data-center and server but stored only in locations for other platforms: "techtime-backend" \(cloud\); add a location used on data-center and server, or a platformDifferences entry for each with its own storedIn$/,
      '[techtime-backend]',
      2,
    );
  });

  it('is not an error once platformDifferences say where it is kept there', () => {
    expect(errorsOf(differences('[customer-database]'))).toEqual([]);
  });

  it('is an error at a platformDifferences entry that names only other platforms places', () => {
    const text = differences('[techtime-backend]');
    expectOnlyError(
      text,
      'dataCategories[1].platformDifferences[0].storedIn',
      /^for data-center this names only locations for other platforms: "techtime-backend" \(cloud\); name a location used on data-center, or add data-center to that location's platforms$/,
      '[techtime-backend]',
      3,
    );
  });

  it('leaves alone data that is not stored, and locations that name no platforms', () => {
    expect(errorsOf(techtime)).toEqual([]);
    const notStored = replaced(
      'storedIn: [techtime-backend]\n    recipients: [mail-provider]\n    retention:\n      basis: until-deletion-request',
      'recipients: [mail-provider]\n    retention:\n      basis: not-stored',
      cloudOnly,
    );
    expect(errorsOf(notStored)).toEqual([]);
  });

  it('applies to logs too', () => {
    const text = before(
      'rights',
      `logs:
  - id: app-logs
    name: Application logs
    holds: Errors of each request.
    endUserData: may-contain
    storedIn: [techtime-backend]
    platforms: [cloud, data-center]`,
      cloudOnly.replace(
        '    platforms: [cloud, data-center, server]\n',
        '    platforms: [cloud]\n',
      ),
    );
    expectOnlyError(
      text,
      'logs[0].storedIn',
      /^this data is collected on data-center but stored only in locations for other platforms: "techtime-backend" \(cloud\); add a location used on data-center, or add data-center to a location's platforms$/,
      '[techtime-backend]',
      3,
    );
  });

  it('warns about a difference for a platform the category is not collected on', () => {
    const text = replaced(
      '    retention:\n      basis: fixed-period',
      "    platformDifferences:\n      - platform: server\n        statement: Kept in the customer's database.\n    retention:\n      basis: fixed-period",
    );
    const { line, column } = spot(text, 'server\n');
    expect(warningsOf(text)).toEqual([
      `${line}:${column}  dataCategories[0].platformDifferences[0].platform  warning: a difference for server, but this category's platforms are cloud; add server to platforms if the data is collected there`,
    ]);
  });
});

describe('data stored only by a recipient', () => {
  // TechTime's survey answers go to TypeForm, and the app keeps none of them.
  const SURVEYS =
    '    recipients: [typeform]\n    retention:\n      basis: until-deletion-request\n';
  const storedOnlyBy = (ids: string, retention = '      basis: not-stored\n', extra = '') =>
    replaced(
      SURVEYS,
      `    recipients: [typeform]${extra}\n    handling:\n      storedOnlyBy: ${ids}\n    retention:\n${retention}`,
    );

  it('is consistent when the app does not store it and the recipient receives it', () => {
    expect(warningsOf(storedOnlyBy('[typeform]'))).toEqual([]);
  });

  it("is an error when the recipient is not among the category's recipients", () => {
    const text = storedOnlyBy('[mail-provider]');
    expectOnlyError(
      text,
      'dataCategories[2].handling.storedOnlyBy[0]',
      /^"mail-provider" stores this data, so it receives it: add "mail-provider" to this category's recipients$/,
      'mail-provider]',
      2,
    );
  });

  it("is an error beside storedIn that names the app's own location", () => {
    const text = storedOnlyBy(
      '[typeform]',
      '      basis: until-deletion-request\n      description: TypeForm keeps the answers until we delete the survey.\n',
      '\n    storedIn: [techtime-backend]',
    );
    expectOnlyError(
      text,
      'dataCategories[2].handling.storedOnlyBy',
      /^storedOnlyBy says only "typeform" store this data, but storedIn names the app's own location "techtime-backend"; remove it from storedIn, or remove storedOnlyBy$/,
      '[typeform]',
      2,
    );
  });

  it('warns when the retention reads as the app keeping it, and not once the words explain it', () => {
    const text = storedOnlyBy('[typeform]', '      basis: until-deletion-request\n');
    const { line, column } = spot(text, 'until-deletion-request', 2);
    expect(warningsOf(text)).toEqual([
      `${line}:${column}  dataCategories[2].retention.basis  warning: storedOnlyBy says the app does not store this data, but retention.basis is "until-deletion-request": if the app keeps nothing, write basis: not-stored; if this is how long "typeform" keeps it, say so in retention.description`,
    ]);
    const explained = storedOnlyBy(
      '[typeform]',
      '      basis: until-deletion-request\n      description: TypeForm keeps the answers until we delete the survey.\n',
    );
    expect(warningsOf(explained)).toEqual([]);
  });
});

describe('retention periods', () => {
  it('refuses a zero period and says what to write instead', () => {
    const text = replaced('period: P180D', 'period: P0D');
    expectOnlyError(
      text,
      'dataCategories[0].retention.period',
      /^a zero period \(P0D\) keeps nothing: use basis "not-stored" for data that is processed but not kept$/,
      'P0D',
    );
    expect(errorsOf(replaced('period: P180D', 'period: PT0S'))).toHaveLength(1);
  });

  it.each(['PT1H', 'PT30M', 'P1DT12H'])(
    'accepts %s, a period shorter than a few days',
    (period) => {
      const result = errorsOf(replaced('period: P180D', `period: ${period}`));
      expect(result).toEqual([]);
    },
  );
});
