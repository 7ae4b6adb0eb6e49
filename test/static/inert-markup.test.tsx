// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Declaration } from '@declaration';
import { DisclosurePage } from '../../static/disclosure/src/components/DisclosurePage.tsx';
import { api, resetApi } from './api-mock.ts';
import { example } from './examples.ts';
import { renderWithLocale, viewOf } from './render.tsx';

vi.mock(
  '../../static/disclosure/src/api/index.ts',
  async () => (await import('./api-mock.ts')).api,
);

beforeEach(() => {
  resetApi();
  api.listVersions.mockResolvedValue({ ok: true, data: { versions: [], nextCursor: null } });
});
afterEach(cleanup);

/**
 * Exalate's declaration with markup in its text and script links in its link fields, as a
 * tampered or older stored version could hold them: the schema refuses such links on publish,
 * the page must not depend on that.
 */
function hostile(): Declaration {
  const base = example('exalate-cloud');
  const [first, ...rest] = base.dataCategories;
  const [recipient, ...others] = base.recipients;
  return {
    ...base,
    app: { ...base.app, name: '<img src=x onerror="alert(1)">Exalate' },
    summary: '<b>bold</b> <a href="javascript:alert(2)">click</a>',
    vendor: {
      ...base.vendor,
      website: 'javascript:alert(3)',
      privacyContact: 'JAVASCRIPT:alert(4)',
    },
    policy: { ...base.policy, fullPolicyUrl: 'data:text/html,<script>alert(5)</script>' },
    rights: { ...base.rights, contact: 'javascript://%0aalert(6)' },
    dataCategories: [{ ...first!, name: '<script>alert(7)</script>Account data' }, ...rest],
    recipients: [
      { ...recipient!, privacyPolicyUrl: 'http://insecure.example.com/policy' },
      ...others,
    ],
  };
}

test('markup in declaration text is shown as text and never creates an element', () => {
  const view = { ...viewOf(hostile()), marketplacePrivacyUrl: 'javascript:alert(8)' };
  const { container } = renderWithLocale(<DisclosurePage view={view} />);
  expect(container.querySelector('img, script, b, iframe')).toBeNull();
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
    'Privacy: <img src=x onerror="alert(1)">Exalate',
  );
  expect(screen.getByTestId('page-header').textContent).toContain('<b>bold</b>');
  expect(container.textContent).toContain('<script>alert(7)</script>Account data');
});

test('only https and mailto links become links; script, data and http links stay text', () => {
  const view = { ...viewOf(hostile()), marketplacePrivacyUrl: 'javascript:alert(8)' };
  const { container } = renderWithLocale(<DisclosurePage view={view} />);
  const hrefs = [...container.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    expect(href).toMatch(/^(https:\/\/|mailto:|#)/);
  }
  expect(screen.queryByTestId('marketplace-button')).toBeNull();
  expect(screen.getByTestId('privacy-contact').tagName).toBe('SPAN');
  expect(screen.getByTestId('link-full-policy').tagName).toBe('SPAN');
});
