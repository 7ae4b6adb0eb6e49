import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_CONTENT_HASH,
  BUNDLED_DECLARATION,
  BUNDLED_SOURCE,
} from '../../src/backend/bundled-declaration.generated.ts';
import {
  DEFAULT_SOURCE,
  OUTPUT,
  readBundleInput,
  renderModule,
} from '../../scripts/bundle-declaration.ts';
import { CURRENT_SCHEMA_VERSION } from '../../src/declaration/schema/declaration.ts';
import { readRepoFile } from '../examples/load-example.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('the bundled declaration', () => {
  it('is up to date with privacy/declaration.yaml (run `npm run build:declaration` if not)', async () => {
    const input = await readBundleInput(DEFAULT_SOURCE);
    if (!input.ok) throw new Error(input.messages.join('\n'));
    expect(BUNDLED_SOURCE).toBe(DEFAULT_SOURCE);
    expect(BUNDLED_DECLARATION).toEqual(input.declaration);
    expect(BUNDLED_CONTENT_HASH).toBe(input.contentHash);
    expect(readRepoFile(OUTPUT)).toBe(await renderModule(input));
  });

  it('is written in the current format, whatever schemaVersion the source file has', async () => {
    expect(BUNDLED_DECLARATION.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const dir = mkdtempSync(join(tmpdir(), 'bundle-declaration-'));
    try {
      // A vendor's file still in format 1: the generator writes the migrated declaration.
      const file = join(dir, 'declaration.yaml');
      writeFileSync(file, readRepoFile('test/fixtures/declarations-v1/exalate-cloud.yaml'));
      const input = await readBundleInput(relative(repoRoot, file));
      if (!input.ok) throw new Error(input.messages.join('\n'));
      expect(input.declaration.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(await renderModule(input)).toContain(`schemaVersion: ${CURRENT_SCHEMA_VERSION},`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is refused at build time with located messages when the declaration is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-declaration-'));
    try {
      const file = join(dir, 'declaration.yaml');
      const text = readRepoFile(DEFAULT_SOURCE).replace('basis: while-installed', 'basis: forever');
      writeFileSync(file, text);
      const run = promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'scripts/bundle-declaration.ts', file],
        { cwd: repoRoot },
      );
      const failure = await run.then(
        () => {
          throw new Error('the script accepted an invalid declaration');
        },
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure.code).toBe(1);
      expect(failure.stderr).toMatch(
        /declaration\.yaml:\d+:\d+ {2}dataCategories\[0\]\.retention\.basis/,
      );
      expect(failure.stderr).toContain('nothing was bundled');
      expect(readFileSync(join(repoRoot, OUTPUT), 'utf8')).toContain(BUNDLED_CONTENT_HASH);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
