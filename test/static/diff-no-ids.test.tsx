// @vitest-environment jsdom
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { diffDeclarations, type Declaration } from '@declaration';
import { DiffView } from '../../static/disclosure/src/components/DiffView.tsx';
import { example, repoRoot } from './examples.ts';
import { renderWithLocale } from './render.tsx';

// No raw id is ever shown in What changed: comparing each real example with every other (all
// their items added, removed or changed, every reference list changed), none of the ids of
// either declaration appears as a word of the page.

afterEach(cleanup);

const names = readdirSync(join(repoRoot, 'examples'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));
const examples = new Map(names.map((name) => [name, example(name)]));

/** Fields whose strings are ids of other items, not words of the vendor's. */
const ID_FIELDS = new Set([
  'id',
  'purposes',
  'recipients',
  'recipient',
  'storedOnlyBy',
  'storedIn',
  'locations',
  'location',
  'unpinned',
  'categories',
]);

/** Every string the vendor wrote, except the ids and the references to them. */
function vendorWords(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ID_FIELDS.has(key) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => vendorWords(item, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([member, item]) => vendorWords(item, member));
  }
  return [];
}

const wholeWord = (id: string) =>
  new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i');

/**
 * The ids of both declarations that could only appear on the page as an id: those that are not
 * also a word or a name the vendor wrote (TechTime's recipient `slack` is also "Slack").
 */
function checkableIds(...declarations: Declaration[]): string[] {
  const words = declarations.flatMap((declaration) => vendorWords(declaration)).join('\n');
  const ids = declarations.flatMap((declaration) => [
    ...declaration.purposes,
    ...declaration.dataCategories,
    ...declaration.recipients,
    ...declaration.locations,
    ...(declaration.logs ?? []),
  ]);
  return [...new Set(ids.map((item) => item.id))].filter((id) => !wholeWord(id).test(words));
}

const pairs = names.flatMap((from) =>
  names.filter((to) => to !== from).map((to) => [from, to] as const),
);

test.each(pairs)('What changed from %s to %s shows no id', (from, to) => {
  const [before, after] = [examples.get(from)!, examples.get(to)!];
  renderWithLocale(
    <DiffView diff={diffDeclarations(before, after, { from: 1, to: 2 })} declaration={after} />,
  );
  const text = screen.getByTestId('diff').textContent ?? '';
  const ids = checkableIds(before, after);
  // Most ids are checked: the ones that are also words are few.
  expect(ids.length).toBeGreaterThan(10);
  expect(ids.filter((id) => wholeWord(id).test(text))).toEqual([]);
});

/**
 * An upgrade of `declaration` that drops its first recipient, location and purpose, and every
 * reference to them: the older version's names are the only ones that name what went.
 */
function dropped(declaration: Declaration): Declaration {
  const next = structuredClone(declaration);
  const [recipient, location, purpose] = [
    next.recipients[0]?.id,
    next.locations[0]?.id,
    next.purposes[0]?.id,
  ];
  next.recipients = next.recipients.filter((item) => item.id !== recipient);
  next.locations = next.locations.filter((item) => item.id !== location);
  next.purposes = next.purposes.filter((item) => item.id !== purpose);
  for (const data of next.dataCategories) {
    data.recipients = data.recipients?.filter((id) => id !== recipient);
    data.storedIn = data.storedIn?.filter((id) => id !== location);
    const purposes = data.purposes.filter((id) => id !== purpose);
    data.purposes = purposes.length > 0 ? purposes : next.purposes.slice(0, 1).map(({ id }) => id);
  }
  return next;
}

test.each(names)(
  'What changed in %s after it drops a recipient, a location and a purpose shows no id',
  (name) => {
    const before = examples.get(name)!;
    const after = dropped(before);
    renderWithLocale(
      <DiffView diff={diffDeclarations(before, after, { from: 1, to: 2 })} declaration={after} />,
    );
    const diff = screen.getByTestId('diff');
    // The references that went are listed as removed, by the older version's names.
    expect(diff.querySelectorAll('.diff-item-removed').length).toBeGreaterThan(0);
    const ids = checkableIds(before);
    expect(ids.filter((id) => wholeWord(id).test(diff.textContent ?? ''))).toEqual([]);
  },
);
