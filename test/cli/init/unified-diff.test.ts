/**
 * The diff `init --dry-run` prints reads like `diff -u`: the same hunks, line for line, as the
 * system's diff prints for the manifest init plans, and whole-file hunks for new files.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planManifest } from '../../../src/cli/init/manifest/plan-manifest.ts';
import { readManifest } from '../../../src/cli/init/manifest/read-manifest.ts';
import { unifiedDiff } from '../../../src/cli/init/unified-diff.ts';
import { FIXTURES, fixtureManifest, scratch } from './helpers.ts';

const dir = scratch('diff');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function systemDiff(before: string, after: string): string {
  writeFileSync(join(dir, 'before'), before);
  writeFileSync(join(dir, 'after'), after);
  const result = spawnSync('diff', ['-u', join(dir, 'before'), join(dir, 'after')], {
    encoding: 'utf8',
  });
  // Drop diff's own --- and +++ lines, which name the scratch files and their times.
  return result.stdout.split('\n').slice(2).join('\n');
}

function planned(name: string): string {
  const read = readManifest(fixtureManifest(name));
  if (!read.ok) throw new Error(name);
  const result = planManifest(read.manifest);
  if (!result.ok) throw new Error(name);
  return result.plan.text;
}

describe('unifiedDiff', () => {
  it.each(FIXTURES)('prints the hunks diff -u prints for the manifest of %s', (name) => {
    const before = fixtureManifest(name);
    const after = planned(name);
    const diff = unifiedDiff('manifest.yml', before, after);
    expect(diff.startsWith('--- a/manifest.yml\n+++ b/manifest.yml\n')).toBe(true);
    expect(diff.split('\n').slice(2).join('\n')).toBe(systemDiff(before, after));
  });

  it('shows a new file as one hunk from /dev/null', () => {
    expect(
      unifiedDiff('privacy/declaration.yaml', undefined, 'schemaVersion: 1\nvendor: {}\n'),
    ).toBe(
      '--- /dev/null\n+++ b/privacy/declaration.yaml\n@@ -0,0 +1,2 @@\n+schemaVersion: 1\n+vendor: {}\n',
    );
  });

  it('is empty when nothing changes', () => {
    expect(unifiedDiff('manifest.yml', 'app: {}\n', 'app: {}\n')).toBe('');
  });
});
