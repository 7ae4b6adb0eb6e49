// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { toMarkdown, type Declaration } from '@declaration';
import { ENGLISH } from '@declaration/i18n/index.ts';
import { renderExport } from '../../../../static/disclosure/src/export-files.ts';
import { loadDeclaration } from '../load.ts';
import {
  addressesIn,
  gfmAutolinksIn,
  MARKDOWN_READERS,
  readable,
  renderMarkdown,
  type MarkdownReader,
} from './readers.ts';

const techtime = loadDeclaration('examples/techtime-user-management.yaml');
const readers = Object.keys(MARKDOWN_READERS) as MarkdownReader[];

/** TechTime's declaration with `text` as how to exercise one's rights. */
function withHowToExercise(text: string): Declaration {
  const declaration = structuredClone(techtime);
  declaration.rights.howToExercise = text;
  return declaration;
}

/** The vendor's words under "How to exercise your rights", as the page shows them. */
function howToUse(page: Document): Element {
  const heading = Array.from(page.querySelectorAll('h3')).find(
    (h) => readable(h.textContent ?? '') === 'How to exercise your rights',
  );
  const paragraph = heading?.nextElementSibling;
  if (!paragraph) throw new Error('the page has no "How to exercise your rights" paragraph');
  return paragraph;
}

const exports = [
  ['the Markdown export', toMarkdown],
  ['the page’s Markdown download', (d: Declaration) => renderExport('markdown', d, ENGLISH)],
] as const;

describe('plain addresses in vendor text do not become links other than https or mailto', () => {
  const hostile =
    'Write to http://evil.example/login or www.evil.example or ftp://evil.example/x, ' +
    'HTTP://EVIL.COM, //evil.com/x, evil.com, 192.168.0.1 or xmpp:evil@evil.com. ' +
    'See https://techtime.co.nz/privacy-policy.html?lang=en#rights or e-mail support@techtime.co.nz.';

  for (const [name, render] of exports) {
    it.each(readers)(`${name}, read by markdown-it (%s) and by GFM's rules`, (reader) => {
      const page = renderMarkdown(render(withHowToExercise(hostile)), reader);
      const fact = howToUse(page);
      // Only the https address and the e-mail are links, each to all of itself, where the
      // reader links addresses at all.
      expect(Array.from(fact.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual(
        reader === 'commonmark'
          ? []
          : [
              'https://techtime.co.nz/privacy-policy.html?lang=en#rights',
              'mailto:support@techtime.co.nz',
            ],
      );
      expect(addressesIn(page).addresses.filter((a) => !/^(https:|mailto:|#)/.test(a))).toEqual([]);
      expect(gfmAutolinksIn(page)).toEqual([]);
      // The reader reads the text as the vendor wrote it.
      expect(readable(fact.textContent!)).toBe(hostile);
    });
  }
});
