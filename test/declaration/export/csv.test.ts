import { describe, expect, it } from 'vitest';
import { csvHeaders, toCsv, type Declaration } from '@declaration';
import { loadExample } from '../../examples/load-example.ts';

const complete = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');
const techtime = loadExample('test/declaration/present/fixtures/techtime-user-management.yaml');

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
    const [header, ...rows] = parseCsv(toCsv(techtime));
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
      Sensitive: 'No',
      'Legal basis': 'Performance of a contract; Legitimate interests',
      'Storage locations':
        'Exalate Cloud, Belgium (Belgium, Europe); backups: Rsync.net, Switzerland, Zurich',
      'Retention period': 'P180D',
      Recipients: 'Google Cloud (Belgium, europe-west1)',
      Encryption: 'In transit: Yes; at rest: Not stated',
    });
    expect(operation!.Retention).toMatch(/^Kept while needed; deleted at the latest 180 days/);
    expect(operation!.Transfers).toContain('Adequacy decision');
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
