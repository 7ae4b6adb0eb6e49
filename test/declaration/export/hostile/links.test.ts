// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { toMarkdown, toMarketplaceAnswers, type Declaration } from '@declaration';
import { ENGLISH } from '@declaration/i18n/index.ts';
import { renderExport } from '../../../../static/disclosure/src/export-files.ts';
import { loadDeclaration } from '../load.ts';
import { addressesIn, renderMarkdown } from './readers.ts';

const exalate = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

/** A valid https address (the schema accepts it) whose `)` would end a Markdown link. */
const WEBSITE = 'https://exalate.com/x)[Click](javascript:alert(1))';
/** A valid mailto contact whose subject would do the same. */
const CONTACT = 'mailto:privacy@exalate.com?subject=Hi)[Click](javascript:alert(1))';

function hostile(): Declaration {
  const declaration = structuredClone(exalate);
  declaration.vendor.website = WEBSITE;
  declaration.vendor.privacyContact = CONTACT;
  declaration.policy.dpaUrl = 'https://exalate.com/dpa>[Click](<javascript:alert(1)>)';
  return declaration;
}

/** The link whose text is `text`, read back from the rendered page. */
function linkTo(page: Document, text: string): string | null {
  const link = Array.from(page.querySelectorAll('a')).find((a) => a.textContent === text);
  return link?.getAttribute('href') ?? null;
}

describe('a valid address cannot end its own link', () => {
  it.each([
    ['the Markdown export', (d: Declaration) => renderMarkdown(toMarkdown(d))],
    [
      'the page’s Markdown download',
      (d: Declaration) => renderMarkdown(renderExport('markdown', d, ENGLISH)),
    ],
  ])('%s links only https and mailto, each to the address as declared', (_, render) => {
    const page = render(hostile());
    expect(addressesIn(page).addresses.filter((href) => !/^(https:|mailto:|#)/.test(href))).toEqual(
      [],
    );
    const website = new URL(linkTo(page, WEBSITE)!);
    expect(decodeURIComponent(website.pathname)).toBe('/x)[Click](javascript:alert(1))');
    const contact = new URL(linkTo(page, CONTACT.replace('mailto:', ''))!);
    expect(contact.protocol).toBe('mailto:');
    expect(decodeURIComponent(contact.search)).toBe('?subject=Hi)[Click](javascript:alert(1))');
  });

  it('writes addresses in the Marketplace answers without spaces or brackets to end them', () => {
    const declaration = structuredClone(exalate);
    declaration.policy.fullPolicyUrl = 'https://exalate.com/privacy policy)(x)';
    expect(toMarketplaceAnswers(declaration)).toContain(
      'Privacy policy: https://exalate.com/privacy%20policy%29%28x%29;',
    );
  });
});
