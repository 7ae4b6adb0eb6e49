import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_MANIFEST_FACTS } from '../../../src/backend/bundled-declaration.generated.ts';
import { createPreviewBackend } from '../../../src/local/preview/backend.ts';
import {
  ManifestFileError,
  previewManifest,
  readPreviewManifestFacts,
} from '../../../src/local/preview/manifest-facts.ts';
import { PREVIEW_MODULE_KEYS } from '../../../src/local/preview/module-keys.ts';
import { PREVIEW_USERS } from '../../../src/local/preview/model.ts';
import { loadExample } from '../../examples/load-example.ts';
import { ROOT } from './start-preview.ts';

// The preview publishes the facts of a manifest with the declaration it follows, so the local
// page shows "Checked against the app's manifest" as the deployed app does.

const WORKLOG = join(ROOT, 'test/fixtures/manifests/worklog-sync');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'preview-manifest-'));
  dirs.push(dir);
  return dir;
}

describe('the manifest the preview checks against', () => {
  it("is this app's manifest.yml, --manifest FILE, or none for another app's declaration", () => {
    expect(previewManifest({})).toEqual({ file: 'manifest.yml', required: false });
    expect(previewManifest({ declaration: 'other.yaml' })).toBeNull();
    expect(previewManifest({ declaration: 'other.yaml', manifest: 'app/manifest.yml' })).toEqual({
      file: 'app/manifest.yml',
      required: true,
    });
  });

  it('reads its facts; a named one that is missing or not YAML is refused with its path', async () => {
    const facts = await readPreviewManifestFacts(join(ROOT, 'manifest.yml'), 'manifest.yml', false);
    expect(facts).toEqual(BUNDLED_MANIFEST_FACTS);
    const dir = scratch();
    expect(await readPreviewManifestFacts(join(dir, 'manifest.yml'), 'manifest.yml', false)).toBe(
      null,
    );
    await expect(
      readPreviewManifestFacts(join(dir, 'manifest.yml'), 'app/manifest.yml', true),
    ).rejects.toThrow(/^Cannot read the manifest app\/manifest\.yml: /);
    writeFileSync(join(dir, 'bad.yml'), 'modules:\n  jira:adminPage: [\n');
    const refused = readPreviewManifestFacts(join(dir, 'bad.yml'), 'bad.yml', true);
    await expect(refused).rejects.toBeInstanceOf(ManifestFileError);
    await expect(refused).rejects.toThrow(/bad\.yml:\d+:\d+ {2}/);
  });

  it('publishes them with the declaration, and the page gets them from disclosure/get', async () => {
    const dir = scratch();
    const facts = await readPreviewManifestFacts(join(WORKLOG, 'manifest.yml'), 'm', true);
    const backend = await createPreviewBackend({
      persistFile: join(dir, 'kvs.json'),
      manifestFacts: facts,
    });
    try {
      await backend.publish(loadExample('test/fixtures/manifests/worklog-sync/declaration.yaml'));
      const answer = (await backend.invoke(
        'disclosure/get',
        {},
        {
          page: 'confluence-global',
          moduleKey: PREVIEW_MODULE_KEYS['confluence-global'],
          moduleType: 'confluence:globalPage',
          user: PREVIEW_USERS[0]!,
          locale: 'en-US',
          cloudId: 'local',
          siteUrl: 'http://localhost',
        },
      )) as { ok: boolean; data: { manifest: unknown } };
      expect(answer.ok).toBe(true);
      expect(answer.data.manifest).toEqual(facts);
    } finally {
      await backend.close();
    }
  });

  it('npm start exits 2 when --manifest names a file it cannot read', () => {
    const dir = scratch();
    const run = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      [
        join(ROOT, 'src/local/preview/main.ts'),
        '--declaration',
        join(ROOT, 'privacy/declaration.yaml'),
        '--manifest',
        'missing.yml',
      ],
      { cwd: dir, env: { ...process.env, PORT: '0' }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Cannot read the manifest missing.yml');
  });
});
