// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { loadDeclaration } from '../declaration/export/load.ts';
import { example } from './examples.ts';
import { renderSection } from './sections.tsx';

afterEach(cleanup);

const exalate = example('exalate-cloud');

/** The value beside a term on a location's card. */
function fact(locationId: string, term: string): string {
  const card = screen.getByTestId(`location-${locationId}`);
  const dt = within(card).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

describe('where data lives (Exalate, seed 002)', () => {
  test('backups name the place once, then the policy’s own sentence apart', () => {
    renderSection(exalate, 'where-data-lives');
    expect(fact('google-cloud-europe-west1', 'Backups')).toBe(
      'Rsync.net, Zurich (Switzerland). Backups of that environment are stored offline in the data center of Rsync.net in Zurich (Switzerland).',
    );
  });
});

/** Exalate with every field of format 2 filled in (seed 002). */
const complete = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');

/** The value beside a term in a part of the page named by its test id. */
function factIn(testId: string, term: string): string {
  const part = screen.getByTestId(testId);
  const dt = within(part).getByText(term, { selector: 'dt' });
  return Array.from(dt.nextElementSibling?.children ?? [], (line) => line.textContent).join(' | ');
}

describe('where data lives in format 2 (Exalate complete)', () => {
  test('backups as data: frequency, copies, bounded period, encryption, and their location by name', () => {
    renderSection(complete, 'where-data-lives');
    const card = 'location-exalate-cloud-belgium';
    expect(factIn(card, 'Backup frequency')).toBe('Daily');
    expect(factIn(card, 'Backup copies kept')).toBe('7 copies');
    expect(factIn(card, 'Each backup kept for')).toBe('at least 1 month');
    expect(factIn(card, 'Backups encrypted')).toBe('Yes');
    expect(factIn(card, 'Backups kept at')).toBe('Rsync.net, Zurich');
    expect(factIn(card, 'Reached at')).toBe('*.exalate.cloud and https://connect.exalate.net');
  });

  test("storage in the customer's database, with its table prefixes", () => {
    renderSection(complete, 'where-data-lives');
    const card = 'location-customer-database';
    expect(factIn(card, 'Storage at the customer')).toBe('In the product’s own database');
    expect(factIn(card, 'Table prefixes')).toBe('AO_4A1C2E');
  });

  test('how the place is chosen: the location per pinned realm, for new installations only', () => {
    renderSection(complete, 'where-data-lives');
    expect(screen.getByRole('heading', { name: 'How the place is chosen' })).toBeTruthy();
    const rule = 'placement-1';
    expect(within(screen.getByTestId(rule)).getByRole('heading').textContent).toBe(
      'By the site’s pinned data residency location',
    );
    expect(factIn(rule, 'By data residency location')).toBe(
      'European Union: Exalate Cloud, Belgium | Germany: Exalate Cloud, Belgium',
    );
    expect(factIn(rule, 'Sites without a pinned location')).toBe('Exalate Cloud, Belgium');
    expect(factIn(rule, 'Applies to')).toBe(
      'New installations only | Existing installations: Existing installations stay in Belgium.',
    );
    expect(factIn(rule, 'Data it places')).toBe('Account Data');
    expect(factIn('placement-2', 'Locations')).toBe('Exalate Cloud, Belgium and Rsync.net, Zurich');
    expect(factIn('placement-2', 'Data it places')).toBe('All data in scope of data residency');
  });

  test('how the place is chosen, in German', () => {
    renderSection(complete, 'where-data-lives', 'de-DE');
    expect(screen.getByRole('heading', { name: 'Wie der Speicherort gewählt wird' })).toBeTruthy();
    expect(factIn('placement-1', 'Nach Datenresidenz-Standort')).toBe(
      'Europäische Union: Exalate Cloud, Belgium | Deutschland: Exalate Cloud, Belgium',
    );
    expect(factIn('placement-1', 'Gilt für')).toContain('Nur neue Installationen');
    expect(factIn('location-exalate-cloud-belgium', 'Häufigkeit der Sicherung')).toBe('Täglich');
    expect(factIn('location-exalate-cloud-belgium', 'Aufbewahrung jeder Sicherung')).toBe(
      'mindestens 1 Monat',
    );
  });

  test('a rule that does not say how it picks still names its places (Exalate, seed 002)', () => {
    renderSection(exalate, 'where-data-lives');
    expect(within(screen.getByTestId('placement-1')).getByRole('heading').textContent).toBe(
      'Not stated',
    );
  });
});
