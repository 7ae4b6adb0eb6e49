// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { diffDeclarations, type Declaration } from '@declaration';
import { diffAnchor } from '@declaration/diff-anchor.ts';
import { validateDeclarationText } from '@declaration/validate-yaml.ts';
import { DiffView } from '../../static/disclosure/src/components/DiffView.tsx';
import { repoRoot } from './examples.ts';
import { renderWithLocale } from './render.tsx';

// Above the detail of What changed: what matters to a privacy review, each linked to its entry,
// for a real upgrade (TechTime moves its cloud backend to AWS in Sydney, adds AWS as a
// subprocessor and keeps order information at least seven years).

afterEach(cleanup);

function fixture(name: string): Declaration {
  const path = `test/fixtures/upgrades/${name}.yaml`;
  const result = validateDeclarationText(readFileSync(join(repoRoot, path), 'utf8'), path);
  if (!result.ok) throw new Error(`${path} is not valid`);
  return result.declaration;
}

const v1 = fixture('techtime-v1');
const v2 = fixture('techtime-v2');

function showUpgrade(locale = 'en-US') {
  const diff = diffDeclarations(v1, v2, { from: 1, to: 2 });
  renderWithLocale(<DiffView diff={diff} declaration={v2} />, locale);
  return diff;
}

describe('material changes above What changed', () => {
  test('name the move, the new subprocessor and the longer retention, above the detail', () => {
    const diff = showUpgrade();
    const region = screen.getByRole('region', { name: 'What matters for a privacy review' });
    expect(region.dataset.testid).toBe('material-changes');
    const items = within(region).getAllByRole('listitem');
    expect(items).toHaveLength(diff.material.length);
    const text = items.map((item) => item.textContent).join('\n');
    expect(text).toContain('Australia');
    expect(text).toContain('Amazon Web Services');
    expect(text).toMatch(/longer/i);
    // Above the detail: the region comes before the first entry.
    const [first] = screen.getAllByTestId('diff-entry');
    expect(region.compareDocumentPosition(first!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('each links to its entry, and following the link moves focus there', async () => {
    const diff = showUpgrade();
    const region = screen.getByTestId('material-changes');
    const links = within(region).getAllByRole('link');
    const linked = diff.material.filter((change) => change.ref !== null);
    expect(links.length).toBe(linked.length);
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const [index, link] of links.entries()) {
      const anchor = diffAnchor(linked[index]!.ref!);
      expect(link.getAttribute('href')).toBe(`#${anchor}`);
      const entry = document.getElementById(anchor);
      expect(entry?.dataset.testid).toBe('diff-entry');
    }
    const user = userEvent.setup();
    const subprocessor = links.find((link) => link.textContent?.includes('subprocessor'))!;
    await user.click(subprocessor);
    expect(document.activeElement?.id).toBe('diff-recipients-aws');
  });

  test('are in the reader’s language', () => {
    showUpgrade('de-DE');
    const region = screen.getByTestId('material-changes');
    expect(within(region).getByRole('heading').textContent).toBe(
      'Was für eine Datenschutzprüfung zählt',
    );
    expect(region.textContent).toContain('Australien');
  });

  test('say in words that nothing material changed when only the wording did', () => {
    const reworded = structuredClone(v1);
    reworded.policy.notes = [...(reworded.policy.notes ?? []), 'The policy was proofread.'];
    renderWithLocale(
      <DiffView diff={diffDeclarations(v1, reworded, { from: 1, to: 2 })} declaration={reworded} />,
    );
    const region = screen.getByTestId('material-changes');
    expect(region.textContent).toContain('Nothing changed that matters for a privacy review.');
    expect(within(region).queryAllByRole('link')).toEqual([]);
    expect(screen.getAllByTestId('diff-entry')).toHaveLength(1);
  });
});
