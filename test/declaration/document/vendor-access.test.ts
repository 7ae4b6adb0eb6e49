import { describe, expect, it } from 'vitest';
import { loadDeclaration } from '../export/load.ts';
import { changed, linesOf, sectionOf, tableOf } from './section-reading.ts';

/** Exalate with every field of the format filled in (seed 002). */
const exalate = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

const grants = (declaration = exalate, locale = 'en-US') =>
  tableOf(sectionOf(declaration, 'vendor-access', locale)!.blocks, 'access-grants');

describe('vendor access grants', () => {
  it('show which role reaches which data, how and when, with category names', () => {
    expect(grants()).toEqual({
      header: ['Role', 'Data', 'Access', 'When', 'Platforms', 'Conditions'],
      rows: [
        [
          'Support engineers',
          'Operation Data',
          'Read',
          'Support requests and Incidents',
          'Cloud',
          "Only with the customer's permission in the support ticket.",
        ],
        [
          'Site reliability engineers',
          'All data',
          'Read and write',
          'Maintenance and Monitoring',
          '',
          '',
        ],
      ],
    });
  });

  it('name every access and circumstance in words', () => {
    const declaration = changed(exalate, (copy) => {
      copy.vendorAccess!.grants = [
        {
          role: 'Exalate staff',
          categories: ['operation-data', 'account-data'],
          access: 'none',
          circumstances: ['never'],
        },
        {
          role: 'Exalate staff',
          categories: 'all',
          access: 'not-stated',
          circumstances: ['legal-demand', 'customer-consent', 'other'],
        },
      ];
    });
    const { header, rows } = grants(declaration);
    // No grant names platforms or conditions: no columns of empty cells.
    expect(header).toEqual(['Role', 'Data', 'Access', 'When']);
    expect(rows.map((row) => row.slice(2))).toEqual([
      ['No access', 'Never'],
      ['Not stated', 'Legal demands, With the customer’s consent, and Other'],
    ]);
    // The categories' names in the grant's order, never their ids.
    expect(rows[0]![1]).toBe('Operation Data and Account Data');
  });

  it('stand without who, which version 2 leaves optional', () => {
    const declaration = changed(exalate, (copy) => {
      delete copy.vendorAccess!.who;
    });
    const all = linesOf(sectionOf(declaration, 'vendor-access')!.blocks);
    expect(all).not.toContain('Who');
    expect(all[0]).toBe('Who can access which data');
  });

  it('read in German and Japanese', () => {
    expect(grants(exalate, 'de-DE')).toEqual({
      header: ['Rolle', 'Daten', 'Zugriff', 'Wann', 'Plattformen', 'Bedingungen'],
      rows: [
        [
          'Support engineers',
          'Operation Data',
          'Lesen',
          'Supportanfragen und Sicherheitsvorfälle',
          'Cloud',
          "Only with the customer's permission in the support ticket.",
        ],
        [
          'Site reliability engineers',
          'Alle Daten',
          'Lesen und Schreiben',
          'Wartung und Überwachung',
          '',
          '',
        ],
      ],
    });
    expect(grants(exalate, 'ja-JP').rows[1]!.slice(1, 4)).toEqual([
      'すべてのデータ',
      '読み取りと書き込み',
      'メンテナンス、監視',
    ]);
  });

  it('mark each grant with its platforms for the page filter', () => {
    const section = sectionOf(exalate, 'vendor-access')!;
    const heading = section.blocks.find(
      (block) => block.kind === 'heading' && block.blocks[0]?.kind === 'table',
    );
    expect(heading?.kind === 'heading' && heading.blocks[0]).toMatchObject({
      rows: [{ key: 'grant-1', platforms: ['cloud'] }, { key: 'grant-2' }],
    });
  });
});
