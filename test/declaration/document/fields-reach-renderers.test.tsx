// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ENGLISH, parseDeclaration, toHtml, toMarkdown, type Declaration } from '@declaration';
import { DisclosurePage } from '../../../static/disclosure/src/components/DisclosurePage.tsx';
import { TranslatorContext } from '../../../static/disclosure/src/i18n/index.ts';
import { viewOf } from '../../static/render.tsx';
import { loadDeclaration } from '../export/load.ts';
import { leavesOf, valueAt, withValue, type Leaf } from './leaves.ts';

vi.mock(
  '../../../static/disclosure/src/api/index.ts',
  async () => (await import('../../static/api-mock.ts')).api,
);

/** Exalate's declaration with every field of the format filled in (seed 002). */
const base = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

/** What a reader gets from a page: its text as shown, and where its links lead. */
function readerView(html: string): string {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const hrefs = Array.from(page.querySelectorAll('a[href]'), (a) => a.getAttribute('href'));
  return [page.body.textContent, ...hrefs].join('\n');
}

/** The three renderers of the document model, each as what its reader gets; cheapest first. */
const RENDERERS = {
  html: (declaration: Declaration) => readerView(toHtml(declaration)),
  markdown: (declaration: Declaration) => toMarkdown(declaration),
  page: (declaration: Declaration) =>
    readerView(
      renderToStaticMarkup(
        <TranslatorContext.Provider value={ENGLISH}>
          <DisclosurePage view={viewOf(declaration)} />
        </TranslatorContext.Provider>,
      ),
    ),
};

function valid(declaration: Declaration): Declaration | null {
  const parsed = parseDeclaration(declaration);
  return parsed.ok ? parsed.declaration : null;
}

const where = (leaf: Leaf) => leaf.path.join('.');

/**
 * For an item of a list that no other value may replace on its own (a location's only platform,
 * which its kinds of data are stored for): the list with another value added beside it.
 */
function alongside(start: Declaration, leaf: Leaf): Declaration | null {
  const index = leaf.path.at(-1);
  if (typeof index !== 'number') return null;
  const listPath = leaf.path.slice(0, -1);
  const list = valueAt(start, listPath) as unknown[];
  for (const candidate of leaf.candidates) {
    if (typeof candidate === 'symbol' || list.includes(candidate)) continue;
    const changed = valid(withValue(start, listPath, [...list, candidate]));
    if (changed) return changed;
  }
  return null;
}

describe('every field of the declaration reaches the page, the HTML and the Markdown', () => {
  const leaves = leavesOf(base);
  const markers = leaves.filter((leaf) => leaf.kind === 'marker');
  /** The declaration with each text and address set to a marker of its own: no two alike. */
  const marked = valid(
    markers.reduce(
      (declaration, leaf) => withValue(declaration, leaf.path, leaf.candidates[0]),
      base,
    ),
  );

  it('finds the fields by walking the schema: texts, addresses, enums, dates, periods, references', () => {
    const kinds = new Set(leaves.map((leaf) => `${leaf.kind}:${typeof valueAt(base, leaf.path)}`));
    expect([...kinds].sort()).toEqual([
      'change:boolean',
      'change:number',
      'change:string',
      'marker:string',
    ]);
    expect(leaves.length).toBeGreaterThan(150);
  });

  it('shows each text and address, set to a marker of its own, in all three', () => {
    const markers = leaves.filter((leaf) => leaf.kind === 'marker');
    const marked = valid(
      markers.reduce(
        (declaration, leaf) => withValue(declaration, leaf.path, leaf.candidates[0]),
        base,
      ),
    );
    expect(marked, 'the declaration with markers is still valid').not.toBeNull();
    const missing = Object.fromEntries(
      Object.entries(RENDERERS).map(([name, render]) => {
        const shown = render(marked!);
        return [name, markers.filter((leaf) => !shown.includes(leaf.marker!)).map(where)];
      }),
    );
    expect(missing).toEqual({ page: [], html: [], markdown: [] });
  });

  it('changes what one of them shows for every other value: enums, booleans, dates, periods, references', () => {
    // From the marked declaration, where no name repeats another: a reference shows its own.
    const start = marked!;
    const before = Object.fromEntries(
      Object.entries(RENDERERS).map(([name, render]) => [name, render(start)]),
    );
    const unreached: string[] = [];
    for (const leaf of leaves.filter((candidate) => candidate.kind === 'change')) {
      const changed =
        leaf.candidates
          .map((candidate) => valid(withValue(start, leaf.path, candidate)))
          .find((declaration): declaration is Declaration => declaration !== null) ??
        alongside(start, leaf);
      if (!changed) {
        unreached.push(`${where(leaf)} (no other valid value)`);
        continue;
      }
      const reached = Object.entries(RENDERERS).some(
        ([name, render]) => render(changed) !== before[name],
      );
      if (!reached) unreached.push(where(leaf));
    }
    expect(unreached).toEqual([]);
    // It renders the page, the HTML and the Markdown once per field: about 8 s alone, three times
    // that while the rest of the suite fills both cores.
  }, 60_000);
});
