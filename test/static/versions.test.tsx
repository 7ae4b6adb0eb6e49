// @vitest-environment jsdom
import { CLOSED_ACCOUNT_ID } from '@declaration/api.ts';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  diffDeclarations,
  type Declaration,
  type DeclarationDiff,
  type VersionPage,
} from '@declaration';
import { diffNames } from '@declaration/diff.ts';
import { validateDeclarationText } from '@declaration/validate-yaml.ts';
import { DiffView } from '../../static/disclosure/src/components/DiffView.tsx';
import { createTranslator, type Translator } from '@declaration/i18n/index.ts';
import { Versions } from '../../static/disclosure/src/components/Versions.tsx';
import { TranslatorContext } from '../../static/disclosure/src/i18n/index.ts';
import { api, resetApi } from './api-mock.ts';
import { example, repoRoot } from './examples.ts';
import { renderWithLocale, versionMeta, viewOf } from './render.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

const exalate = example('exalate-cloud');
const reviewOfVersion1 = {
  version: 1,
  accountId: '5b10ac8d82e05b22cc7d4ef5',
  reviewedAt: '2026-10-01T08:00:00.000Z',
};

function page(): VersionPage {
  return {
    versions: [
      { ...versionMeta(exalate, 3, '2026-11-20T09:30:00.000Z'), reviews: [], material: null },
      { ...versionMeta(exalate, 2, '2026-10-15T09:30:00.000Z'), reviews: [], material: null },
      {
        ...versionMeta(exalate, 1, '2026-09-01T09:30:00.000Z'),
        reviews: [reviewOfVersion1],
        material: null,
      },
    ],
    nextCursor: null,
  };
}

/** A diff's material changes (none here) and its names: both sides are Exalate's. */
const exalateSides = {
  material: [],
  names: { before: diffNames(exalate), after: diffNames(exalate) },
} satisfies Pick<DeclarationDiff, 'material' | 'names'>;

function diff(from: number, to: number): DeclarationDiff {
  return {
    from,
    to,
    entries: [
      { section: 'recipients', kind: 'added', key: 'rsync-net', label: 'Rsync.net', fields: [] },
      { section: 'cookies', kind: 'removed', key: '_ga', label: '_ga', fields: [] },
      {
        section: 'dataCategories',
        kind: 'changed',
        key: 'operation-data',
        label: 'Operation data',
        fields: [{ path: 'retention.period', before: 'P90D', after: 'P180D' }],
      },
    ],
    counts: { added: 1, removed: 1, changed: 1 },
    ...exalateSides,
  };
}

beforeEach(() => {
  resetApi();
  api.listVersions.mockResolvedValue({ ok: true, data: page() });
  api.diffVersions.mockImplementation(async (from: number, to: number) => ({
    ok: true,
    data: diff(from, to),
  }));
});
afterEach(cleanup);

describe('versions and what changed', () => {
  test('lists the versions this site was shown, with who reviewed which', async () => {
    renderWithLocale(
      <Versions view={viewOf(exalate, { version: 3, lastReviewed: reviewOfVersion1 })} />,
    );
    const table = await screen.findByTestId('versions-table');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByTestId('version-1').textContent).toContain(reviewOfVersion1.accountId);
    expect(screen.getByTestId('version-2').textContent).toContain('Not reviewed');
  });

  test('shows by default what changed since the version last reviewed, each change marked', async () => {
    renderWithLocale(
      <Versions view={viewOf(exalate, { version: 3, lastReviewed: reviewOfVersion1 })} />,
    );
    await screen.findByTestId('diff');
    expect(api.diffVersions).toHaveBeenCalledWith(1, 3);
    expect(
      screen.getByText('Showing changes since version 1, the last one reviewed.'),
    ).toBeTruthy();
    const entries = screen.getAllByTestId('diff-entry');
    expect(entries.map((entry) => entry.dataset.kind)).toEqual(['added', 'removed', 'changed']);
    expect(entries[0]!.className).toContain('diff-added');
    expect(entries[0]!.textContent).toContain('Added');
    expect(entries[1]!.textContent).toContain('Removed');
    const changed = entries[2]!;
    expect(changed.querySelector('.diff-before')?.textContent).toBe('90 days');
    expect(changed.querySelector('.diff-after')?.textContent).toBe('180 days');
    expect(screen.getByTestId('diff-counts').textContent).toBe('1 added, 1 removed, 1 changed');
  });

  test('names changed fields in words and shows their values as people read them', async () => {
    api.diffVersions.mockResolvedValue({
      ok: true,
      data: {
        from: 2,
        to: 3,
        entries: [
          {
            section: 'retention',
            kind: 'changed',
            key: 'support-data',
            label: 'Support data',
            fields: [
              { path: 'basis', before: 'until-deletion-request', after: 'fixed-period' },
              { path: 'period', before: null, after: 'P2Y' },
              { path: 'deletableOnRequest', before: false, after: true },
            ],
          },
          {
            section: 'recipients',
            kind: 'changed',
            key: 'rsync-net',
            label: 'Rsync.net',
            fields: [{ path: 'countries', before: ['CH'], after: ['CH', 'US'] }],
          },
          {
            section: 'dataCategories',
            kind: 'changed',
            key: 'operation-data',
            label: 'Operation data',
            fields: [
              {
                path: 'recipients',
                before: ['google-cloud'],
                after: ['google-cloud', 'rsync-net'],
              },
              { path: 'backups.country', before: 'DE', after: 'NL' },
            ],
          },
        ],
        counts: { added: 0, removed: 0, changed: 3 },
        ...exalateSides,
      },
    });
    renderWithLocale(<Versions view={viewOf(exalate, { version: 3 })} />);
    await screen.findByTestId('diff');
    const rows = screen
      .getAllByTestId('diff-entry')
      .flatMap((entry) => [...entry.querySelectorAll('tbody tr')])
      .map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['How long it is kept', 'Until deletion is requested', 'Fixed period'],
      ['Period', '(none)', '2 years'],
      ['Deleted on request', 'No', 'Yes'],
      ['Countries', 'Switzerland', 'Switzerland and United States'],
      ['Shared with', 'Google Cloud', 'Google Cloud and Rsync.net'],
      ['Backups → Country', 'Germany', 'Netherlands'],
    ]);
  });

  test('a part reported whole is named once, from the catalogue, not with the stored English label', async () => {
    api.diffVersions.mockResolvedValue({
      ok: true,
      data: {
        from: 2,
        to: 3,
        entries: [
          {
            section: 'security',
            kind: 'changed',
            key: 'security',
            label: 'Security',
            fields: [{ path: 'certifications', before: [], after: [{ name: 'ISO 27001' }] }],
          },
        ],
        counts: { added: 0, removed: 0, changed: 1 },
        ...exalateSides,
      },
    });
    render(
      <TranslatorContext.Provider
        value={createTranslator('de-DE', { diff: { whole: { security: 'Sicherheit' } } })}
      >
        <Versions view={viewOf(exalate, { version: 3 })} />
      </TranslatorContext.Provider>,
    );
    const [entry] = await screen.findAllByTestId('diff-entry');
    expect(entry!.querySelector('strong')?.textContent).toBe('Sicherheit');
    expect(entry!.textContent).not.toContain('Security');
    expect(entry!.querySelector('.diff-after')?.textContent).toBe('ISO 27001');
  });

  test('compares any two versions the admin picks', async () => {
    const user = userEvent.setup();
    renderWithLocale(<Versions view={viewOf(exalate, { version: 3 })} />);
    await screen.findByTestId('versions-table');
    await user.selectOptions(screen.getByTestId('diff-from'), '1');
    await user.selectOptions(screen.getByTestId('diff-to'), '2');
    await user.click(screen.getByTestId('diff-compare'));
    await waitFor(() => expect(api.diffVersions).toHaveBeenLastCalledWith(1, 2));
  });

  test('says what failed when the diff cannot be loaded', async () => {
    api.diffVersions.mockResolvedValue({
      ok: false,
      error: { code: 'CORRUPT_DATA', message: 'Version 2 in storage is not a valid declaration.' },
    });
    renderWithLocale(<Versions view={viewOf(exalate, { version: 3 })} />);
    const error = await screen.findByTestId('diff-error');
    expect(error.textContent).toContain('Version 2 in storage is not a valid declaration.');
  });

  test('loads older versions page by page', async () => {
    const user = userEvent.setup();
    const [v3, v2, v1] = page().versions;
    api.listVersions
      .mockResolvedValueOnce({ ok: true, data: { versions: [v3, v2], nextCursor: 'after-2' } })
      .mockResolvedValueOnce({ ok: true, data: { versions: [v1], nextCursor: null } });
    renderWithLocale(<Versions view={viewOf(exalate, { version: 3 })} />);
    await user.click(await screen.findByTestId('versions-load-more'));
    await screen.findByTestId('version-1');
    expect(api.listVersions).toHaveBeenLastCalledWith('after-2');
    expect(screen.queryByTestId('versions-load-more')).toBeNull();
  });
  test('a page of older versions that fails to load keeps those listed, and Retry asks for it again', async () => {
    const user = userEvent.setup();
    const [v3, v2, v1] = page().versions;
    api.listVersions
      .mockResolvedValueOnce({ ok: true, data: { versions: [v3, v2], nextCursor: 'after-2' } })
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'STORAGE_ERROR', message: 'Forge storage did not answer in time.' },
      })
      .mockResolvedValueOnce({ ok: true, data: { versions: [v1], nextCursor: null } });
    renderWithLocale(<Versions view={viewOf(exalate, { version: 3 })} />);
    await user.click(await screen.findByTestId('versions-load-more'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Forge storage did not answer in time.');
    expect(screen.getByTestId('version-2')).toBeTruthy();
    expect(screen.queryByTestId('versions-load-more')).toBeNull();
    await user.click(within(alert).getByRole('button'));
    await screen.findByTestId('version-1');
    expect(api.listVersions).toHaveBeenLastCalledWith('after-2');
    expect(screen.getAllByTestId(/^version-\d$/)).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a comparison that fails keeps the changes shown before, with the reason', async () => {
    const user = userEvent.setup();
    renderWithLocale(
      <Versions view={viewOf(exalate, { version: 3, lastReviewed: reviewOfVersion1 })} />,
    );
    await screen.findByTestId('diff');
    api.diffVersions.mockResolvedValueOnce({
      ok: false,
      error: { code: 'CORRUPT_DATA', message: 'Version 2 in storage is not a valid declaration.' },
    });
    await user.selectOptions(screen.getByTestId('diff-from'), '2');
    await user.click(screen.getByTestId('diff-compare'));
    expect((await screen.findByTestId('diff-error')).textContent).toContain(
      'Version 2 in storage is not a valid declaration.',
    );
    expect(screen.getAllByTestId('diff-entry')).toHaveLength(3);
    expect((screen.getByTestId('diff-compare') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('review', () => {
  test('an admin records a review and then sees who reviewed and when', async () => {
    const user = userEvent.setup();
    const review = {
      version: 3,
      accountId: '712020:2d9f5e1c',
      reviewedAt: '2026-11-21T10:15:00.000Z',
    };
    api.markReviewed.mockResolvedValue({ ok: true, data: { review } });
    renderWithLocale(<Versions view={viewOf(exalate, { version: 3, canReview: true })} />);
    expect((await screen.findByTestId('version-3')).textContent).toContain('Not reviewed');
    expect(screen.getByTestId('review-status').textContent).toContain('not been reviewed');
    await user.click(screen.getByTestId('review-button'));
    expect(api.markReviewed).toHaveBeenCalledWith(3);
    await waitFor(() =>
      expect(screen.getByTestId('review-status').textContent).toContain(
        // No name to show (no product to ask here): the account id, isolated like a name.
        'Reviewed by \u2068712020:2d9f5e1c\u2069',
      ),
    );
    expect(screen.getByTestId('version-3').textContent).toContain('712020:2d9f5e1c');
  });

  test('a review whose reviewer’s account was closed says so, without the erased id', async () => {
    const user = userEvent.setup();
    const review = {
      version: 3,
      accountId: CLOSED_ACCOUNT_ID,
      reviewedAt: '2026-11-21T10:15:00.000Z',
    };
    api.markReviewed.mockResolvedValue({ ok: true, data: { review } });
    renderWithLocale(<Versions view={viewOf(exalate, { version: 3, canReview: true })} />);
    await user.click(await screen.findByTestId('review-button'));
    await waitFor(() =>
      expect(screen.getByTestId('review-status').textContent).toContain(
        'by someone whose account has since been closed',
      ),
    );
    expect(screen.getByTestId('version-3').textContent).not.toContain('#closed-account');
  });

  test('a refused review is reported, not swallowed', async () => {
    const user = userEvent.setup();
    api.markReviewed.mockResolvedValue({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only Jira administrators can record reviews.' },
    });
    renderWithLocale(<Versions view={viewOf(exalate, { version: 3, canReview: true })} />);
    await user.click(screen.getByTestId('review-button'));
    expect((await screen.findByTestId('review-error')).textContent).toContain(
      'Only Jira administrators can record reviews.',
    );
    expect(screen.getByTestId('review-status').textContent).toContain('not been reviewed');
    expect((screen.getByTestId('review-button') as HTMLButtonElement).disabled).toBe(false);
  });

  test('without canReview there is no write control', () => {
    renderWithLocale(<Versions view={viewOf(exalate, { version: 3, canReview: false })} />);
    expect(screen.queryByTestId('review-button')).toBeNull();
    expect(screen.getByTestId('review-status')).toBeTruthy();
  });
});

describe('in the admin’s language', () => {
  /** A Polish admin's page, with the Polish forms of the counts (one, few, many). */
  const polish = createTranslator('pl-PL', {
    diff: {
      counts: '{added}, {removed}, {changed}',
      added: {
        one: '{count} dodany',
        few: '{count} dodane',
        many: '{count} dodanych',
        other: '{count} dodanego',
      },
      removed: {
        one: '{count} usunięty',
        few: '{count} usunięte',
        many: '{count} usuniętych',
        other: '{count} usuniętego',
      },
      changed: {
        one: '{count} zmieniony',
        few: '{count} zmienione',
        many: '{count} zmienionych',
        other: '{count} zmienionego',
      },
      entry: '{section}: {item}',
      section: { recipients: 'Odbiorcy' },
    },
    versions: { column: { published: 'Opublikowano' } },
  });

  function renderIn(translator: Translator, view = viewOf(exalate, { version: 3 })) {
    return render(
      <TranslatorContext.Provider value={translator}>
        <Versions view={view} />
      </TranslatorContext.Provider>,
    );
  }

  test('counts changes with the plural forms of the admin’s language', async () => {
    api.diffVersions.mockResolvedValue({
      ok: true,
      data: { ...diff(2, 3), counts: { added: 2, removed: 5, changed: 1 } },
    });
    renderIn(polish);
    expect((await screen.findByTestId('diff-counts')).textContent).toBe(
      '2 dodane, 5 usuniętych, 1 zmieniony',
    );
    expect(screen.getAllByTestId('diff-entry')[0]!.textContent).toContain('Odbiorcy: Rsync.net');
  });

  test('dates and column names are the admin’s, and the sentence order is the catalogue’s', async () => {
    const japanese = createTranslator('ja-JP', {
      diff: { entry: '{item}（{section}）', section: { recipients: '受領者' } },
      versions: { column: { published: '公開日' } },
    });
    renderIn(japanese);
    const table = await screen.findByTestId('versions-table');
    expect(within(table).getByRole('columnheader', { name: '公開日' })).toBeTruthy();
    // 20 November 2026, as Japanese writes dates.
    expect(screen.getByTestId('version-3').textContent).toContain('2026/11/20');
    await screen.findByTestId('diff');
    const added = screen.getAllByTestId('diff-entry')[0]!;
    expect(added.textContent).toContain('Rsync.net（受領者）');
    // The vendor's name reads left to right, as the Japanese words around it: nothing to isolate.
    expect(added.querySelector('bdi')).toBeNull();
  });
});

describe('what changed in the fields of format 2', () => {
  const path = 'test/declaration/export/fixtures/exalate-complete.yaml';
  const complete = (() => {
    const result = validateDeclarationText(readFileSync(join(repoRoot, path), 'utf8'), path);
    if (!result.ok) throw new Error(`${path} is not valid`);
    return result.declaration;
  })();

  /** Every changed row of the diff from `before` to `after`, as the page shows it. */
  function rowsOf(before: Declaration, after: Declaration, locale = 'en-US') {
    cleanup();
    renderWithLocale(
      <DiffView diff={diffDeclarations(before, after, { from: 1, to: 2 })} declaration={after} />,
      locale,
    );
    return screen.getAllByTestId('diff-entry').map((entry) => ({
      title: entry.querySelector('strong')?.textContent,
      // A list compared item by item reads one item a line: "Added Hashed; Removed As collected".
      rows: [...entry.querySelectorAll('tbody tr')].map((row) =>
        [...row.children].map((cell) =>
          cell.querySelector('li')
            ? [...cell.querySelectorAll('li')].map((item) => item.textContent).join('; ')
            : cell.textContent,
        ),
      ),
    }));
  }

  function edited(edit: (next: Declaration) => void): Declaration {
    const next = structuredClone(complete);
    edit(next);
    return next;
  }

  test('names the new values of a kind of data: residency, bound, handling, platforms', () => {
    const next = edited((d) => {
      const data = d.dataCategories[0]!;
      data.residency = 'in-scope';
      data.personal = 'may-contain';
      data.retention.bound = 'at-least';
      data.handling!.forms = ['hashed'];
      // Operation data names no keeper in the fixture: Google Cloud alone keeping it is new.
      data.handling!.storedOnlyBy = ['google-cloud'];
      data.platformDifferences![0]!.storedIn = ['exalate-cloud-belgium'];
    });
    const [category, retention] = rowsOf(complete, next);
    expect(category!.title).toBe('Operation Data');
    expect(category!.rows).toEqual([
      ['Personal data', 'Yes', 'May contain'],
      ['Data residency', 'Excluded from data residency', 'In scope of data residency'],
      [
        'Differences by platform → #1 → Where stored',
        "Removed The customer's Jira database",
        'Added Exalate Cloud, Belgium',
      ],
      ['Handling → Kept as', 'Removed As collected; Removed Pseudonymised', 'Added Hashed'],
      ['Handling → Stored only by', '(none)', 'Added Google Cloud'],
    ]);
    expect(retention!.rows).toEqual([['Period', 'at most 180 days', 'at least 180 days']]);
  });

  test('names backups, placement, logs, grants and rights in words, not as the file writes them', () => {
    const next = edited((d) => {
      d.locations[0]!.backups!.frequency = 'weekly';
      d.locations[0]!.backups!.period = 'PT12H';
      d.placement![0]!.realms![1]!.location = 'rsync-zurich';
      d.logs![0]!.endUserData = 'yes';
      d.vendorAccess!.grants![0]!.access = 'write';
      d.vendorAccess!.grants![1]!.categories = ['operation-data'];
      d.rights.regimes = 'not-stated';
    });
    const entries = rowsOf(complete, next);
    const rows = (title: string) => entries.find((entry) => entry.title === title)?.rows;
    expect(rows('Exalate Cloud, Belgium')).toEqual([
      ['Backups → Frequency', 'Daily', 'Weekly'],
      ['Backups → Period', 'at least 1 month', 'at least 12 hours'],
    ]);
    expect(rows('By the site’s pinned data residency location (Cloud)')).toEqual([
      ['By data residency location → #2 → Location', 'Exalate Cloud, Belgium', 'Rsync.net, Zurich'],
    ]);
    expect(rows('Application logs')).toEqual([['End-user data', 'May contain it', 'Yes']]);
    expect(rows('Vendor access')).toEqual([
      ['Access by role → #1 → Access', 'Read', 'Read and write'],
      ['Access by role → #2 → Kinds of data', 'All data', 'Operation Data'],
    ]);
    expect(rows('Your rights')).toEqual([['Laws', 'GDPR (EU)', 'Not stated']]);
  });

  test('shows a whole record without a name field by field (a platform difference added)', () => {
    const before = edited((d) => delete d.dataCategories[0]!.platformDifferences);
    const after = edited((d) => {
      d.dataCategories[0]!.platformDifferences = [
        { platform: 'data-center', storedIn: ['customer-database'] },
      ];
    });
    const [entry] = rowsOf(before, after);
    expect(entry!.rows).toEqual([
      [
        'Differences by platform',
        '(none)',
        "Added Platform: Data Center, Where stored: The customer's Jira database",
      ],
    ]);
  });

  test('says the new fields and values in German', () => {
    const next = edited((d) => {
      d.dataCategories[0]!.residency = 'in-scope';
      d.logs![0]!.endUserData = 'yes';
    });
    const [category, log] = rowsOf(complete, next, 'de-DE');
    expect(category!.rows[0]![0]).toBe('Datenresidenz');
    expect(category!.rows[0]![2]).not.toBe('in-scope');
    expect(log!.rows[0]![0]).toBe('Endbenutzerdaten');
  });
});
