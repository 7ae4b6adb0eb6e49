// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ENGLISH, plainText, retentionWords } from '@declaration';
import { loadDeclaration } from '../declaration/export/load.ts';
import { example } from './examples.ts';
import { listenForDocument } from '../../static/disclosure/src/document-behaviour.ts';
import { translatorFor } from './render.tsx';
import { renderSection } from './sections.tsx';

/** The elements a reader sees: not hidden, nor inside a hidden part. */
function shown<T extends HTMLElement>(elements: T[]): T[] {
  return elements.filter((element) => !element.closest('[hidden]'));
}

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

afterEach(cleanup);

const exalate = example('exalate-cloud');
const osci = example('open-source-consulting-apps');

describe('at a glance', () => {
  test('says personal data is collected, where it is hosted, and how many subprocessors where', () => {
    renderSection(exalate, 'at-a-glance');
    const personal = screen.getByTestId('glance-personal');
    const personalCount = exalate.dataCategories.filter((c) => c.personal === 'yes').length;
    expect(personal.textContent).toContain(
      `Yes: ${personalCount} of ${exalate.dataCategories.length}`,
    );
    // Exalate hosts on Google Cloud in Belgium with offline backups in Zurich.
    const hosting = screen.getByTestId('glance-hosting').textContent ?? '';
    expect(hosting).toContain('Belgium');
    expect(hosting).toContain('Switzerland');
    expect(hosting).toContain("Leaves Atlassian's infrastructure");
    const subprocessors = screen.getByTestId('glance-subprocessors').textContent ?? '';
    expect(subprocessors).toMatch(/\d+ subprocessors/);
    expect(subprocessors).toContain('Belgium');
  });

  test('shows the policy version and a locale-formatted last update', () => {
    renderSection(exalate, 'at-a-glance', 'de-DE');
    const version = screen.getByTestId('glance-version').textContent ?? '';
    expect(version).toContain(exalate.policy.version);
    const [year, month, day] = exalate.policy.lastUpdated.split('-').map(Number);
    const german = new Intl.DateTimeFormat('de-DE', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(year!, month! - 1, day!)));
    expect(version).toContain(german);
  });

  test('names every platform the declaration covers', () => {
    renderSection(osci, 'at-a-glance');
    const platforms = screen.getByTestId('glance-platforms').textContent ?? '';
    expect(platforms).toContain('Cloud');
    expect(platforms).toContain('Data Center');
  });
});

describe('data collected table', () => {
  test('has a row per category with a row header, and column headers with scope', () => {
    renderSection(exalate, 'data-collected');
    const table = screen.getByTestId('data-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(exalate.dataCategories.length);
    for (const header of within(table).getAllByRole('columnheader')) {
      expect(header.getAttribute('scope')).toBe('col');
    }
    const first = exalate.dataCategories[0]!;
    const firstRow = screen.getByTestId(`category-${first.id}`);
    expect(within(firstRow).getByRole('rowheader').textContent).toContain(first.name as string);
  });

  test('says how long each kind of data is kept in words, and who receives it', () => {
    renderSection(exalate, 'data-collected');
    for (const category of exalate.dataCategories) {
      const row = screen.getByTestId(`category-${category.id}`);
      expect(within(row).getByTestId('retention').textContent).toBe(
        plainText(retentionWords(category.retention, ENGLISH)),
      );
    }
    const operation = screen.getByTestId('category-operation-data');
    expect(operation.textContent).toContain('180 days after the subscription ends');
    expect(operation.textContent).toContain('Google Cloud');
  });

  test('filters rows by platform when categories differ by platform', async () => {
    const user = userEvent.setup();
    const stop = listenForDocument(document, () => translatorFor('en-US'));
    try {
      renderSection(osci, 'data-collected');
      const onDataCenter = osci.dataCategories.filter((c) => c.platforms.includes('data-center'));
      expect(onDataCenter.length).toBeLessThan(osci.dataCategories.length);
      expect(shown(screen.getAllByTestId(/^category-/))).toHaveLength(osci.dataCategories.length);
      await user.selectOptions(screen.getByTestId('platform-filter'), 'data-center');
      expect(shown(screen.getAllByTestId(/^category-/)).map((row) => row.dataset.testid)).toEqual(
        onDataCenter.map((c) => `category-${c.id}`),
      );
      // The details of each kind of data follow the filter too: one card per row shown.
      const cards = shown(screen.getAllByRole('heading', { level: 3, hidden: true }));
      expect(cards.map((h) => h.textContent)).toEqual(onDataCenter.map((c) => String(c.name)));
      expect(shown([screen.getByText(translatorFor('en-US').t('filter.none'))])).toEqual([]);
      // And back: every kind of data again.
      await user.selectOptions(screen.getByTestId('platform-filter'), 'all');
      expect(shown(screen.getAllByTestId(/^category-/))).toHaveLength(osci.dataCategories.length);
    } finally {
      stop();
    }
  });

  test('says so when nothing is collected on the platform chosen', async () => {
    const user = userEvent.setup();
    const cloudOnly = {
      ...osci,
      dataCategories: osci.dataCategories.map((c) => ({ ...c, platforms: ['cloud' as const] })),
    };
    const stop = listenForDocument(document, () => translatorFor('en-US'));
    try {
      renderSection(cloudOnly, 'data-collected');
      const none = screen.getByText(translatorFor('en-US').t('filter.none'));
      expect(none.hidden).toBe(true);
      await user.selectOptions(screen.getByTestId('platform-filter'), 'data-center');
      expect(none.hidden).toBe(false);
      expect(shown(screen.getAllByTestId(/^category-/))).toEqual([]);
      await user.selectOptions(screen.getByTestId('platform-filter'), 'cloud');
      expect(none.hidden).toBe(true);
    } finally {
      stop();
    }
  });

  test('offers no platform filter when every category covers every platform', () => {
    renderSection(exalate, 'data-collected');
    expect(screen.queryByTestId('platform-filter')).toBeNull();
  });

  test('the badges read apart from the name, so "Personal data" is not glued to it (UpSmith, seed 001)', () => {
    const upsmith = example('upsmith-zendesk-sell-for-jsm');
    renderSection(upsmith, 'data-collected');
    const header = within(screen.getByTestId('category-identity-and-contact')).getByRole(
      'rowheader',
    );
    const name = upsmith.dataCategories.find((c) => c.id === 'identity-and-contact')?.name;
    expect(header.textContent).toMatch(new RegExp(`^${String(name)} Personal data Optional`));
  });
});

/** Exalate with every field of format 2 filled in (seed 002). */
const complete = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');
const techtime = example('techtime-user-management');

/** The value beside a term on a kind of data's details card. */
function detail(categoryId: string, term: string): string {
  const card = screen.getByTestId(`details-${categoryId}`);
  const dt = within(card).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

function rowHeader(categoryId: string): string {
  const row = screen.getByTestId(`category-${categoryId}`);
  return within(row).getByRole('rowheader').textContent ?? '';
}

describe('personal data as yes, may contain, or not stated', () => {
  test('a survey that may hold an e-mail address says so, not "Personal data" (TechTime, seed 000)', () => {
    renderSection(techtime, 'data-collected');
    expect(rowHeader('survey-responses')).toContain('May contain personal data');
    expect(rowHeader('survey-responses')).not.toMatch(/Personal data(?! )/);
    expect(detail('survey-responses', 'Personal data')).toBe('May contain');
  });

  test('silence is said: "Personal data: not stated", and "No" shows no badge', () => {
    renderSection(complete, 'data-collected');
    expect(rowHeader('session-tokens')).toContain('Personal data: not stated');
    expect(detail('session-tokens', 'Personal data')).toBe('Not stated');
    expect(detail('session-tokens', 'Sensitive data')).toBe('Not stated');
    expect(rowHeader('account-data')).toBe('Account Data');
    expect(detail('account-data', 'Personal data')).toBe('No');
    expect(rowHeader('operation-data')).toContain('Personal data May contain sensitive data');
  });

  test('in German', () => {
    renderSection(techtime, 'data-collected', 'de-DE');
    expect(rowHeader('survey-responses')).toContain('Kann personenbezogen sein');
  });
});

describe('how a kind of data is handled, kept and protected (Exalate complete)', () => {
  test('residency, handling and encryption details on its card', () => {
    renderSection(complete, 'data-collected');
    expect(detail('operation-data', 'Data residency')).toBe('Excluded from data residency');
    expect(detail('account-data', 'Data residency')).toBe('In scope of data residency');
    expect(detail('operation-data', 'Kept as')).toBe('As collected and Pseudonymised');
    // The app stores operation data itself; only Google Cloud keeps the problem reports.
    expect(
      within(screen.getByTestId('details-operation-data')).queryByText('Stored only by', {
        selector: 'dt',
      }),
    ).toBeNull();
    expect(detail('problem-reports', 'Stored only by')).toBe('Google Cloud');
    expect(
      within(screen.getByTestId('category-problem-reports')).getAllByRole('cell')[2]?.textContent,
    ).toBe('Stored only by Google Cloud');
    expect(detail('operation-data', 'Collected by default')).toBe('Yes');
    expect(detail('operation-data', 'Collected only when configured')).toBe(
      'A synchronisation connection between two trackers.',
    );
    expect(detail('operation-data', 'Size limit')).toBe('Attachments up to 10 MB are copied.');
    expect(detail('operation-data', 'Encryption in transit')).toBe('TLS 1.2 or later.');
    expect(detail('operation-data', 'Key management')).toBe('Google-managed encryption keys.');
  });

  test('retention with its bound, backups as data, and what differs on Data Center', () => {
    renderSection(complete, 'data-collected');
    expect(detail('operation-data', 'Retention period')).toBe('at most 180 days');
    expect(detail('operation-data', 'Backups kept for')).toBe('at least 30 days');
    expect(detail('operation-data', 'Backups after deletion')).toBe(
      'at most 90 daysBackups still hold the data for up to 90 days after deletion.',
    );
    expect(detail('operation-data', 'Backups kept in')).toBe('Rsync.net, Zurich');
    expect(detail('operation-data', 'On Data Center')).toContain(
      "Stored in: The customer's Jira database",
    );
    expect(detail('operation-data', 'On Data Center')).toContain(
      'Retention: Kept while the app is installed',
    );
    const tokens = within(screen.getByTestId('category-session-tokens')).getByTestId('retention');
    expect(tokens.textContent).toBe('Deleted 1 hour from a start the policy does not state');
  });

  test('data the app does not store names who does, in "Where stored" (TechTime, seed 000)', () => {
    renderSection(techtime, 'data-collected');
    const row = screen.getByTestId('category-survey-responses');
    const names = ['typeform', 'slack', 'trello'].map(
      (id) => techtime.recipients.find((recipient) => recipient.id === id)?.name as string,
    );
    expect(within(row).getAllByRole('cell')[2]?.textContent).toBe(
      `Stored only by ${new Intl.ListFormat('en-US').format(names)}`,
    );
  });
});
