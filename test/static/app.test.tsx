// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { App } from '../../static/disclosure/src/App.tsx';
import { api, resetApi } from './api-mock.ts';
import { example } from './examples.ts';
import { renderWithLocale, translatorFor, viewOf } from './render.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

const upsmith = example('upsmith-zendesk-sell-for-jsm');
const jiraAdmin = { extensionType: 'jira:adminPage' };
const confluenceGlobal = { extensionType: 'confluence:globalPage' };
const jiraGlobal = { extensionType: 'jira:globalPage' };

beforeEach(() => {
  resetApi();
  api.listVersions.mockResolvedValue({ ok: true, data: { versions: [], nextCursor: null } });
  api.diffVersions.mockResolvedValue({
    ok: true,
    data: { from: 1, to: 2, entries: [], counts: { added: 0, removed: 0, changed: 0 } },
  });
});
afterEach(cleanup);

describe('the disclosure page', () => {
  test('has one h1, a header, a section index, main, and a labelled section per part', async () => {
    api.getDisclosure.mockResolvedValue({ ok: true, data: viewOf(upsmith) });
    renderWithLocale(<App host={jiraAdmin} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Privacy: Zendesk Sell for JSM');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    for (const link of nav.querySelectorAll('a')) {
      const id = link.getAttribute('href')!.slice(1);
      expect(document.getElementById(id)?.tagName).toBe('SECTION');
    }
    for (const name of [
      'At a glance',
      'Data collected',
      'Where data lives',
      'Your rights',
      'Versions',
    ]) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
  });

  test('shows what failed with a Retry button that calls the backend again', async () => {
    const user = userEvent.setup();
    api.getDisclosure
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'STORAGE_ERROR', message: 'Forge storage did not answer in time.' },
      })
      .mockResolvedValueOnce({ ok: true, data: viewOf(upsmith) });
    renderWithLocale(<App host={jiraAdmin} />);
    expect((await screen.findByTestId('error-message')).textContent).toBe(
      'Forge storage did not answer in time.',
    );
    expect(screen.getByTestId('state-error').textContent).toContain('STORAGE_ERROR');
    await user.click(screen.getByTestId('retry-button'));
    await screen.findByTestId('page-header');
    expect(api.getDisclosure).toHaveBeenCalledTimes(2);
  });

  test('says to upgrade the app when its records were stored by a newer version', async () => {
    const message =
      'The stored value "privacy-disclosure:head:current" was stored by a newer version of the app (record version 2); this version reads up to record version 1. Upgrade the app to show it. Nothing was changed.';
    api.getDisclosure.mockResolvedValue({
      ok: false,
      error: { code: 'UNSUPPORTED_VERSION', message },
    });
    renderWithLocale(<App host={jiraAdmin} />, 'de-DE');
    const alert = await screen.findByTestId('state-error');
    expect(alert.querySelector('strong')?.textContent).toBe(
      translatorFor('de-DE').t('state.newerVersion'),
    );
    expect(alert.textContent).not.toContain(translatorFor('de-DE').t('state.loadFailed'));
    expect(screen.getByTestId('error-message').textContent).toBe(message);
  });

  test('says so when nothing has been published on this site yet', async () => {
    api.getDisclosure.mockResolvedValue({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No declaration has been published.' },
    });
    renderWithLocale(<App host={jiraAdmin} />);
    expect((await screen.findByTestId('state-empty')).textContent).toContain(
      'No privacy disclosure yet',
    );
  });

  test('shows a loading state until the backend answers', async () => {
    let answer!: (value: unknown) => void;
    api.getDisclosure.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderWithLocale(<App host={jiraAdmin} />);
    expect(screen.getByTestId('state-loading')).toBeTruthy();
    answer({ ok: true, data: viewOf(upsmith) });
    await screen.findByTestId('page-header');
    expect(screen.queryByTestId('state-loading')).toBeNull();
  });

  test('offers the review button in the Jira admin page', async () => {
    api.getDisclosure.mockResolvedValue({ ok: true, data: viewOf(upsmith, { canReview: true }) });
    renderWithLocale(<App host={jiraAdmin} />);
    expect(await screen.findByTestId('review-button')).toBeTruthy();
  });

  test('never offers a write control on the Confluence global page', async () => {
    // Even if a backend answered canReview: true, the global page stays read-only.
    api.getDisclosure.mockResolvedValue({ ok: true, data: viewOf(upsmith, { canReview: true }) });
    renderWithLocale(<App host={confluenceGlobal} />);
    await screen.findByTestId('review-status');
    expect(screen.queryByTestId('review-button')).toBeNull();
  });

  test('never offers a write control on the Jira global page', async () => {
    api.getDisclosure.mockResolvedValue({ ok: true, data: viewOf(upsmith, { canReview: true }) });
    renderWithLocale(<App host={jiraGlobal} />);
    await screen.findByTestId('review-status');
    expect(screen.queryByTestId('review-button')).toBeNull();
  });

  test('opens the Marketplace privacy tab and external links through the host', async () => {
    const user = userEvent.setup();
    const withListing = {
      ...upsmith,
      app: {
        ...upsmith.app,
        marketplaceUrl: 'https://marketplace.atlassian.com/apps/1231963/zendesk-sell-for-jsm',
      },
    };
    api.getDisclosure.mockResolvedValue({ ok: true, data: viewOf(withListing) });
    renderWithLocale(<App host={jiraAdmin} />);
    await user.click(await screen.findByTestId('marketplace-button'));
    expect(api.openExternal).toHaveBeenCalledWith(
      'https://marketplace.atlassian.com/apps/1231963/zendesk-sell-for-jsm?hosting=cloud&tab=privacy-and-security',
    );
    const contact = screen.getByTestId('privacy-contact');
    expect(contact.getAttribute('href')).toBe('mailto:support@upsmith.app');
    await user.click(contact);
    await waitFor(() =>
      expect(api.openExternal).toHaveBeenLastCalledWith('mailto:support@upsmith.app'),
    );
  });

  test('says after a link when the host did not open it, and no more once it did', async () => {
    const user = userEvent.setup();
    api.getDisclosure.mockResolvedValue({ ok: true, data: viewOf(upsmith) });
    api.openExternal.mockResolvedValueOnce({ ok: false, message: 'The host refused.' } as never);
    renderWithLocale(<App host={jiraAdmin} />);
    const contact = await screen.findByTestId('privacy-contact');
    await user.click(contact);
    const message = await waitFor(() => {
      const next = contact.nextElementSibling;
      expect(next?.getAttribute('role')).toBe('status');
      return next!;
    });
    expect(message.textContent).toContain('mailto:support@upsmith.app');
    await user.click(contact);
    await waitFor(() => expect(contact.nextElementSibling).not.toBe(message));
    expect(message.isConnected).toBe(false);
  });
});
