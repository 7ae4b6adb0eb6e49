// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { diffDeclarations, type Declaration } from '@declaration';
import { diffAnchor } from '@declaration/diff-anchor.ts';
import { validateDeclarationText } from '@declaration/validate-yaml.ts';
import { DiffView } from '../../static/disclosure/src/components/DiffView.tsx';
import { example, repoRoot } from './examples.ts';
import { renderWithLocale } from './render.tsx';

// What changed names every id by the kind it points at and from the version its value comes
// from, compares lists item by item, and shows a platform's statement as its text.

afterEach(cleanup);

const exalate = example('exalate-cloud');
const complete = (() => {
  const path = 'test/declaration/export/fixtures/exalate-complete.yaml';
  const result = validateDeclarationText(readFileSync(join(repoRoot, path), 'utf8'), path);
  if (!result.ok) throw new Error(`${path} is not valid`);
  return result.declaration;
})();

function edited(base: Declaration, edit: (next: Declaration) => void): Declaration {
  const next = structuredClone(base);
  edit(next);
  return next;
}

/** The diff from `before` to `after` on the page, with `after` as the current declaration. */
function show(before: Declaration, after: Declaration, locale = 'en-US') {
  const diff = diffDeclarations(before, after, { from: 1, to: 2 });
  renderWithLocale(<DiffView diff={diff} declaration={after} />, locale);
  return diff;
}

/** A changed entry's row for a field, by the field's label: its header and its two cells. */
function row(entryTitle: string, field: string) {
  const entry = screen
    .getAllByTestId('diff-entry')
    .find((item) => item.querySelector('strong')?.textContent === entryTitle);
  if (!entry) throw new Error(`no entry titled ${entryTitle}`);
  const found = [...entry.querySelectorAll('tbody tr')].find(
    (tr) => tr.querySelector('th')?.textContent === field,
  );
  if (!found) throw new Error(`no row ${field} in ${entryTitle}`);
  const [, before, after] = [...found.children] as HTMLElement[];
  return { before: before!, after: after! };
}

/** The items of a cell compared item by item, each as the page reads it. */
const items = (cell: HTMLElement) =>
  [...cell.querySelectorAll('li')].map((item) => item.textContent);

describe('names per kind and per side', () => {
  test('an id shared by a location and a recipient is named as each in its own row', () => {
    const after = edited(exalate, (d) => {
      d.locations.push({
        id: 'google-cloud',
        name: 'Google Cloud, Frankfurt',
        hostedBy: 'subprocessor',
        provider: 'Google Cloud',
        country: 'DE',
      });
      const data = d.dataCategories.find((item) => item.id === 'operation-data')!;
      data.storedIn = ['google-cloud'];
      data.recipients = ['google-cloud'];
    });
    show(exalate, after);
    const stored = row('Operation Data', 'Where stored');
    expect(items(stored.after)).toEqual(['Added Google Cloud, Frankfurt']);
    const shared = row('Operation Data', 'Shared with');
    expect(items(shared.after)).toEqual(['Google Cloud']);
    expect(items(shared.before)).toEqual([
      'Google Cloud',
      'Removed Rsync.net',
      "Removed Subcontractors from Exalate's support and development teams",
    ]);
  });

  test('a removed item is named from the older version, in its title and where it was used', () => {
    const after = edited(exalate, (d) => {
      d.recipients = d.recipients.filter((item) => item.id !== 'rsync-net');
      for (const data of d.dataCategories) {
        data.recipients = data.recipients?.filter((id) => id !== 'rsync-net');
      }
    });
    show(exalate, after);
    const removed = screen
      .getAllByTestId('diff-entry')
      .find((entry) => entry.dataset.kind === 'removed')!;
    expect(removed.querySelector('strong')?.textContent).toBe('Rsync.net');
    expect(items(row('Operation Data', 'Shared with').before)).toContain('Removed Rsync.net');
  });

  test('a renamed item is named as each version names it', () => {
    const after = edited(exalate, (d) => {
      d.purposes.find((item) => item.id === 'operate-service')!.name = 'Run the sync service';
      d.dataCategories.find((item) => item.id === 'operation-data')!.purposes = [
        'operate-service',
        'usage-statistics',
      ];
    });
    show(exalate, after);
    const why = row('Operation Data', 'Why');
    expect(items(why.before)).toEqual(['Operate the service']);
    expect(items(why.after)).toEqual([
      'Run the sync service',
      'Added Record usage of service functionality',
    ]);
  });

  test('an id its version does not name reads as words, not as the id', () => {
    const diff = diffDeclarations(exalate, exalate, { from: 1, to: 2 });
    renderWithLocale(
      <DiffView
        diff={{
          ...diff,
          entries: [
            {
              section: 'dataCategories',
              kind: 'changed',
              key: 'operation-data',
              label: 'Operation Data',
              fields: [{ path: 'storedIn', before: ['aws-eu'], after: ['aws-eu', 'aws-us'] }],
            },
          ],
          counts: { added: 0, removed: 0, changed: 1 },
        }}
      />,
      'de-DE',
    );
    const entry = screen.getByTestId('diff-entry');
    expect(entry.textContent).not.toMatch(/aws-eu|aws-us/);
    expect(entry.querySelector('.diff-after')?.textContent).toBe(
      'ein Speicherort, den diese Version nicht benennt und ein Speicherort, den diese Version nicht benennt',
    );
  });
});

describe('lists item by item', () => {
  test('notes that changed are separate items, the new one marked added in words', () => {
    const before = edited(complete, (d) => {
      d.dataCategories[0]!.notes = ['Attachments are read.'];
    });
    const after = edited(complete, (d) => {
      d.dataCategories[0]!.notes = [
        'Attachments are read.',
        'An earlier version kept them for a year.',
      ];
    });
    show(before, after);
    const notes = row('Operation Data', 'Notes');
    expect(items(notes.before)).toEqual(['Attachments are read.']);
    expect(items(notes.after)).toEqual([
      'Attachments are read.',
      'Added An earlier version kept them for a year.',
    ]);
    expect(notes.after.textContent).not.toContain('read., An');
    // The mark is a word as well as a colour: "Added" in its own badge, not struck through.
    expect(notes.after.querySelector('.diff-item-added .badge')?.textContent).toBe('Added');
  });

  test('countries added and removed are marked in the reader’s language', () => {
    const after = edited(exalate, (d) => {
      d.recipients.find((item) => item.id === 'rsync-net')!.countries = ['DE', 'US'];
    });
    show(exalate, after, 'de-DE');
    const countries = row('Rsync.net', 'Länder');
    expect(items(countries.before)).toEqual(['Entfernt Schweiz']);
    expect(items(countries.after)).toEqual([
      'Hinzugefügt Deutschland',
      'Hinzugefügt Vereinigte Staaten',
    ]);
  });
});

describe('platform statements', () => {
  test('a changed statement shows its text on each side, not the platform twice', () => {
    const after = edited(complete, (d) => {
      d.app.platforms[0]!.statement = 'The statement applies to the Cloud apps built on Forge.';
    });
    show(complete, after);
    const statement = row('Exalate for Jira Cloud', 'Platforms → #1 → Statement');
    expect(statement.before.textContent).toBe(complete.app.platforms[0]!.statement);
    expect(statement.after.textContent).toBe(
      'The statement applies to the Cloud apps built on Forge.',
    );
  });

  test('a platform added and one no longer excluded are shown by their statements', () => {
    const after = edited(complete, (d) => {
      d.app.platforms.push({ platform: 'server', statement: 'Server apps are covered too.' });
      d.app.notCovered = [];
    });
    show(complete, after);
    const platforms = row('Exalate for Jira Cloud', 'Platforms');
    expect(items(platforms.after)).toEqual([
      `Cloud (Connect): ${String(complete.app.platforms[0]!.statement)}`,
      'Added Server: Server apps are covered too.',
    ]);
    const notCovered = row('Exalate for Jira Cloud', 'Not covered');
    expect(items(notCovered.before)).toEqual([
      `Removed Server: ${String(complete.app.notCovered![0]!.statement)}`,
    ]);
    expect(notCovered.after.textContent).toBe('(none)');
    expect(screen.getByTestId('diff').textContent).not.toMatch(/\bcloud\b|\bserver\b/);
  });
});

test('each entry has the anchor a material change links to', () => {
  const after = edited(exalate, (d) => {
    d.recipients = d.recipients.filter((item) => item.id !== 'rsync-net');
    d.locations[0]!.country = 'IE';
  });
  const diff = show(exalate, after);
  const ids = screen.getAllByTestId('diff-entry').map((entry) => entry.id);
  expect(ids).toEqual(diff.entries.map((entry) => diffAnchor(entry)));
  expect(ids).toContain('diff-recipients-rsync-net');
});
