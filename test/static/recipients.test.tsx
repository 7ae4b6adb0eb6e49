// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { example } from './examples.ts';
import { renderSection } from './sections.tsx';

afterEach(cleanup);

const techtime = example('techtime-user-management');

describe('who else receives it (TechTime, seed 000)', () => {
  test('a recipient without stated safeguards says so instead of leaving the cell empty', () => {
    renderSection(techtime, 'recipients');
    const suppliers = screen.getByTestId('recipient-license-suppliers');
    expect(within(suppliers).getByTestId('recipient-safeguards').textContent).toBe('None stated');
  });

  test('notes on a recipient follow "None stated", each note once', () => {
    renderSection(techtime, 'recipients');
    const cell = within(screen.getByTestId('recipient-atlassian')).getByTestId(
      'recipient-safeguards',
    );
    expect(cell.textContent).toMatch(/^None stated\s*Notes/);
    const notes = techtime.recipients.find((r) => r.id === 'atlassian')?.notes ?? [];
    expect(within(cell).getAllByRole('listitem')).toHaveLength(notes.length);
  });
});
