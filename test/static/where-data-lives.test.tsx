// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
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
