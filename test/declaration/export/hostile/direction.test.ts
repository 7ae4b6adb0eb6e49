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
  it('HTML: the vendor’s name and version label sit in <bdi>, the export’s words outside', () => {
    const declaration = overridden();
    declaration.policy.version = `${RLO}2024-02-28`;
    const page = new DOMParser().parseFromString(toHtml(declaration), 'text/html');
    const [byline, versionLine] = Array.from(page.querySelectorAll('header p'));
    const parts = (line: Element | undefined) => ({
      isolates: Array.from(line?.querySelectorAll('bdi') ?? [], (bdi) => bdi.textContent),
      own: Array.from(line?.childNodes ?? [])
        .filter((node) => node.nodeType === node.TEXT_NODE)
        .map((node) => node.textContent),
    });
    expect(parts(byline)).toEqual({ isolates: [`${RLO}Exalate NV${PDF}`], own: ['Declared by '] });
    expect(parts(versionLine)).toEqual({
      isolates: [`${RLO}2024-02-28${PDF}`],
      own: ['Policy version ', ', last updated Feb 28, 2024'],
    });
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

  it('Markdown: the byline wraps the name in FSI … PDI and closes the override inside', () => {
    const subtitle = toMarkdown(overridden())
      .split('\n')
      .find((line) => line.startsWith('_Declared by '));
    expect(subtitle).toBe(`_Declared by ${FSI}${RLO}Exalate NV${PDF}${PDI}_`);
    expect(toMarkdown(exalate)).not.toMatch(/[\u2066-\u2069\u202a-\u202e]/);
  });

  it('a stray closer in vendor text cannot close the isolate around it', () => {
    const declaration = overridden();
    declaration.vendor.legalName = `Exalate${PDI}${RLO} NV`;
    const subtitle = toMarkdown(declaration)
      .split('\n')
      .find((line) => line.startsWith('_Declared by '));
    expect(subtitle).toBe(`_Declared by ${FSI}Exalate${RLO} NV${PDF}${PDI}_`);
  });

  it('CSV: a cell that joins the vendor’s names isolates each one', () => {
    const declaration = structuredClone(exalate);
    declaration.recipients.find((r) => r.id === 'google-cloud')!.name = `${RLO}Google Cloud`;
    const [header, row] = parseCsv(toCsv(declaration));
    const recipients = row![header!.indexOf('Recipients')]!.split('; ');
    expect(recipients).toContain(`${FSI}${RLO}Google Cloud${PDF}${PDI} (Belgium, europe-west1)`);
    // Left-to-right text needs no isolate: the file gains no invisible characters for it.
    expect(toCsv(exalate)).not.toMatch(/[\u2066-\u2069\u202a-\u202e]/);
  });
});
