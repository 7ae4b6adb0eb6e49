// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import type { Declaration } from '@declaration';
import { example } from './examples.ts';
import { renderSection } from './sections.tsx';

afterEach(cleanup);

/** Exalate's declaration with its Operation Data named in English and German only. */
function translated(): Declaration {
  const exalate = example('exalate-cloud');
  return {
    ...exalate,
    dataCategories: exalate.dataCategories.map((category) =>
      category.id === 'operation-data'
        ? { ...category, name: { en: 'Operation Data', de: 'Betriebsdaten' } }
        : category,
    ),
  };
}

describe('vendor text in the reader’s language, or marked with the language it is in', () => {
  test('a German reader reads the German name, unmarked', () => {
    renderSection(translated(), 'data-collected', 'de-DE');
    const header = within(screen.getByTestId('category-operation-data')).getByRole('rowheader');
    expect(header.textContent).toContain('Betriebsdaten');
    expect(header.querySelector('[lang]')).toBeNull();
  });

  test('a Japanese reader reads the English name, marked lang="en" for the screen reader', () => {
    renderSection(translated(), 'data-collected', 'ja-JP');
    const header = within(screen.getByTestId('category-operation-data')).getByRole('rowheader');
    const name = header.querySelector('[lang]');
    expect(name?.textContent).toBe('Operation Data');
    expect(name?.getAttribute('lang')).toBe('en');
  });

  test('a plain string is in no stated language, so it is never marked', () => {
    renderSection(translated(), 'data-collected', 'ja-JP');
    const other = within(screen.getByTestId('category-account-data')).getByRole('rowheader');
    expect(other.textContent).toContain('Account Data');
    expect(other.querySelector('[lang]')).toBeNull();
  });
});
