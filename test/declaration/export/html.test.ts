// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createTranslator, loadCatalogue, toHtml, type Declaration } from '@declaration';
import { loadDeclaration as loadExample } from './load.ts';
import { walkDeclaration } from './schema-walk.ts';

const complete = loadExample('test/declaration/export/fixtures/exalate-complete.yaml');

/**
 * What a reader gets from the page: its text as shown (entities decoded, tags such as <bdi> and
 * <wbr> gone) and the addresses its links lead to.
 */
function decoded(html: string): string {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const hrefs = Array.from(page.querySelectorAll('a'), (a) => a.getAttribute('href'));
  return [page.body.textContent, ...hrefs].join('\n');
}

describe('toHtml', () => {
  it('starts from a fixture that fills in every field of the format', () => {
    expect(walkDeclaration(complete).missing).toEqual([]);
  });

  it('shows every field of a fully populated declaration (Exalate, seed 002)', () => {
    const page = decoded(toHtml(complete));
    const absent = walkDeclaration(complete)
      .values.filter(({ anyOf }) => !anyOf.some((text) => text && page.includes(text)))
      .map(({ path, anyOf }) => `${path}: ${anyOf.join(' | ')}`);
    expect(absent).toEqual([]);
  });

  it('is a standalone page: no script, no external requests, light, dark and print styles', () => {
    const page = toHtml(complete);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|@import|url\(/i);
    expect(page).toContain('prefers-color-scheme: dark');
    expect(page).toContain('@media print');
    expect(page).toContain("default-src 'none'");
  });

  it('shows markup in the declaration as text', () => {
    const hostile: Declaration = structuredClone(complete);
    hostile.app.name = '<script>alert("x")</script> Sync';
    hostile.dataCategories[0]!.name = { en: '<img src=x onerror=alert(1)>', de: 'Betriebsdaten' };
    const page = toHtml(hostile);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Sync');
  });

  it('links only https and mailto addresses', () => {
    const hostile: Declaration = structuredClone(complete);
    hostile.vendor.website = 'javascript:alert(1)';
    hostile.policy.dpaUrl = 'http://exalate.com/dpa';
    const page = toHtml(hostile);
    expect(page).not.toMatch(/href="(javascript|http):/);
    expect(page).toContain('javascript:alert(1)');
    expect(page).toContain('href="mailto:privacy@exalate.com"');
    expect(page).toContain(
      'href="https://docs.exalate.com/docs/data-security-and-privacy-statement"',
    );
  });

  it('uses the reader’s language for translations and country names', async () => {
    const german: Declaration = structuredClone(complete);
    german.dataCategories[0]!.name = { en: 'Operation Data', de: 'Betriebsdaten' };
    const translator = createTranslator('de-DE', await loadCatalogue('de-DE'));
    const page = toHtml(german, { translator });
    expect(page).toContain('<html lang="de-DE">');
    expect(page).toContain('Betriebsdaten');
    expect(page).toContain('Belgien');
  });

  it('marks a vendor text shown in English for a German reader as English', async () => {
    const german: Declaration = structuredClone(complete);
    german.dataCategories[0]!.name = { en: 'Operation Data' };
    const translator = createTranslator('de-DE', await loadCatalogue('de-DE'));
    const page = new DOMParser().parseFromString(toHtml(german, { translator }), 'text/html');
    const marked = Array.from(page.querySelectorAll('[lang="en"]'), (e) => e.textContent);
    expect(marked).toContain('Operation Data');
    // An English reader reads it in their own language: nothing to mark.
    expect(toHtml(german)).not.toContain('lang="en"');
  });

  it('links the Marketplace privacy tab and gives the data table its six columns', () => {
    const page = toHtml(complete);
    expect(page).toContain(
      'https://marketplace.atlassian.com/apps/1216227/exalate-jira-issue-sync-more?hosting=cloud&amp;tab=privacy-and-security',
    );
    const table = new DOMParser()
      .parseFromString(page, 'text/html')
      .querySelector('#data-collected table');
    const headers = Array.from(table?.querySelectorAll('th[scope="col"]') ?? [], (th) =>
      th.textContent?.trim(),
    );
    expect(headers).toEqual(['What', 'Whose', 'Why', 'Where stored', 'How long', 'Shared with']);
  });
});
