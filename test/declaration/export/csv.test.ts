import { describe, expect, it } from 'vitest';
import { csvHeaders, toCsv, type Declaration } from '@declaration';
import { createTranslator } from '@declaration/i18n/index.ts';
import german from '../../../locales/de-DE.json' with { type: 'json' };
import { loadExample } from '../../examples/load-example.ts';

const complete = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');
const techtime = loadExample('test/declaration/present/fixtures/techtime-user-management.yaml');

/**
 * Exalate's declaration with the format-2 facts of its Operation Data set here, so that these
 * tests read what they check while the fixture keeps growing to fill every field.
 */
function withOperationData(declaration: Declaration): Declaration {
  const changed: Declaration = structuredClone(declaration);
  const operation = changed.dataCategories.find((category) => category.id === 'operation-data')!;
  Object.assign(operation, {
    storedIn: ['exalate-cloud-belgium'],
    residency: 'excluded',
    handling: {
      forms: ['as-collected', 'pseudonymised'],
      storedOnlyBy: ['google-cloud'],
      collectedByDefault: true,
      onlyWhenConfigured: 'A synchronisation connection between two trackers.',
      sizeLimit: 'Attachments up to 10 MB are copied.',
    },
    encryption: {
      atRestMethod: 'AES-256 on Google Cloud persistent disks.',
      inTransitProtocol: 'TLS 1.2 or later.',
      keyManagement: 'Google-managed encryption keys.',
      fieldLevel: ['Connection secrets and API tokens.'],
    },
    platformDifferences: [
      {
        platform: 'data-center',
        storedIn: ['customer-database'],
        retention: {
          basis: 'while-installed',
          backups: { description: "Backed up with the customer's database." },
        },
        statement: "On Data Center nothing leaves the customer's instance.",
      },
    ],
  } satisfies Partial<typeof operation>);
  operation.retention = {
    basis: 'until-purpose-fulfilled',
    period: 'P180D',
    after: 'subscription-end',
    backups: {
      period: 'P30D',
      bound: 'at-least',
      afterDeletion: {
        period: 'P90D',
        description: 'Backups still hold the data for up to 90 days after deletion.',
      },
      storedIn: ['rsync-zurich'],
    },
  };
  return changed;
}

function techtimeWithoutLogs(): Declaration {
  const declaration: Declaration = structuredClone(techtime);
  delete declaration.logs;
  return declaration;
}

/** A small RFC 4180 reader, to read the export back the way a spreadsheet does. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

function records(declaration: Declaration) {
  const [header, ...rows] = parseCsv(toCsv(declaration));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]])));
}

describe('toCsv', () => {
  it('has the record-of-processing columns and one row per data category', () => {
    const [header, ...rows] = parseCsv(toCsv(techtimeWithoutLogs()));
    expect(header).toEqual(csvHeaders());
    expect(header?.slice(0, 4)).toEqual(['Category', 'Description', 'Examples', 'Data subjects']);
    expect(rows.map((row) => row[0])).toEqual([
      'User directory data handled at runtime',
      'Survey responses',
      'Service Desk requests',
      'Product usage analytics',
    ]);
  });

  it('fills each column from the declaration (Exalate, seed 002)', () => {
    const [operation] = records(complete);
    expect(operation).toMatchObject({
      'Data subjects': 'End users',
      Personal: 'Yes',
      Sensitive: 'May contain',
      'Legal basis': 'Performance of a contract; Legitimate interests',
      'Retention period': 'P180D',
      Encryption: 'In transit: Yes; at rest: Not stated',
      'Record type': 'Data category',
    });
    expect(operation!['Storage locations']).toContain(
      'Exalate Cloud, Belgium (Belgium, Europe); backups: Rsync.net, Switzerland, Zurich',
    );
    expect(operation!.Recipients).toContain('Google Cloud (Belgium, europe-west1)');
    expect(operation!.Retention).toMatch(/^Kept while needed; deleted at the latest 180 days/);
    expect(operation!.Transfers).toContain('Adequacy decision');
  });

  it('has the facts of format 2 in columns of their own (Exalate, seed 002)', () => {
    const rows = records(withOperationData(complete));
    const [operation, account, session] = ['Operation Data', 'Account Data', 'Session tokens'].map(
      (name) => rows.find((row) => row.Category === name),
    );
    expect(operation).toMatchObject({
      'Collected by default': 'Yes',
      'Collected only when configured': 'A synchronisation connection between two trackers.',
      'Kept as': 'As collected; Pseudonymised',
      'Size limit': 'Attachments up to 10 MB are copied.',
      // The recipient by name, never its id (google-cloud).
      'Stored only by': 'Google Cloud',
      'Data residency': 'Excluded from data residency',
      'Retention bound': 'At most',
      // "At least a month" is not "up to a month": the bound stays with the backups' period.
      Backups: 'at least 30 days; Backups kept in: Rsync.net, Zurich',
      'Backups after deletion':
        'at most 90 days; Backups still hold the data for up to 90 days after deletion.',
      // Each part ends where the next begins; the vendor's own full stops go with it.
      'Encryption details':
        'Encryption at rest: AES-256 on Google Cloud persistent disks; ' +
        'Encryption in transit: TLS 1.2 or later; ' +
        'Key management: Google-managed encryption keys; ' +
        'Encrypted field by field: Connection secrets and API tokens.',
    });
    // Per platform: its locations by name, its own retention in words, and what else differs.
    // Per platform: its locations by name, its own retention in words, and what else differs;
    // the full stop of the retention's words gives way to the next part.
    expect(operation!['Where it differs by platform']).toBe(
      "Data Center: Stored in: The customer's Jira database, " +
        "Retention: Kept while the app is installed. Backed up with the customer's database, " +
        "On Data Center nothing leaves the customer's instance.",
    );
    expect(account).toMatchObject({
      Personal: 'No',
      'Data residency': 'In scope of data residency',
      // No period, so no bound; nothing about handling or backups is declared.
      'Retention bound': '',
      'Collected by default': '',
      'Kept as': '',
      Backups: '',
      'Encryption details': '',
    });
    expect(session).toMatchObject({
      Personal: 'Not stated',
      Sensitive: 'Not stated',
      'Data residency': 'Not stated',
      'Retention period': 'PT1H',
      Retention: 'Deleted 1 hour from a start the policy does not state',
    });
  });

  it('lists each log as a record of its own kind after the data categories', () => {
    const declaration: Declaration = structuredClone(complete);
    declaration.logs = [
      {
        id: 'application-logs',
        name: 'Application logs',
        holds: 'Errors and synchronisation events of each connection.',
        examples: ['issue key', 'connection name'],
        endUserData: 'may-contain',
        storedIn: ['exalate-cloud-belgium'],
        retention: { basis: 'fixed-period', period: 'P30D', after: 'collection' },
        readableBy: ['Exalate support engineers'],
        platforms: ['cloud'],
      },
    ];
    const rows = records(declaration);
    expect(rows.map((row) => [row.Category, row['Record type']])).toEqual([
      ...complete.dataCategories.map((category) => [category.name, 'Data category']),
      ['Application logs', 'Log'],
    ]);
    const log = rows.find((row) => row.Category === 'Application logs');
    expect(log).toMatchObject({
      Description: 'Errors and synchronisation events of each connection.',
      Examples: 'issue key; connection name',
      'End-user data': 'May contain',
      'Who can read it': 'Exalate support engineers',
      Platforms: 'Cloud',
      'Storage locations':
        'Exalate Cloud, Belgium (Belgium, Europe); backups: Rsync.net, Switzerland, Zurich',
      Retention: 'Deleted 30 days after collection',
      'Retention period': 'P30D',
      // What a log is not asked for stays empty rather than "Not stated".
      'Data subjects': '',
      Purposes: '',
      'Legal basis': '',
      Personal: '',
    });
    // The categories have no end-user data or reader columns of their own.
    expect(rows[0]!['End-user data']).toBe('');
    expect(rows[0]!['Who can read it']).toBe('');
  });

  it('says "Not stated" for a log that does not say where it is kept or for how long', () => {
    const silent: Declaration = structuredClone(complete);
    const log = silent.logs![0]!;
    delete log.storedIn;
    delete log.retention;
    const row = records(silent).at(-1)!;
    expect(row['Storage locations']).toBe('Not stated');
    expect(row.Retention).toBe('Not stated');
    expect(row['Retention bound']).toBe('');
  });

  it('has no log rows for a declaration without logs', () => {
    const rows = records(techtimeWithoutLogs());
    expect(rows.every((row) => row['Record type'] === 'Data category')).toBe(true);
    expect(rows).toHaveLength(techtime.dataCategories.length);
  });

  it('writes the columns and the kind of record in the reader’s language', () => {
    const translator = createTranslator('de-DE', german);
    const [header, ...rows] = parseCsv(toCsv(complete, { translator }));
    expect(header).toEqual(csvHeaders(translator));
    expect(header).toEqual(
      expect.arrayContaining(['Datenresidenz', 'Sicherungskopien', 'Art des Eintrags']),
    );
    const kind = header!.indexOf('Art des Eintrags');
    expect(rows.map((row) => row[kind])).toEqual([
      ...complete.dataCategories.map(() => 'Datenkategorie'),
      ...complete.logs!.map(() => 'Protokoll'),
    ]);
    const personal = header!.indexOf('Personenbezogen');
    const session = rows.find((row) => row[0] === 'Session tokens');
    expect(session![personal]).toBe('Nicht angegeben');
  });

  it('quotes commas, quotes and line breaks so every cell reads back unchanged', () => {
    const tricky: Declaration = structuredClone(techtime);
    tricky.dataCategories[0]!.description = 'Names, e-mails and "user group"\nmembership';
    const text = toCsv(tricky);
    expect(text).toContain('"Names, e-mails and ""user group""\nmembership"');
    expect(records(tricky)[0]!.Description).toBe('Names, e-mails and "user group"\nmembership');
    expect(text.endsWith('\r\n')).toBe(true);
  });
});
