/**
 * The files init and build write into a vendor's app work together with the real backend: the
 * handler file init wrote, importing the module build wrote, publishes the declaration on
 * install and lets only the disclosure's admin pages record reviews, over the local Forge
 * runtime and the real @forge/kvs SDK. The package's backend is the one in src/backend/ (the
 * handler's `privacy-disclosure/backend` import is pointed there).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { MEMBER, SITE_ADMIN, useLocalForge } from '../../backend/forge-harness.ts';
import { captureIo, copyFixture, fakeUi, REPO_ROOT } from '../init/helpers.ts';
import { exampleWithDisclosure } from './true-declarations.ts';

const ui = fakeUi();
const app = copyFixture('multi-product-links');
afterAll(() => [ui, app].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

type Handler = (invocation: unknown, runtime?: unknown) => Promise<unknown>;
let handler: Handler;
let lifecycle: (event: unknown) => Promise<unknown>;

beforeAll(async () => {
  expect(await runInit(['--dir', app, '--ui', ui], captureIo(), { today: '2026-12-01' })).toBe(0);
  // Exalate's declaration with the disclosure's own storage, as build holds it to manifest.yml.
  exampleWithDisclosure(app, 'examples/exalate-cloud.yaml');
  expect(await runBuild(['--dir', app, '--ui', ui], captureIo())).toBe(0);
  // The handler as init wrote it, with the package import pointed at this repository's backend.
  const written = readFileSync(join(app, 'src/privacy-disclosure.js'), 'utf8');
  const backend = join(REPO_ROOT, 'src/backend/index.ts');
  expect(written).toContain("from 'privacy-disclosure/backend'");
  const entry = join(app, 'src/privacy-disclosure.under-test.js');
  writeFileSync(entry, written.replace("'privacy-disclosure/backend'", JSON.stringify(backend)));
  const module = await import(entry);
  handler = module.handler;
  lifecycle = module.lifecycle;
});

describe('the handler file on the real backend', () => {
  const { call } = useLocalForge();

  it('publishes the bundled declaration on install and shows it on every page', async () => {
    const published = (await lifecycle({
      eventType: 'avi:forge:installed:app',
      app: { version: '1.2.0' },
    })) as {
      published: boolean;
    };
    expect(published.published).toBe(true);
    const view = await call(
      'disclosure/get',
      {},
      { moduleKey: 'privacy-disclosure-confluence-global-page', user: MEMBER },
      handler as never,
    );
    expect(view.ok).toBe(true);
    const example = parse(readFileSync(join(REPO_ROOT, 'examples/exalate-cloud.yaml'), 'utf8'));
    expect(view.data.declaration.app.name).toBe(example.app.name);
    expect(view.data.canReview).toBe(false);
    // The handler passes the facts build bundled: the page says what was checked.
    const generated = await import(join(app, 'src/privacy-disclosure.generated.js'));
    expect(view.data.manifest).toEqual(generated.MANIFEST_FACTS);
    expect(view.data.manifest.storage.keyValueStore).toBe(true);
  });

  it('lets an admin record a review from the admin pages init added, and nobody from a reader page', async () => {
    await lifecycle({ eventType: 'avi:forge:installed:app', app: { version: '1.2.0' } });
    const adminPage = { moduleKey: 'privacy-disclosure-jira-admin-page', user: SITE_ADMIN };
    const view = await call('disclosure/get', {}, adminPage, handler as never);
    expect(view.data.canReview).toBe(true);
    const version = view.data.version.version;
    expect((await call('review/mark', { version }, adminPage, handler as never)).ok).toBe(true);
    const fromReader = await call(
      'review/mark',
      { version },
      { moduleKey: 'privacy-disclosure-jira-global-page', user: SITE_ADMIN },
      handler as never,
    );
    expect(fromReader.ok).toBe(false);
    const byMember = await call(
      'review/mark',
      { version },
      { moduleKey: 'privacy-disclosure-confluence-global-settings', user: MEMBER },
      handler as never,
    );
    expect(byMember.ok).toBe(false);
  });
});
