// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { toCsv, toHtml, toMarkdown, type Declaration } from '@declaration';
import { loadDeclaration } from '../load.ts';
import { parseCsv } from './readers.ts';

const RLO = '\u202E';
const FSI = '\u2068';
const PDI = '\u2069';
const PDF = '\u202C';

const exalate = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

/** Exalate with an unterminated right-to-left override opening its legal name. */
function overridden(): Declaration {
  const declaration = structuredClone(exalate);
  delete declaration.vendor.tradingName;
  declaration.vendor.legalName = `${RLO}Exalate NV`;
  return declaration;
}

describe('a direction override in vendor text cannot reach the export’s own words', () => {
  it('HTML: the vendor’s name in the subtitle sits in a <bdi>, “Version” outside it', () => {
    const page = new DOMParser().parseFromString(toHtml(overridden()), 'text/html');
    const subtitle = page.querySelector('header p')!;
    const isolates = Array.from(subtitle.querySelectorAll('bdi'), (bdi) => bdi.textContent);
    expect(isolates).toEqual([`${RLO}Exalate NV${PDF}`]);
    const own = Array.from(subtitle.childNodes)
      .filter((node) => node.nodeType === node.TEXT_NODE)
      .map((node) => node.textContent);
    expect(own).toEqual(['By ', ' · Version 2024-02-28, last updated 2024-02-28']);
  });

  it('HTML: the name is isolated wherever it is shown, never leaking past its element', () => {
    const page = new DOMParser().parseFromString(toHtml(overridden()), 'text/html');
    const walker = page.createTreeWalker(page.body, 4 /* NodeFilter.SHOW_TEXT */);
    const leaks: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.includes(RLO) && !node.parentElement?.closest('bdi')) {
        leaks.push(node.parentElement?.tagName ?? '');
      }
    }
    expect(leaks).toEqual([]);
  });

  it('Markdown: the subtitle wraps the name in FSI … PDI and closes the override inside', () => {
    const subtitle = toMarkdown(overridden())
      .split('\n')
      .find((line) => line.startsWith('_By '));
    expect(subtitle).toBe(
      `_By ${FSI}${RLO}Exalate NV${PDF}${PDI} · Version 2024-02-28, last updated 2024-02-28_`,
    );
    expect(toMarkdown(exalate)).not.toMatch(/[\u2066-\u2069\u202a-\u202e]/);
  });

  it('a stray closer in vendor text cannot close the isolate around it', () => {
    const declaration = overridden();
    declaration.vendor.legalName = `Exalate${PDI}${RLO} NV`;
    const subtitle = toMarkdown(declaration)
      .split('\n')
      .find((line) => line.startsWith('_By '));
    expect(subtitle).toContain(`By ${FSI}Exalate${RLO} NV${PDF}${PDI} · Version`);
  });

  it('CSV: a cell that joins the vendor’s names isolates each one', () => {
    const declaration = structuredClone(exalate);
    declaration.recipients[0]!.name = `${RLO}Google Cloud`;
    const [header, row] = parseCsv(toCsv(declaration));
    const recipients = row![header!.indexOf('Recipients')];
    expect(recipients).toBe(`${FSI}${RLO}Google Cloud${PDF}${PDI} (Belgium, europe-west1)`);
    // Left-to-right text needs no isolate: the file gains no invisible characters for it.
    expect(toCsv(exalate)).not.toMatch(/[\u2066-\u2069\u202a-\u202e]/);
  });
});
