// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '@declaration';
import { loadDeclaration } from '../load.ts';
import { MARKDOWN_READERS, readable, renderMarkdown, type MarkdownReader } from './readers.ts';

/** Exalate's declaration with every field of the format filled in (seed 002). */
const base = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

/** Vendor texts that end where the byline's and version line's closing `_` follows them. */
const ENDINGS = [
  'https://exalate.com/a',
  'Exalate https://exalate.com',
  'Exalate https://exalate.com/a_b',
  'https://exalate.com/',
  'Exalate https://a.example/c?d=e#f',
  'privacy@exalate.com',
  'exalate.com/a',
  'Exalate_',
  'Exalate\\',
  'Exalate*',
];

describe('the byline and the version line stay emphasised whatever the vendor text ends with', () => {
  for (const ending of ENDINGS) {
    it(JSON.stringify(ending), () => {
      const declaration = structuredClone(base);
      declaration.vendor.tradingName = ending;
      declaration.policy.version = ending.slice(0, 64);
      const markdown = toMarkdown(declaration);
      for (const reader of Object.keys(MARKDOWN_READERS) as MarkdownReader[]) {
        const page = renderMarkdown(markdown, reader);
        const lines = Array.from(page.querySelectorAll('body > p'))
          .slice(0, 2)
          .map((p) => ({ em: p.firstElementChild?.tagName, whole: p.children.length === 1 }));
        expect({ reader, lines }).toEqual({
          reader,
          lines: [
            { em: 'EM', whole: true },
            { em: 'EM', whole: true },
          ],
        });
        const byline = readable(page.querySelector('body > p')?.textContent ?? '');
        expect(byline).toBe(`Declared by ${ending}`);
      }
    });
  }
});
