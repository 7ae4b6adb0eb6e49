import { RESOLVER_KEYS, readManifestFacts, type Declaration } from '@declaration';
import { publishedManifestFacts } from '@declaration/manifest/published.ts';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createDisclosureBackend } from '../../src/backend/create-backend.ts';
import { prerender } from '../../static/disclosure/src/prerender.tsx';
import { MODULE_KEYS, READER, useLocalForge } from '../backend/forge-harness.ts';
import { loadExample, readRepoFile } from '../examples/load-example.ts';

// The first paint says which version it was rendered from by the content hash the backend
// publishes that version under; the page compares the two, so they must be the same function.

const { call } = useLocalForge();

function factsOf(path: string) {
  const read = readManifestFacts(readRepoFile(path));
  if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
  return publishedManifestFacts(read.facts);
}

/** Publishes `declaration` with `facts` as on install and reads what a page view is served. */
async function published(declaration: Declaration, facts?: ReturnType<typeof factsOf>) {
  const disclosure = createDisclosureBackend({
    declaration,
    adminModuleKeys: { jira: [MODULE_KEYS.jiraAdminPage] },
    ...(facts !== undefined && { manifestFacts: facts }),
  });
  expect((await disclosure.lifecycle({ app: { version: '1.0.0' } })).published).toBe(true);
  const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER, disclosure.handler);
  expect(view.ok).toBe(true);
  return view.data as { version: { contentHash: string }; declaration: Declaration };
}

let errors: MockInstance<typeof console.error>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

describe('the first paint’s content hash', () => {
  it('is the one the backend stores when it publishes the same declaration and facts', async () => {
    const worklog = loadExample('test/fixtures/manifests/worklog-sync/declaration.yaml');
    const facts = factsOf('test/fixtures/manifests/worklog-sync/manifest.yml');
    const served = await published(worklog, facts);
    const paint = await prerender(worklog, facts, { locale: 'en-US' });
    expect(paint.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(paint.contentHash).toBe(served.version.contentHash);
  });

  it('is the backend’s for a declaration published without facts, and differs from it with them', async () => {
    const own = loadExample('privacy/declaration.yaml');
    const served = await published(own);
    const plain = await prerender(own, null, { locale: 'en-US' });
    expect(plain.contentHash).toBe(served.version.contentHash);
    const facts = factsOf('manifest.yml');
    const checked = await prerender(own, facts, { locale: 'en-US' });
    expect(checked.contentHash).not.toBe(plain.contentHash);
  });

  it('does not depend on the locale the first paint is written in', async () => {
    const exalate = loadExample('examples/exalate-cloud.yaml');
    const english = await prerender(exalate, null, { locale: 'en-US' });
    const japanese = await prerender(exalate, null, { locale: 'ja-JP' });
    expect(japanese.html).not.toBe(english.html);
    expect(japanese.contentHash).toBe(english.contentHash);
  });
});
