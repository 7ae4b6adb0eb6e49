// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvHeaders,
  marketplaceAnswers,
  toCsv,
  toHtml,
  toJson,
  toMarkdown,
  toMarketplaceAnswers,
  type Declaration,
} from '@declaration';
import { ENGLISH } from '@declaration/i18n/index.ts';
import { renderExport } from '../../../../static/disclosure/src/export-files.ts';
import { loadDeclaration } from '../load.ts';
import { hostileDeclarations, slotsOf } from './declarations.ts';
import {
  addressesIn,
  gfmAutolinksIn,
  MARKDOWN_READERS,
  parseCsv,
  rawHtmlIn,
  readable,
  renderMarkdown,
  skeleton,
  spreadsheetCells,
  type MarkdownReader,
} from './readers.ts';

/** Exalate's declaration with every field of the format filled in (seed 002). */
const base = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

/**
 * Few runs, each a whole declaration in every format: a few seconds on a shared machine. A
 * failure is reported as found, without shrinking: shrinking some 200 fields one by one, each
 * step a whole export, would take minutes.
 */
const RUNS = { numRuns: 20, endOnFailure: true };

/** Where a link may lead: the web over https, or an e-mail. */
const SAFE_LINK = /^(https:|mailto:)/i;

/**
 * OWASP "CSV Injection": a spreadsheet may run a cell as a formula when it starts with `=`, `+`,
 * `-` or `@` (full-width forms too), also after spaces or invisible characters, or with a tab or
 * carriage return.
 */
const FORMULA = /^[\s\p{Cf}]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\s\p{Cf}]*[\t\r]/u;

/** How docs sites render Markdown: CommonMark only, or also linking plain addresses. */
const readers = Object.keys(MARKDOWN_READERS) as MarkdownReader[];

/** The markup a reader would see from the Markdown of the unmodified declaration. */
const baseMarkdown = renderMarkdown(toMarkdown(base));
const baseMarkdownBy = Object.fromEntries(
  readers.map((reader) => [reader, renderMarkdown(toMarkdown(base), reader)]),
) as Record<MarkdownReader, Document>;
const baseHtml = new DOMParser().parseFromString(toHtml(base), 'text/html');

/** The vendor's text in a field, in English: what the reader should read there. */
function english(value: unknown): string {
  return typeof value === 'string' ? value : (value as { en: string }).en;
}

function headings(page: Document): string[] {
  return Array.from(page.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) =>
    readable(h.textContent ?? ''),
  );
}

/**
 * The headings the declaration should give, one set of acceptable texts per heading of the
 * unmodified page: a heading of the export's own words stays as it is; one that showed a
 * vendor's text now shows that field's new text (any of the fields that held the same text);
 * the title is "Privacy: " and the app's name.
 */
function expectedHeadings(declaration: Declaration): Set<string>[] {
  const before = slotsOf(base).filter((slot) => slot.kind === 'text');
  const after = slotsOf(declaration);
  const textAt = (path: (string | number)[]) =>
    after.find((slot) => slot.path.join('.') === path.join('.'))?.original;
  return headings(baseMarkdown).map((heading, index) => {
    if (index === 0) {
      return new Set([readable(`Privacy: ${english(declaration.app.name)}`)]);
    }
    const fields = before.filter((slot) => readable(english(slot.original)) === heading);
    if (fields.length === 0) return new Set([heading]);
    return new Set(fields.map((slot) => readable(english(textAt(slot.path)))));
  });
}

/** Body rows of each table, in order, and whether every row has one cell per column. */
function tables(page: Document): { rows: number; even: boolean }[] {
  return Array.from(page.querySelectorAll('table'), (table) => {
    const columns = table.querySelectorAll('thead th').length;
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    return {
      rows: rows.length,
      even: rows.every((row) => row.querySelectorAll('td').length === columns),
    };
  });
}

function checkMarkdown(markdown: string, declaration: Declaration): void {
  expect(rawHtmlIn(markdown)).toEqual([]);
  for (const reader of readers) {
    const page = renderMarkdown(markdown, reader);
    const { addresses, handlers } = addressesIn(page);
    expect(addresses.filter((address) => !SAFE_LINK.test(address))).toEqual([]);
    expect(handlers).toEqual([]);
    // Nor would GitHub or GitLab make one of the text: it shows the same to every reader.
    expect(gfmAutolinksIn(page)).toEqual([]);
    // The same blocks, lists, table rows and inline marks as the unmodified declaration. A reader
    // that links plain addresses may link an https address or an e-mail in a text: links
    // are looked through (where they lead is checked above).
    const transparent = reader === 'commonmark' ? [] : ['a'];
    expect(skeleton(page.body, transparent)).toBe(
      skeleton(baseMarkdownBy[reader].body, transparent),
    );
    const expected = expectedHeadings(declaration);
    const found = headings(page);
    expect(found.filter((heading, index) => !expected[index]?.has(heading))).toEqual([]);
    expect(tables(page)).toEqual([
      { rows: declaration.dataCategories.length, even: true },
      { rows: declaration.transfers?.length ?? 0, even: true },
      { rows: declaration.recipients.length, even: true },
      { rows: declaration.cookies?.length ?? 0, even: true },
      { rows: declaration.vendorAccess?.grants?.length ?? 0, even: true },
    ]);
  }
}

/** The separators a spreadsheet may split at, whatever the file was written with. */
const SEPARATORS = [',', ';', '\t', '|'];

function checkCsv(csv: string, declaration: Declaration): void {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual(csvHeaders());
  // A record of processing: a row per data category, then one per log.
  expect(rows).toHaveLength(declaration.dataCategories.length + (declaration.logs?.length ?? 0));
  expect(rows.filter((row) => row.length !== header!.length)).toEqual([]);
  expect(rows.flat().filter((cell) => FORMULA.test(cell))).toEqual([]);
  // Read with another separator (a German, French or Dutch spreadsheet splits at `;`), however
  // the reader treats quotes, no cell it makes starts a formula either.
  for (const separator of SEPARATORS) {
    for (const quotes of ['anywhere', 'at-cell-start'] as const) {
      const cells = spreadsheetCells(csv, separator, quotes);
      expect({ separator, quotes, formulas: cells.filter((cell) => FORMULA.test(cell)) }).toEqual({
        separator,
        quotes,
        formulas: [],
      });
    }
  }
}

describe('exports of a declaration with hostile text and addresses in every field', () => {
  it('finds the text and link fields to fill from the schema', () => {
    const kinds = new Set(slotsOf(base).map((slot) => slot.kind));
    expect([...kinds].sort()).toEqual([
      'contact',
      'domain',
      'email',
      'https',
      'marketplace',
      'plain',
      'text',
    ]);
    // Inside a choice of shapes ('not-stated' or a list), the fields of the shape it has.
    const paths = slotsOf(base).map((slot) => slot.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'rights.regimes.0.appliesTo',
        'rights.regimes.0.rights.0.description',
        'locations.0.domains.0',
        'logs.0.holds',
        'vendorAccess.grants.0.conditions',
      ]),
    );
    expect(paths).not.toContain('rights.regimes');
    expect(paths).not.toContain('vendorAccess.grants.1.categories');
  });

  it('Markdown, also where plain addresses are linked: only https and mailto links, no raw HTML, exactly the declaration’s headings and rows', () => {
    fc.assert(
      fc.property(hostileDeclarations(base), (declaration) => {
        checkMarkdown(toMarkdown(declaration), declaration);
      }),
      RUNS,
    );
  });

  it('HTML: only https and mailto links (and the page’s own anchors), the same sections and structure', () => {
    const ids = (page: Document) => Array.from(page.querySelectorAll('[id]'), (e) => e.id);
    fc.assert(
      fc.property(hostileDeclarations(base), (declaration) => {
        const page = new DOMParser().parseFromString(toHtml(declaration), 'text/html');
        const { addresses, handlers } = addressesIn(page);
        const anchors = new Set(ids(page).map((id) => `#${id}`));
        expect(addresses.filter((a) => !SAFE_LINK.test(a) && !anchors.has(a))).toEqual([]);
        expect(handlers).toEqual([]);
        expect(page.querySelectorAll('script, iframe, img, object, embed, form')).toHaveLength(0);
        expect(ids(page)).toEqual(ids(baseHtml));
        // <bdi> (direction isolation) and <wbr> (breaks in long words) only wrap vendor text;
        // the data-flow picture's lines of text (<text>, <tspan>) are as many as the text needs.
        const wrapping = ['bdi', 'wbr', 'text', 'tspan'];
        expect(skeleton(page.documentElement, wrapping)).toBe(
          skeleton(baseHtml.documentElement, wrapping),
        );
      }),
      RUNS,
    );
  });

  it('CSV: one row per category and per log, every cell reads back whole, no cell can start a formula with any separator', () => {
    fc.assert(
      fc.property(hostileDeclarations(base), (declaration) => {
        checkCsv(toCsv(declaration), declaration);
      }),
      RUNS,
    );
  });

  it('JSON keeps every text exactly; Marketplace answers stay one line each', () => {
    const questions = marketplaceAnswers(base).length;
    fc.assert(
      fc.property(hostileDeclarations(base), (declaration) => {
        expect(JSON.parse(toJson(declaration))).toEqual(declaration);
        const lines = toMarketplaceAnswers(declaration).split('\n').filter(Boolean);
        expect(lines.filter((line) => line.startsWith('Q: '))).toHaveLength(questions);
        expect(lines.filter((line) => line.startsWith('A: '))).toHaveLength(questions);
        expect(lines.filter((line) => !/^[QA]: /.test(line))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the page’s downloads: the same guarantees for its Markdown, CSV and JSON', () => {
    fc.assert(
      fc.property(hostileDeclarations(base), (declaration) => {
        checkMarkdown(renderExport('markdown', declaration, ENGLISH), declaration);
        checkCsv(renderExport('csv', declaration, ENGLISH), declaration);
        expect(JSON.parse(renderExport('json', declaration, ENGLISH))).toEqual(declaration);
      }),
      RUNS,
    );
  });
});
