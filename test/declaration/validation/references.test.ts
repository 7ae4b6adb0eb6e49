/**
 * Every id field of format 2 is a reference that must name something declared, and every such
 * reference counts as a use, so a location kept only for backups, logs or placement is not
 * reported as unused.
 */
import { describe, expect, it } from 'vitest';
import { before, errorsOf, replaced, spot, techtime, warningsOf } from './techtime.ts';

/**
 * TechTime with what format 2 lets it say: backups in a location of their own, a European
 * location chosen by the site's pin, Forge logs, Data Center storage, survey answers stored only
 * at TypeForm, and support engineers' access to Service Desk requests.
 */
const extended = [
  (text: string) =>
    replaced(
      '    hostedBy: vendor\n',
      `    hostedBy: vendor
    backups:
      frequency: daily
      location: techtime-backups
  - id: techtime-backups
    name: TechTime backups
    hostedBy: vendor
  - id: techtime-europe
    name: TechTime backend, Europe
    hostedBy: vendor
  - id: forge-logs
    name: Forge developer console
    hostedBy: atlassian
  - id: customer-database
    name: The customer's Jira database
    hostedBy: customer
    platforms: [data-center, server]
`,
      text,
    ),
  (text: string) =>
    before(
      'recipients',
      `placement:
  - rule: pinned-realm
    realms:
      - realm: eu
        location: techtime-europe
    unpinned: techtime-backend
    categories: [runtime-user-data]`,
      text,
    ),
  (text: string) =>
    before(
      'rights',
      `logs:
  - id: app-logs
    name: Application logs
    holds: Errors of each request, with the site's URL.
    endUserData: may-contain
    storedIn: [forge-logs]
    retention:
      basis: fixed-period
      period: P14D
      after: collection
vendorAccess:
  grants:
    - role: Support engineers
      categories: [service-desk-requests]
      access: read
      circumstances: [support-request]`,
      text,
    ),
  (text: string) =>
    replaced(
      '      basis: until-deletion-request\n      deletableOnRequest: true\n',
      `      basis: until-deletion-request
      deletableOnRequest: true
      backups:
        storedIn: [techtime-backups]
    platformDifferences:
      - platform: data-center
        storedIn: [customer-database]
`,
      text,
    ),
  (text: string) =>
    replaced(
      '    recipients: [typeform]\n    retention:\n      basis: until-deletion-request\n',
      `    recipients: [typeform]
    handling:
      storedOnlyBy: [typeform]
    retention:
      basis: not-stored
`,
      text,
    ),
].reduce((text, change) => change(text), techtime);

describe('references in format 2', () => {
  it('accepts TechTime with every new kind of reference, without warnings', () => {
    expect(errorsOf(extended)).toEqual([]);
    expect(warningsOf(extended)).toEqual([]);
  });

  // [what is broken, the text written, the path reported, the kind named in the message]
  const broken: [string, string, string, string, number?][] = [
    [
      'location: techtime-europe',
      'location: techtime-eu',
      'placement[0].realms[0].location',
      'location',
    ],
    ['unpinned: techtime-backend', 'unpinned: techtime-us', 'placement[0].unpinned', 'location'],
    [
      'categories: [runtime-user-data]',
      'categories: [runtime-users]',
      'placement[0].categories[0]',
      'data category',
    ],
    [
      'storedOnlyBy: [typeform]',
      'storedOnlyBy: [surveymonkey]',
      'dataCategories[2].handling.storedOnlyBy[0]',
      'recipient',
    ],
    [
      'storedIn: [customer-database]',
      'storedIn: [customer-db]',
      'dataCategories[1].platformDifferences[0].storedIn[0]',
      'location',
    ],
    [
      'storedIn: [techtime-backups]',
      'storedIn: [techtime-backup]',
      'dataCategories[1].retention.backups.storedIn[0]',
      'location',
    ],
    [
      'location: techtime-backups',
      'location: offsite-tapes',
      'locations[0].backups.location',
      'location',
    ],
    ['storedIn: [forge-logs]', 'storedIn: [forge-log]', 'logs[0].storedIn[0]', 'location'],
    [
      'categories: [service-desk-requests]',
      'categories: [service-desk]',
      'vendorAccess.grants[0].categories[0]',
      'data category',
    ],
  ];

  it.each(broken)('reports %s written as %s at %s', (from, to, path, kind) => {
    const text = replaced(from, to, extended);
    const written = to.replace(/^[a-zA-Z]+: \[?/, '').replace(/\]$/, '');
    const errors = errorsOf(text);
    const { line, column } = spot(text, to);
    const at = column + to.indexOf(written);
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${line}:${at}  ${path.replace(/[[\].]/g, '\\$&')}  unknown ${kind} id "${written}"; declared ${kind} ids: "`,
        ),
      ),
    ]);
  });

  it('accepts "all" as the categories of a grant', () => {
    const text = replaced('categories: [service-desk-requests]', 'categories: all', extended);
    expect(errorsOf(text)).toEqual([]);
  });

  it('reports a second log with the same id where it is written', () => {
    const text = before(
      'vendorAccess',
      `  - id: app-logs
    name: Access logs
    holds: Who signed in, and when.
    endUserData: yes`,
      extended,
    );
    const { line, column } = spot(text, 'app-logs', 2);
    expect(errorsOf(text)).toEqual([
      `${line}:${column}  logs[1].id  duplicate id "app-logs": logs[0] already uses it`,
    ]);
  });
});

describe('what counts as referring to a location', () => {
  const unused = (id: string) =>
    `location "${id}" is declared but no data category, log, placement rule or backup refers to it; refer to it or remove it`;

  /** `text` with each `[from, to]` replacement made. */
  const edited = (text: string, edits: [string, string][]) =>
    edits.reduce((result, [from, to]) => replaced(from, to, result), text);

  // [how it is used, the edit that removes that use, edits that remove its other uses, its id]
  const uses: [string, [string, string], [string, string][], string][] = [
    [
      'as the backup location of another location',
      ['location: techtime-backups', 'location: techtime-backend'],
      [['storedIn: [techtime-backups]', 'storedIn: [techtime-backend]']],
      'techtime-backups',
    ],
    [
      "as where a category's backups are",
      ['storedIn: [techtime-backups]', 'storedIn: [techtime-backend]'],
      [['location: techtime-backups', 'location: techtime-backend']],
      'techtime-backups',
    ],
    [
      'by a placement rule',
      ['location: techtime-europe', 'location: techtime-backend'],
      [],
      'techtime-europe',
    ],
    ['by a log', ['storedIn: [forge-logs]', 'storedIn: [techtime-backend]'], [], 'forge-logs'],
    [
      'on another platform',
      ['storedIn: [customer-database]', 'storedIn: [techtime-backend]'],
      [],
      'customer-database',
    ],
  ];

  it.each(uses)('a location used only %s is referred to', (_how, use, others, id) => {
    const text = edited(extended, others);
    expect(warningsOf(text)).toEqual([]);
    // Without that one use the location is unused: so that use is what counted.
    const without = edited(text, [use]);
    const { line, column } = spot(without, `id: ${id}`);
    expect(warningsOf(without)).toEqual([
      `${line}:${column + 4}  ${locationPath(without, id)}  warning: ${unused(id)}`,
    ]);
  });
});

function locationPath(text: string, id: string): string {
  const start = text.indexOf('\nlocations:\n');
  const ids = [
    ...text
      .slice(start, text.indexOf('\n', text.indexOf(`id: ${id}`, start)))
      .matchAll(/\n {2}- id: /g),
  ];
  return `locations[${ids.length - 1}].id`;
}
