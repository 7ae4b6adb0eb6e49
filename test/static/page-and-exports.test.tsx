import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { SHIPPED_LOCALES, toHtml, toMarkdown, type ShippedLocale } from '@declaration';
import { DisclosurePage } from '../../static/disclosure/src/components/DisclosurePage.tsx';
import { TranslatorContext } from '../../static/disclosure/src/i18n/index.ts';
import { readable } from '../declaration/export/hostile/readers.ts';
import { example, repoRoot } from './examples.ts';
import { translatorFor, viewOf } from './render.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

const EXAMPLES = readdirSync(join(repoRoot, 'examples'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its character references decoded: named, decimal (`&#39;`) and hex (`&#x27;`). */
function decoded(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) =>
    ref.startsWith('#')
      ? String.fromCodePoint(Number(ref.startsWith('#x') ? `0${ref.slice(1)}` : ref.slice(1)))
      : (NAMED[ref] ?? whole),
  );
}

/**
 * Each heading of an HTML page as "h2 text", in order, from where `from` first occurs: read with
 * a regular expression rather than a DOM, because a DOM parse of these pages takes longer than
 * rendering them, and the markup here is the renderers' own (one heading per element, no nesting).
 */
function htmlHeadings(html: string, from: string): string[] {
  const part = html.slice(html.indexOf(from));
  return Array.from(part.matchAll(/<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/g), ([, tag, inner]) => {
    return `${tag} ${readable(decoded(inner!.replace(/<[^>]+>/g, '')))}`;
  });
}

/** Each heading of the Markdown as "h2 text": `##` lines, escapes and entities undone. */
function markdownHeadings(markdown: string): string[] {
  return Array.from(markdown.matchAll(/^(#{1,6}) (.*)$/gm), ([, hashes, text]) => {
    return `h${hashes!.length} ${readable(decoded(text!.replace(/\\(.)/g, '$1')))}`;
  });
}

/** The page's headings of the disclosure: the header's and its sections', not versions or downloads. */
function pageHeadings(name: string, locale: ShippedLocale): string[] {
  const html = renderToStaticMarkup(
    <TranslatorContext.Provider value={translatorFor(locale)}>
      <DisclosurePage view={viewOf(example(name))} />
    </TranslatorContext.Provider>,
  );
  const disclosure = html.slice(0, html.indexOf('<section id="versions"'));
  return htmlHeadings(disclosure, '<header');
}

function check(name: string, locale: ShippedLocale): void {
  const declaration = example(name);
  const translator = translatorFor(locale);
  const page = pageHeadings(name, locale);
  expect(page.length).toBeGreaterThan(10);
  expect(htmlHeadings(toHtml(declaration, { translator }), '<header')).toEqual(page);
  expect(markdownHeadings(toMarkdown(declaration, { translator }))).toEqual(page);
}

describe('the page, the HTML and the Markdown have the same headings in the same order', () => {
  // Every example in a language of each kind: the source, one with long compounds, one in CJK.
  describe.each(EXAMPLES)('%s', (name) => {
    it.each(['en-US', 'de-DE', 'ja-JP'] as const)('in %s', (locale) => check(name, locale));
  });

  // Every language, for the example with every kind of section but cookies and transfers.
  it.each(SHIPPED_LOCALES.filter((locale) => !['en-US', 'de-DE', 'ja-JP'].includes(locale)))(
    'techtime-user-management in %s',
    (locale) => check('techtime-user-management', locale),
  );
});
