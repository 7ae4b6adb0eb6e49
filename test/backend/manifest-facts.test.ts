import { RESOLVER_KEYS, readManifestFacts } from '@declaration';
import { publishedManifestFacts } from '@declaration/manifest/published.ts';
import { kvs } from '@forge/kvs';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { createDisclosureBackend } from '../../src/backend/create-backend.ts';
import { DEFAULT_KEYS as K } from '../../src/backend/keys.ts';
import { loadExample, readRepoFile } from '../examples/load-example.ts';
import { MODULE_KEYS, READER, useLocalForge } from './forge-harness.ts';

// The facts of the app's manifest are part of each published version: stored with it, served
// with it, covered by its hash, and compared by the diff.

const { call } = useLocalForge();
const worklog = loadExample('test/fixtures/manifests/worklog-sync/declaration.yaml');

function factsOf(path: string) {
  const read = readManifestFacts(readRepoFile(path));
  if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
  return publishedManifestFacts(read.facts);
}

const FIRST = factsOf('test/fixtures/manifests/worklog-sync/manifest.yml');
// Worklog Sync 2.0 adds a backend egress to hooks.slack.com, a web font and a JSM scope.
const SECOND = factsOf('test/fixtures/manifests/worklog-sync/manifest-2.0.yml');

function backend(manifestFacts?: unknown) {
  return createDisclosureBackend({
    declaration: worklog,
    adminModuleKeys: { jira: [MODULE_KEYS.jiraAdminPage] },
    ...(manifestFacts !== undefined && { manifestFacts }),
  });
}

let errors: MockInstance<typeof console.error>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errors.mockRestore());

describe('manifest facts published with a version', () => {
  it('are served by disclosure/get and versions/get as the build bundled them', async () => {
    const disclosure = backend(FIRST);
    expect((await disclosure.lifecycle({ app: { version: '1.0.0' } })).published).toBe(true);
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER, disclosure.handler);
    expect(view.ok).toBe(true);
    expect(view.data.manifest).toEqual(FIRST);
    expect(view.data.manifest.egress).toContainEqual({
      kind: 'fetch.backend',
      host: 'api.timesheets.example-sync.com',
      inScopeEUD: true,
    });
    expect(view.data.manifest.runsOnAtlassian.eligible).toBe(false);
    const detail = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER, disclosure.handler);
    expect(detail.data.manifest).toEqual(FIRST);
    // Stored with their own record version inside the version record.
    const record = await kvs.get<{ manifest: { recordVersion: number } }>(K.meta(1));
    expect(record?.manifest.recordVersion).toBe(1);
  });

  it('publish a new version when only the manifest changed, and the diff names the new domain', async () => {
    const disclosure = backend();
    await disclosure.publish(worklog, '1.0.0', FIRST);
    const again = await disclosure.publish(worklog, '1.0.1', FIRST);
    expect(again).toMatchObject({ published: false, version: { version: 1 } });
    const upgrade = await disclosure.publish(worklog, '2.0.0', SECOND);
    expect(upgrade).toMatchObject({ published: true, version: { version: 2 } });
    expect(upgrade.version.contentHash).not.toBe(again.version.contentHash);

    const diff = await call(
      RESOLVER_KEYS.diffVersions,
      { from: 1, to: 2 },
      READER,
      disclosure.handler,
    );
    expect(diff.ok).toBe(true);
    const manifest = diff.data.entries.filter(
      (entry: { section: string }) => entry.section === 'manifest',
    );
    expect(manifest).toEqual([
      {
        section: 'manifest',
        kind: 'added',
        key: 'egress:fetch.backend:hooks.slack.com',
        label: 'hooks.slack.com',
        fields: [],
      },
      {
        section: 'manifest',
        kind: 'added',
        key: 'egress:fonts:fonts.gstatic.com',
        label: 'fonts.gstatic.com',
        fields: [],
      },
    ]);
    // Nothing else changed: the declaration is the same.
    expect(diff.data.counts).toEqual({ added: 2, removed: 0, changed: 0 });
  });

  it('leave an older version without them readable: "not checked against a manifest"', async () => {
    const disclosure = backend();
    await disclosure.publish(worklog, '0.9.0', null);
    await disclosure.publish(worklog, '1.0.0', FIRST);
    const older = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER, disclosure.handler);
    expect(older.ok).toBe(true);
    expect(older.data.manifest).toBeNull();
    const diff = await call(
      RESOLVER_KEYS.diffVersions,
      { from: 1, to: 2 },
      READER,
      disclosure.handler,
    );
    expect(diff.data.entries).toEqual([
      expect.objectContaining({ section: 'manifest', kind: 'added', key: 'manifest' }),
    ]);
  });

  it('are covered by the hash: facts changed in storage are damage, never served', async () => {
    const disclosure = backend(FIRST);
    await disclosure.lifecycle({ app: { version: '1.0.0' } });
    const record = (await kvs.get<{ manifest: { egress: unknown[] } }>(K.meta(1)))!;
    const tampered = { ...record, manifest: { ...record.manifest, egress: [] } };
    await kvs.set(K.meta(1), tampered);
    await kvs.set(K.published(1), { ...tampered, published: [[1, 1]] });
    await kvs.set(K.current, { ...tampered, published: [[1, 1]] });
    const view = await call(RESOLVER_KEYS.getVersion, { version: 1 }, READER, disclosure.handler);
    expect(view.ok).toBe(false);
    expect(view.error.code).toBe('CORRUPT_DATA');
  });

  it('of a newer record version are refused as written by a newer release, not as damage', async () => {
    const disclosure = backend(FIRST);
    await disclosure.lifecycle({ app: { version: '1.0.0' } });
    for (const key of [K.meta(1), K.published(1), K.current]) {
      const record = (await kvs.get<{ manifest: object }>(key))!;
      await kvs.set(key, { ...record, manifest: { ...record.manifest, recordVersion: 2 } });
    }
    const view = await call(RESOLVER_KEYS.getDisclosure, {}, READER, disclosure.handler);
    expect(view.ok).toBe(false);
    expect(view.error.code).toBe('UNSUPPORTED_VERSION');
    expect(view.error.message).toContain('manifest facts record');
  });

  it('are checked when the backend is created, naming the option at fault', () => {
    expect(() => backend({ ...FIRST, egress: [{ kind: 'telepathy', host: 'x' }] })).toThrow(
      /createDisclosureBackend: manifestFacts\.egress\.0\.kind .*MANIFEST_FACTS/,
    );
  });
});
