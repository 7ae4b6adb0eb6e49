/**
 * The personalData function of the handler file init writes, on the real backend: after init and
 * build, a review an admin records from the admin page init added is reported to Atlassian by the
 * weekly report, and erased once Atlassian reports the account closed. Over the local Forge
 * runtime and the real @forge/api and @forge/kvs SDKs; the handler's `privacy-disclosure/backend`
 * import is pointed at src/backend/.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESOLVER_KEYS } from '@declaration';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSED_ACCOUNT_ID } from '../../../src/backend/closed-account.ts';
import { runBuild } from '../../../src/cli/build/index.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { MEMBER, SITE_ADMIN, useLocalForge } from '../../backend/forge-harness.ts';
import { storedText } from '../../backend/personal-data-helpers.ts';
import { captureIo, copyFixture, fakeUi, REPO_ROOT } from './helpers.ts';

const ui = fakeUi();
const app = copyFixture('multi-product-links');
afterAll(() => [ui, app].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Handler = (invocation: unknown, runtime?: unknown) => Promise<unknown>;
let handler: Handler;
let lifecycle: (event: unknown) => Promise<unknown>;
let personalData: () => Promise<unknown>;

beforeAll(async () => {
  expect(await runInit(['--dir', app, '--ui', ui], captureIo(), { today: '2026-12-01' })).toBe(0);
  expect(await runBuild(['--dir', app, '--ui', ui], captureIo())).toBe(0);
  const written = readFileSync(join(app, 'src/privacy-disclosure.js'), 'utf8');
  expect(written).toContain("from 'privacy-disclosure/backend'");
  const entry = join(app, 'src/privacy-disclosure.under-test.js');
  const backend = JSON.stringify(join(REPO_ROOT, 'src/backend/index.ts'));
  writeFileSync(entry, written.replace("'privacy-disclosure/backend'", backend));
  const module = await import(entry);
  ({ handler, lifecycle, personalData } = module);
});

describe("the handler file's weekly personal data report", () => {
  const { forge, call } = useLocalForge();
  const adminPage = { moduleKey: 'privacy-disclosure-jira-admin-page', user: SITE_ADMIN };
  const reader = { moduleKey: 'privacy-disclosure-jira-global-page', user: MEMBER };

  it('is the function the scheduledTrigger init added calls', () => {
    const manifest = parse(readFileSync(join(app, 'manifest.yml'), 'utf8'));
    const fn = manifest.modules.function.find(
      (f: { handler: string }) => f.handler === 'privacy-disclosure.personalData',
    );
    expect(manifest.modules.scheduledTrigger).toContainEqual(
      expect.objectContaining({ function: fn.key, interval: 'week' }),
    );
    expect(typeof personalData).toBe('function');
  });

  it('reports the account id of a review, and erases it once Atlassian says the account is closed', async () => {
    await lifecycle({ eventType: 'avi:forge:installed:app', app: { version: '1.2.0' } });
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, adminPage, handler as never);
    const version = view.data.version.version;
    const marked = await call(RESOLVER_KEYS.markReviewed, { version }, adminPage, handler as never);
    expect(marked.ok).toBe(true);

    // A week with no closed account: reported under the handler's storage prefix, nothing erased.
    expect(await personalData()).toEqual({ statusCode: 204 });
    expect(forge().personalData.reports).toEqual([
      [{ accountId: SITE_ADMIN.accountId, updatedAt: expect.any(String) }],
    ]);
    expect(storedText(forge())).toContain(SITE_ADMIN.accountId);

    forge().personalData.close(SITE_ADMIN.accountId);
    expect(await personalData()).toEqual({ statusCode: 204 });
    expect(storedText(forge())).not.toContain(SITE_ADMIN.accountId);
    const after = await call(RESOLVER_KEYS.getDisclosure, {}, reader, handler as never);
    expect(after.data.review.current).toEqual(
      expect.objectContaining({ version, accountId: CLOSED_ACCOUNT_ID }),
    );
  });
});
