import { describe, expect, it } from 'vitest';
import { csvHeaders, toCsv, toHtml, toMarkdown, type Declaration } from '@declaration';
import { loadExample } from '../../examples/load-example.ts';
import { parseCsv } from './hostile/readers.ts';

const techtime = loadExample('test/declaration/present/fixtures/techtime-user-management.yaml');
const oci = loadExample('examples/oci-europe-web-service.yaml');
const exalate = loadExample('examples/exalate-cloud.yaml');

/** The CSV cell of one category in one column, found by the column's header. */
function csvCell(declaration: Declaration, categoryName: string, column: string): string {
  const rows = parseCsv(toCsv(declaration));
  const index = csvHeaders().indexOf(column);
  return rows.find((row) => row[0] === categoryName)?.[index] ?? '';
}

describe('exports say "not stated" where the policy is silent', () => {
  it('shows a kept category without storage as "Not stated", not "Not stored" (TechTime)', () => {
    // Survey responses are kept until deletion is asked for, and the policy says not where.
    expect(csvCell(techtime, 'Survey responses', 'Storage locations')).toBe('Not stated');
    expect(csvCell(techtime, 'Product usage analytics', 'Storage locations')).toBe('Not stored');
    const markdown = toMarkdown(techtime);
    expect(markdown).toMatch(/Survey responses[^\n]*\| Not stated \|/);
    expect(markdown).not.toMatch(/Survey responses[^\n]*\| Not stored \|/);
  });

  it('does not list "Not stated" beside real legal bases', () => {
    const mixed: Declaration = structuredClone(techtime);
    mixed.purposes[0]!.legalBasis = ['contract', 'not-stated'];
    mixed.purposes[2]!.legalBasis = ['legitimate-interests', 'consent'];
    const runtime = mixed.dataCategories.find((c) => c.id === 'runtime-user-data')!;
    runtime.legalBasis = undefined;
    runtime.purposes = [mixed.purposes[0]!.id, mixed.purposes[2]!.id];
    const bases = csvCell(mixed, 'User directory data handled at runtime', 'Legal basis');
    expect(bases).toBe('Performance of a contract; Legitimate interests; Consent');
    expect(toHtml(mixed)).not.toContain('Performance of a contract, Not stated');
  });

  it('shows a policy without a version label as "Not stated" (OCI, seed 003)', () => {
    const html = toHtml(oci);
    expect(html).toContain('Policy version not stated, last updated');
    expect(html).not.toContain('not-stated');
    expect(toMarkdown(oci)).not.toContain('not-stated');
  });

  it('gives policy notes their own heading under "About this policy" (OCI, seed 003)', () => {
    const markdown = toMarkdown(oci);
    const about = markdown.slice(markdown.indexOf('## About this policy'));
    expect(about).toContain('### What to know about this policy');
    expect(markdown.slice(markdown.indexOf('## Links'))).not.toContain('Notes');
  });

  it('states backups apart from where data is stored (Exalate, seed 002)', () => {
    const markdown = toMarkdown(exalate);
    expect(markdown).toContain('- **Where it is hosted:** Belgium\n  - Backups in Switzerland\n');
  });

  it('says the longest stated retention and how many kinds of data do not say (TechTime)', () => {
    expect(toMarkdown(techtime)).toContain(
      '- **How long it is kept:** Longest stated: Kept until you ask for deletion\n' +
        '  - Not stated for 1 kind of data\n',
    );
  });
});
