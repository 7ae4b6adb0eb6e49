// @vitest-environment jsdom
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Declaration, DeclarationDiff } from '@declaration';
import { diffNames } from '@declaration/diff.ts';
import { DiffView } from '../../static/disclosure/src/components/DiffView.tsx';
import { DisclosurePage } from '../../static/disclosure/src/components/DisclosurePage.tsx';
import { Versions } from '../../static/disclosure/src/components/Versions.tsx';
import { api, resetApi } from './api-mock.ts';
import { example, repoRoot } from './examples.ts';
import { renderWithLocale, versionMeta, viewOf } from './render.tsx';
import { renderSection } from './sections.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

/** A right-to-left override that the vendor never closes. */
const RLO = '\u202E';
/** First strong isolate and pop directional isolate: plain text's own isolation. */
const FSI = '\u2068';
const PDI = '\u2069';

beforeEach(() => {
  resetApi();
  api.listVersions.mockResolvedValue({ ok: true, data: { versions: [], nextCursor: null } });
});
afterEach(cleanup);

/**
 * Whether `text` is shown in an element of its own that isolates its direction: a `<bdi>`, or
 * an element with `dir="auto"`, holding exactly that text and none of the app's words.
 */
function isolated(container: HTMLElement, text: string): boolean {
  return Array.from(container.querySelectorAll('bdi, [dir="auto"]')).some(
    (element) => element.textContent === text,
  );
}

/**
 * Whether `text`, which reads left to right, is shown as a text of its own and outside any
 * isolate, as the HTML export shows it: there an isolate would change nothing but cost the
 * browser a bidi pass over its paragraph.
 */
function shownPlain(container: HTMLElement, text: string): boolean {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent === text) nodes.push(node);
  }
  return (
    nodes.length > 0 && nodes.every((node) => !node.parentElement?.closest('bdi, [dir="auto"]'))
  );
}

/**
 * Every text node holding an override that is not the whole of an isolating element: there the
 * override runs on into the app's words after it.
 */
function leaks(container: HTMLElement): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!text.includes(RLO)) continue;
    const isolate = node.parentElement?.closest('bdi, [dir="auto"]');
    // SVG text has no <bdi>: there vendor text is one Unicode isolate (FSI … PDI) of its own.
    const inSvg = node.parentElement?.closest('svg') != null;
    const unicodeIsolate =
      inSvg && text.startsWith(FSI) && text.endsWith(PDI) && text.indexOf(PDI) === text.length - 1;
    if (!unicodeIsolate && isolate?.textContent !== text) {
      const where = node.parentElement?.closest('[data-testid]')?.getAttribute('data-testid');
      found.push(`${where ?? node.parentElement?.tagName}: ${text.slice(0, 50)}`);
    }
  }
  return found;
}

/** The declaration with an override at the start of every prose text (any string with a space). */
function withOverrides<T>(value: T): T {
  if (typeof value === 'string') return (value.includes(' ') ? `${RLO}${value}` : value) as T;
  if (Array.isArray(value)) return value.map(withOverrides) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withOverrides(item)]),
    ) as T;
  }
  return value;
}

const techtime = example('techtime-user-management');

/** TechTime's declaration with overrides in its legal name (no trading name) and version label. */
function techtimeWithOverrides(): Declaration {
  const { tradingName: _shownInstead, ...vendor } = techtime.vendor;
  return {
    ...techtime,
    vendor: { ...vendor, legalName: `${RLO}TechTime Initiative Group Limited` },
    policy: { ...techtime.policy, version: `${RLO}2026-11-22` },
  };
}

describe("vendor text cannot turn the app's own words around", () => {
  test("the header isolates the vendor's name and the policy's version label", () => {
    const declaration = techtimeWithOverrides();
    renderWithLocale(<DisclosurePage view={viewOf(declaration)} />);
    const header = screen.getByTestId('page-header');
    expect(isolated(header, `${RLO}TechTime Initiative Group Limited`)).toBe(true);
    expect(shownPlain(header, 'User Management')).toBe(true);
    // "…, last updated Nov 22, 2026" is the app's, after the vendor's label: outside its isolate.
    const versionLine = screen.getByTestId('version-line');
    expect(isolated(versionLine, `${RLO}2026-11-22`)).toBe(true);
    expect(leaks(header)).toEqual([]);
  });

  test('table cells isolate each name, example and list item, so badges and "and" stay put', () => {
    const category = techtime.dataCategories[0]!;
    const declaration: Declaration = {
      ...techtime,
      dataCategories: [
        {
          ...category,
          name: `${RLO}User information handled at runtime`,
          examples: [`${RLO}users' names`, 'email addresses'],
        },
      ],
    };
    renderSection(declaration, 'data-collected');
    const row = screen.getByTestId(`category-${category.id}`);
    const header = within(row).getByRole('rowheader');
    expect(isolated(header, `${RLO}User information handled at runtime`)).toBe(true);
    // The badge is the app's word after the name: outside the name's isolate.
    const badge = within(header).getByText('Personal data');
    expect(badge.closest('bdi, [dir="auto"]')).toBeNull();
    expect(isolated(header, `${RLO}users' names`)).toBe(true);
    expect(shownPlain(header, 'email addresses')).toBe(true);
    expect(leaks(row)).toEqual([]);
  });

  test("a recipient's name in its row header is isolated", () => {
    const atlassian = techtime.recipients.find((recipient) => recipient.id === 'atlassian')!;
    const declaration: Declaration = {
      ...techtime,
      recipients: [{ ...atlassian, name: `${RLO}Atlassian` }],
    };
    renderSection(declaration, 'recipients');
    const row = screen.getByTestId('recipient-atlassian');
    expect(isolated(within(row).getByRole('rowheader'), `${RLO}Atlassian`)).toBe(true);
    expect(leaks(row)).toEqual([]);
  });

  test('each item of a list of vendor statements is isolated', () => {
    const oci = example('oci-europe-web-service');
    const commitments = (oci.commitments ?? []).map((text) => `${RLO}${String(text)}`);
    renderSection({ ...oci, commitments }, 'commitments');
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(commitments.length);
    items.forEach((item, index) => expect(isolated(item, commitments[index]!)).toBe(true));
  });

  test('what changed isolates the changed item and each value before and after', () => {
    const diff: DeclarationDiff = {
      from: 1,
      to: 2,
      entries: [
        {
          section: 'recipients',
          kind: 'changed',
          // A recipient the current declaration no longer has: named from its own version.
          key: 'former-reseller',
          label: `${RLO}Atlassian`,
          fields: [
            {
              path: 'purpose',
              before: `${RLO}Passes runtime information`,
              after: 'Receives order information',
            },
            { path: 'countries', before: ['AU'], after: ['AU', 'US'] },
          ],
        },
      ],
      counts: { added: 0, removed: 0, changed: 1 },
      material: [],
      names: {
        before: { ...diffNames(techtime), recipients: { 'former-reseller': `${RLO}Atlassian` } },
        after: { ...diffNames(techtime), recipients: { 'former-reseller': `${RLO}Atlassian` } },
      },
    };
    renderWithLocale(<DiffView diff={diff} declaration={techtime} />);
    const entry = screen.getByTestId('diff-entry');
    expect(isolated(entry, `${RLO}Atlassian`)).toBe(true);
    expect(isolated(entry, `${RLO}Passes runtime information`)).toBe(true);
    expect(shownPlain(entry, 'Receives order information')).toBe(true);
    // Country names are the app's words (Intl), joined by the locale's "and".
    expect(entry.querySelectorAll('.diff-after')[1]?.textContent).toBe(
      'Australia and United States',
    );
    expect(leaks(entry)).toEqual([]);
  });

  test("a version label in a version picker is isolated with Unicode's own marks", async () => {
    const declaration = techtimeWithOverrides();
    api.listVersions.mockResolvedValue({
      ok: true,
      data: {
        versions: [
          { ...versionMeta(declaration, 2, '2026-11-20T09:30:00.000Z'), reviews: [] },
          { ...versionMeta(techtime, 1, '2026-10-01T09:30:00.000Z'), reviews: [] },
        ],
        nextCursor: null,
      },
    });
    api.diffVersions.mockResolvedValue({
      ok: true,
      data: {
        from: 1,
        to: 2,
        entries: [],
        counts: { added: 0, removed: 0, changed: 0 },
        material: [],
        names: { before: diffNames(techtime), after: diffNames(declaration) },
      },
    });
    renderWithLocale(<Versions view={viewOf(declaration, { version: 2 })} />);
    await screen.findByTestId('version-1');
    const options = Array.from(screen.getByTestId('diff-to').querySelectorAll('option'));
    // An <option> holds only text: first-strong isolate … pop directional isolate.
    expect(options.map((option) => option.textContent)).toContain(
      `Version 2 (policy \u2068${RLO}2026-11-22\u2069)`,
    );
    expect(isolated(screen.getByTestId('version-2'), `${RLO}2026-11-22`)).toBe(true);
  });

  const examples = readdirSync(join(repoRoot, 'examples'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.replace(/\.yaml$/, ''));

  test.each(examples)(
    'on the whole page of %s, every vendor text with an override is isolated',
    (name) => {
      const declaration = withOverrides(example(name));
      renderWithLocale(<DisclosurePage view={viewOf(declaration)} />);
      const page = document.body;
      expect(page.textContent).toContain(RLO);
      expect(leaks(page)).toEqual([]);
    },
  );
});
