// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Declaration } from '@declaration';
import { DisclosurePage } from '../../static/disclosure/src/components/DisclosurePage.tsx';
import { loadDeclaration } from '../declaration/export/load.ts';
import { example } from './examples.ts';
import { api } from './api-mock.ts';
import { renderWithLocale, versionMeta, viewOf } from './render.tsx';
import { renderSection } from './sections.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

afterEach(cleanup);

const exalate = example('exalate-cloud');
const oci = example('oci-europe-web-service');
const techtime = example('techtime-user-management');

/** The "Where stored" cell of a category's row in the data table. */
function whereStored(declaration: Declaration, id: string): string {
  renderSection(declaration, 'data-collected');
  const row = screen.getByTestId(`category-${id}`);
  return within(row).getAllByRole('cell')[2]?.textContent ?? '';
}

describe('the page says "not stated" where the policy is silent', () => {
  test('a kept category without storage is "Not stated", not "Not stored"', () => {
    const kept: Declaration = structuredClone(exalate);
    const category = kept.dataCategories[0]!;
    category.storedIn = undefined;
    category.retention = { basis: 'while-subscribed' };
    expect(whereStored(kept, category.id)).toBe('Not stated');
    cleanup();
    category.retention = { basis: 'not-stored' };
    expect(whereStored(kept, category.id)).toBe('Not stored');
  });

  test('"Not stated" is not listed beside real legal bases', () => {
    const mixed: Declaration = structuredClone(exalate);
    const category = mixed.dataCategories[0]!;
    category.legalBasis = ['contract', 'not-stated', 'legitimate-interests', 'consent'];
    renderSection(mixed, 'data-collected');
    const row = screen.getByTestId(`category-${category.id}`).textContent ?? '';
    // The retention cell of this category may say "Not stated"; the legal basis line may not.
    const basisLine = row.match(/Legal basis: [^.]*?(?=Google Cloud)/)?.[0] ?? '';
    expect(basisLine).toBe(
      'Legal basis: Performance of a contract, Legitimate interests, and Consent',
    );
  });

  test('a policy without a version label shows "Not stated" (OCI, seed 003)', async () => {
    const meta = versionMeta(oci, 1, '2026-11-20T09:30:00.000Z');
    api.listVersions.mockResolvedValue({
      ok: true,
      data: { versions: [{ ...meta, reviews: [] }], nextCursor: null },
    });
    renderWithLocale(<DisclosurePage view={viewOf(oci)} />);
    const row = await screen.findByTestId('version-1');
    expect(within(row).getAllByRole('cell')[0]?.textContent).toBe('Not stated');
    // Mid-sentence in the header, "not stated" is not capitalised like a cell value.
    expect(screen.getByTestId('version-line').textContent).toMatch(
      /^Policy version not stated, last updated /,
    );
    expect(screen.getByTestId('glance-version').textContent).toContain('Not stated');
    expect(document.body.textContent).not.toContain('not-stated');
  });

  test('a cookie without a stated lifetime says so instead of an empty cell (OCI, seed 003)', () => {
    renderSection(oci, 'cookies');
    const cells = screen.getAllByTestId('cookie-duration').map((cell) => cell.textContent);
    expect(cells).toHaveLength(oci.cookies?.length ?? 0);
    expect(cells.every((cell) => cell === 'Not stated')).toBe(true);
  });
});

describe('at a glance', () => {
  test('says where is not stated once, and residency once (TechTime, seed 000)', () => {
    const vague: Declaration = structuredClone(techtime);
    vague.locations.forEach((location) => {
      delete location.country;
      delete location.geography;
      delete location.backups;
    });
    renderSection(vague, 'at-a-glance');
    const hosting = screen.getByTestId('glance-hosting').textContent ?? '';
    expect(hosting).toContain('The policy does not say where');
    expect(hosting.match(/Data residency not stated/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  test('gives the longest stated retention and counts the unstated ones (TechTime, seed 000)', () => {
    renderSection(techtime, 'at-a-glance');
    const retention = screen.getByTestId('glance-retention').textContent ?? '';
    expect(retention).not.toContain('Longest: How long it is kept is not stated');
    const unstated = techtime.dataCategories.filter(
      (c) => c.personal && c.retention.basis === 'not-stated',
    ).length;
    expect(unstated).toBeGreaterThan(0);
    expect(retention).toContain(`Not stated for ${unstated} kind`);
  });

  test('names Belgium, and the Swiss backups apart without repeating them (Exalate, seed 002)', () => {
    renderSection(exalate, 'at-a-glance');
    const hosting = screen.getByTestId('glance-hosting');
    expect(hosting.querySelector('strong')?.textContent).toBe('Belgium');
    expect(hosting.textContent).toContain('Backups in Switzerland');
    expect(hosting.textContent).not.toContain('Zurich');
  });
});

describe('about this policy', () => {
  test('shows scope, change notice and the notes under their own heading (OCI, seed 003)', () => {
    renderSection(oci, 'about-policy');
    const section = screen.getByTestId('section-about-policy');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe(
      'About this policy',
    );
    expect(section.textContent).toContain('We only use the information we collect');
    expect(section.textContent).toContain('we will notify signed users');
    expect(
      within(section).getByRole('heading', { name: 'What to know about this policy' }),
    ).toBeTruthy();
    expect(within(section).getAllByRole('listitem')).toHaveLength(oci.policy.notes!.length);
  });
});

describe('links', () => {
  test('a policy without links or a Marketplace listing shows no empty Links section', () => {
    const bare: Declaration = structuredClone(oci);
    delete bare.policy.fullPolicyUrl;
    delete bare.policy.dpaUrl;
    delete bare.policy.securityUrl;
    delete bare.policy.trustCenterUrl;
    delete bare.app.marketplaceUrl;
    api.listVersions.mockResolvedValue({ ok: true, data: { versions: [], nextCursor: null } });
    renderWithLocale(<DisclosurePage view={viewOf(bare)} />);
    expect(screen.queryByTestId('section-links')).toBeNull();
    expect(within(screen.getByTestId('section-index')).queryByText('Links')).toBeNull();
  });
});

describe('about the app in format 2 (Exalate, seed 002)', () => {
  test('names the platform the declaration does not cover, with what the policy says', () => {
    renderSection(exalate, 'about-app');
    const heading = screen.getByRole('heading', { name: 'Not covered by this declaration' });
    const part = heading.parentElement!;
    expect(within(part).getByText('Server', { selector: 'dt' })).toBeTruthy();
    expect(part.textContent).toContain('only apply to our Cloud Add-ons, not the Server Add-ons');
  });

  test('says what the app is built with on each platform, in German too', () => {
    const complete = loadDeclaration('test/declaration/export/fixtures/exalate-complete.yaml');
    renderSection(complete, 'about-app', 'de-DE');
    const part = screen.getByRole('heading', { name: 'Je Plattform' }).parentElement!;
    expect(part.textContent).toContain('Erstellt mit: Connect');
    expect(
      screen.getByRole('heading', { name: 'Nicht von dieser Erklärung erfasst' }),
    ).toBeTruthy();
  });
});
