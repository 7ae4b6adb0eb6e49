import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PrivacyAndSecurityPayload } from '@declaration/export/marketplace-api-schema.ts';
import { cli, inProcess } from './run-cli.ts';

const THIS_APP = 'privacy/declaration.yaml';
const scratch = mkdtempSync(join(tmpdir(), 'export-marketplace-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('export --format marketplace', () => {
  it('writes { payload, openQuestions }, the payload in the shape of the Marketplace API, from the installed command', () => {
    const run = cli('export', '--format', 'marketplace', 'examples/exalate-cloud.yaml');
    expect(run.code).toBe(0);
    const written = JSON.parse(run.stdout);
    expect(Object.keys(written)).toEqual(['payload', 'openQuestions']);
    expect(PrivacyAndSecurityPayload.safeParse(written.payload).success).toBe(true);
    expect(written.openQuestions.length).toBeGreaterThan(0);
    expect(written.openQuestions[0]).toHaveProperty('answeredBy');
  });

  it('reads --manifest: a remote refutes "stored only in Atlassian", named by its line', async () => {
    const without = JSON.parse(
      (await inProcess('export', '--format', 'marketplace', THIS_APP)).stdout,
    );
    expect(
      without.payload.appTrustInformation.dataAccessAndStorage.appStoresEUDOutsideAtlassian,
    ).toBe(false);
    const run = await inProcess(
      'export',
      '--format',
      'marketplace',
      '--manifest',
      'test/fixtures/manifests/this-app/manifest-with-remote.yml',
      THIS_APP,
    );
    expect(run.code).toBe(0);
    const written = JSON.parse(run.stdout);
    const field = 'appTrustInformation.dataAccessAndStorage.appStoresEUDOutsideAtlassian';
    const question = written.openQuestions.find((q: { field: string }) => q.field === field);
    expect(question.reason).toBe('contradicted-by-manifest');
    expect(question.manifest[0].line).toBeGreaterThan(0);
  });

  it('keeps the readable questions and answers as marketplace-text', async () => {
    const run = await inProcess('export', '--format', 'marketplace-text', THIS_APP);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Q: Does your app access End-User Data\?\nA: /);
  });

  it('refuses --manifest for other formats, and writes nothing when the manifest cannot be read', async () => {
    const other = await inProcess(
      'export',
      '--format',
      'csv',
      '--manifest',
      'manifest.yml',
      THIS_APP,
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--manifest is read only by --format marketplace');
    const broken = join(scratch, 'manifest.yml');
    writeFileSync(broken, 'modules: [\n');
    const out = join(scratch, 'payload.json');
    const run = await inProcess(
      'export',
      '--format',
      'marketplace',
      '-m',
      broken,
      '-o',
      out,
      THIS_APP,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`not exported: the manifest ${broken} cannot be read`);
    expect(run.stderr).toMatch(/manifest\.yml:\d+:\d+/);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
