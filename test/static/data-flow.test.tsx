// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { toHtml } from '@declaration';
import { loadDeclaration } from '../declaration/export/load.ts';
import { example } from './examples.ts';
import { renderSection } from './sections.tsx';

afterEach(cleanup);

const exalate = example('exalate-cloud');
const complete = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

/** An SVG as its elements, attributes and text, its ids (which each renderer picks) left out. */
function shape(svg: Element): string[] {
  return Array.from(svg.querySelectorAll('*'), (element) => {
    const attrs = Array.from(element.attributes)
      .filter((attr) => !['id', 'aria-labelledby'].includes(attr.name))
      .map((attr) => `${attr.name}=${attr.value}`)
      .sort();
    const text = element.children.length === 0 ? element.textContent : '';
    return `${element.tagName.toLowerCase()} ${attrs.join(' ')} ${text}`;
  });
}

describe('the page’s picture of where data goes', () => {
  test('opens "Where data lives": two images named "Where data goes", each by its own title', () => {
    renderSection(exalate, 'where-data-lives');
    const figure = screen.getByTestId('data-flow');
    expect(figure.tagName).toBe('FIGURE');
    const images = within(figure).getAllByRole('img', { name: 'Where data goes' });
    expect(images).toHaveLength(2);
    const titles = images.map((svg) => svg.getAttribute('aria-labelledby'));
    expect(new Set(titles).size).toBe(2);
    for (const [index, svg] of images.entries()) {
      expect(svg.querySelector('title')?.id).toBe(titles[index]);
    }
    // Before the location cards.
    const cards = screen.getByTestId('location-google-cloud-europe-west1');
    expect(figure.compareDocumentPosition(cards) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('each location and recipient by name in the SVG, and the list of what goes where beside it', () => {
    renderSection(exalate, 'where-data-lives');
    const figure = screen.getByTestId('data-flow');
    const [wide] = within(figure).getAllByRole('img');
    const text = Array.from(wide!.querySelectorAll('text'), (t) => t.textContent).join(' ');
    for (const name of [
      'Google Cloud, Europe-West1 (Belgium)',
      'Exalate Cloud, Tier 4 datacenters in Belgium',
      "Exalate's support system and IT systems",
      'Rsync.net',
      "Subcontractors from Exalate's support and development teams",
    ]) {
      expect(text.replace(/\s+/g, '')).toContain(name.replace(/\s+/g, ''));
    }
    const list = within(figure).getByRole('list', { name: 'What goes where' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toContain(
      "From your Atlassian site to Exalate's support system and IT systems: Support Data",
    );
  });

  test('draws the same picture as the HTML export', () => {
    renderSection(complete, 'where-data-lives');
    const page = Array.from(screen.getByTestId('data-flow').querySelectorAll('svg'));
    const exported = new DOMParser()
      .parseFromString(toHtml(complete), 'text/html')
      .querySelectorAll('figure[data-testid="data-flow"] svg');
    expect(page.map(shape)).toEqual(Array.from(exported, shape));
  });

  test('in the reader’s language, vendor names set apart', () => {
    renderSection(complete, 'where-data-lives', 'de-DE');
    const figure = screen.getByTestId('data-flow');
    expect(within(figure).getAllByRole('img', { name: 'Wohin Daten gehen' })).toHaveLength(2);
    const node = figure.querySelector('[data-node="location-exalate-cloud-belgium"]')!;
    expect(node.querySelector('tspan.df-vendor')?.textContent).toBe('Exalate Cloud, Belgium');
    const lines = Array.from(node.querySelectorAll('text'), (line) => line.textContent).join(' ');
    expect(lines).toContain('Außerhalb der Datenresidenz der Site');
  });
});
