// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHtml, toMarkdown, type Declaration } from '@declaration';
import { WIDE_FROM } from '@declaration/document/data-flow-layout.ts';
import { HTML_STYLE } from '@declaration/export/html-style.ts';
import { example, repoRoot } from '../../static/examples.ts';
import { translator } from '../document/section-reading.ts';
import { loadDeclaration } from './load.ts';

const complete = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');
const DECLARATIONS: [string, Declaration][] = [
  ...readdirSync(join(repoRoot, 'examples'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => [file, example(file.replace(/\.yaml$/, ''))] as [string, Declaration]),
  ['exalate-complete', complete],
];

function english(text: unknown): string {
  return typeof text === 'string' ? text : ((text as { en?: string } | undefined)?.en ?? '');
}

/** Spaces do not count: a long name is wrapped onto several lines of the SVG. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

function figureOf(html: string): Element {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const figure = page.querySelector('figure[data-testid="data-flow"]');
  if (!figure) throw new Error('no data-flow figure');
  return figure;
}

/** The text of an SVG's lines, as a browser reads them: every <text> in order. */
const svgText = (svg: Element) =>
  Array.from(svg.querySelectorAll('text'), (text) => text.textContent).join(' ');

describe.each(DECLARATIONS)('the HTML export’s picture of %s', (_, declaration) => {
  const figure = figureOf(toHtml(declaration));
  const svgs = Array.from(figure.querySelectorAll('svg'));

  it('is in "Where data lives", two pictures (wide and narrow), each an image named by its title', () => {
    expect(figure.closest('section#where-data-lives')).not.toBeNull();
    expect(svgs.map((svg) => svg.getAttribute('class'))).toEqual([
      'data-flow-svg data-flow-wide',
      'data-flow-svg data-flow-narrow',
    ]);
    for (const svg of svgs) {
      expect(svg.getAttribute('role')).toBe('img');
      const title = figure.ownerDocument.getElementById(svg.getAttribute('aria-labelledby')!);
      expect(title?.tagName.toLowerCase()).toBe('title');
      expect(title?.parentElement).toBe(svg);
      expect(title?.textContent).toBe('Where data goes');
    }
  });

  it('names every location and every recipient as SVG text, in both pictures', () => {
    const names = [
      ...declaration.locations.map((location) => english(location.name ?? location.provider)),
      ...declaration.recipients.map((recipient) => english(recipient.name)),
    ];
    for (const svg of svgs) {
      const text = squeezed(svgText(svg));
      expect(names.filter((name) => !text.includes(squeezed(name)))).toEqual([]);
    }
  });

  it('has its text equivalent beside it, one line per flow, and the same in the Markdown', () => {
    const items = Array.from(figure.querySelectorAll('.data-flow-text li'), (li) =>
      squeezed(li.textContent ?? ''),
    );
    expect(items.length).toBeGreaterThan(0);
    const markdown = squeezed(toMarkdown(declaration).replace(/\\(.)/g, '$1'));
    expect(items.filter((item) => !markdown.includes(item))).toEqual([]);
  });
});

describe('the picture in the HTML export', () => {
  it('marks what is outside the site’s data residency dashed and in words, not by colour alone', () => {
    const figure = figureOf(toHtml(complete));
    const wide = figure.querySelector('svg')!;
    const belgium = wide.querySelector('[data-node="location-exalate-cloud-belgium"]')!;
    expect(belgium.getAttribute('class')).toContain('df-outside');
    expect(belgium.querySelector('rect')!.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(belgium.textContent).toContain('Outside the site’s data residency');
    const dashed = Array.from(wide.querySelectorAll('path.df-edge[stroke-dasharray]'));
    expect(dashed.length).toBeGreaterThan(1);
    expect(wide.querySelector('.df-legend')?.textContent).toBe(
      'Dashed lines and borders: outside the site’s data residency',
    );
  });

  it('shows the wide picture only where its text stays at least 12 px, with the export’s own colours', () => {
    // The body's margins are 1.5rem each side: the picture's room is the window less 48 px.
    const [, rem] = /@media \(min-width: ([\d.]+)rem\) \{ \.data-flow-wide/.exec(HTML_STYLE)!;
    expect(Number(rem) * 16 - 48).toBeGreaterThanOrEqual(WIDE_FROM);
    const rules = HTML_STYLE.split('\n').filter((line) => line.includes('.df-'));
    expect(rules.length).toBeGreaterThan(4);
    expect(rules.filter((rule) => /#[0-9a-f]{3}|rgb/i.test(rule))).toEqual([]);
  });

  it('reads in Japanese: wrapped between characters, named in the reader’s language', () => {
    const figure = figureOf(
      toHtml(example('techtime-user-management'), { translator: translator('ja-JP') }),
    );
    const narrow = figure.querySelectorAll('svg')[1]!;
    expect(narrow.querySelector('title')?.textContent).toBe('データの行き先');
    expect(svgText(narrow)).toContain('お使いの Atlassian サイト');
    expect(svgText(narrow)).toContain('オーストラリア、アメリカ合衆国');
  });

  it('keeps hostile vendor text as text: escaped, direction-isolated, never markup', () => {
    const hostile = structuredClone(complete);
    const name = '</text></svg><script>alert(1)</script>\u202eevil';
    hostile.locations[0]!.name = name;
    hostile.recipients[0]!.name = 'שלום & <b>"x"</b>';
    hostile.recipients[1]!.name = 'Long'.repeat(400);
    const figure = figureOf(toHtml(hostile));
    expect(figure.ownerDocument.querySelectorAll('script, b')).toHaveLength(0);
    for (const svg of figure.querySelectorAll('svg')) {
      // Only the picture's own elements.
      const tags = new Set(Array.from(svg.querySelectorAll('*'), (e) => e.tagName.toLowerCase()));
      expect([...tags].sort()).toEqual(['g', 'path', 'rect', 'text', 'title', 'tspan']);
      const node = svg.querySelector('[data-node="location-exalate-cloud-belgium"]')!;
      const pieces = Array.from(
        node.querySelectorAll('text.df-name tspan.df-vendor'),
        (tspan) => tspan.textContent ?? '',
      );
      expect(pieces.join('').replace(/[\u2068\u2069\u202c]/g, '')).toBe(name);
      // The override is closed inside the isolate that holds its line of the name, so it cannot
      // turn the words after it around.
      expect(pieces.find((piece) => piece.includes('\u202e'))).toMatch(
        /^\u2068.*\u202e.*\u202c\u2069$/u,
      );
      expect(svgText(svg)).toContain('שלום & <b>"x"</b>');
      // A name as long as a page is cut short, on lines that fit.
      const long = svg.querySelector('[data-node="recipient-google-cloud"]')!;
      expect(long.querySelectorAll('text.df-name').length).toBeLessThanOrEqual(4);
      expect(long.textContent).toContain('…');
    }
    // The list beside the picture says the whole name.
    expect(figure.querySelector('.data-flow-text')!.textContent).toContain('Long'.repeat(400));
  });
});

describe('the page stylesheet', () => {
  it('shows the wide picture from the same container width the layout is made for', () => {
    const css = readFileSync(join(repoRoot, 'static/disclosure/src/styles.css'), 'utf8');
    expect(css).toMatch(/\.data-flow \{\s*container-type: inline-size;/);
    const [, px] =
      /@container \(min-width: (\d+)px\) \{\s*\.data-flow-wide \{\s*display: block;/.exec(css)!;
    expect(Number(px)).toBe(WIDE_FROM);
  });
});
