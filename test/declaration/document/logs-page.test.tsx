// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DisclosurePage } from '../../../static/disclosure/src/components/DisclosurePage.tsx';
import { api, resetApi } from '../../static/api-mock.ts';
import { example } from '../../static/examples.ts';
import { renderWithLocale, viewOf } from '../../static/render.tsx';

vi.mock(
  '../../../static/disclosure/src/api/index.ts',
  async () => (await import('../../static/api-mock.ts')).api,
);

beforeEach(() => {
  resetApi();
  api.listVersions.mockResolvedValue({ ok: true, data: { versions: [], nextCursor: null } });
});
afterEach(cleanup);

/** TechTime's User Management: its log files hold users' names and e-mail addresses (seed 000). */
const techtime = example('techtime-user-management');

describe('the page’s logs section', () => {
  it('is in the section index and on the page, each log a card', () => {
    renderWithLocale(<DisclosurePage view={viewOf(techtime)} />, 'de-DE');
    const index = screen.getByTestId('section-index');
    expect(within(index).getByRole('link', { name: 'Protokolle' }).getAttribute('href')).toBe(
      '#logs',
    );
    const section = screen.getByTestId('section-logs');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Protokolle');
    const card = within(section).getByTestId('log-app-log-files');
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe("The app's log files");
    expect(card.textContent).toContain('Daten von Endnutzern');
    expect(card.textContent).toContain("TechTime's backend for the cloud apps");
  });

  it('follows who else receives data and precedes what is not collected', () => {
    renderWithLocale(<DisclosurePage view={viewOf(techtime)} />);
    const ids = Array.from(document.querySelectorAll('section[data-testid^="section-"]'), (node) =>
      node.getAttribute('data-testid'),
    );
    const at = ids.indexOf('section-logs');
    expect(ids.slice(at - 1, at + 2)).toEqual([
      'section-recipients',
      'section-logs',
      'section-not-collected',
    ]);
  });
});
