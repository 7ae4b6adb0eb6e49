/**
 * Shared by the init and build tests: the fixture apps copied into scratch folders, a stand-in
 * for the package's prebuilt UI, captured output, Forge's own manifest validation, and a reading
 * of every file under a folder to show that nothing changed.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '@forge/manifest';
import type { CliIo } from '../../../src/cli/io.ts';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const FIXTURES_DIR = join(REPO_ROOT, 'test/fixtures/forge-apps');

/** The fixture apps in test/fixtures/forge-apps. */
export const FIXTURES = readdirSync(FIXTURES_DIR).sort();

/** What each fixture is, and the products init should find in it. */
export const FIXTURE_SHAPES: Record<string, { shape: string; products: string[] }> = {
  'uikit-issue-panel': { shape: 'UI Kit (render: native), JavaScript', products: ['jira'] },
  'confluence-glossary': { shape: 'Custom UI with its own resolver', products: ['confluence'] },
  'release-radar': { shape: 'remotes and egress, one jira:globalPage', products: ['jira'] },
  'compass-scorecards': { shape: 'Compass', products: ['compass'] },
  'jsm-request-checklist': { shape: 'Jira Service Management', products: ['jira'] },
  'existing-admin-page': { shape: 'an existing jira:adminPage', products: ['jira'] },
  'multi-product-links': { shape: 'Jira and Confluence', products: ['jira', 'confluence'] },
};

/** A scratch folder that is removed by the caller (see `scratchDirs`). */
export function scratch(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** Copies a fixture app into a new scratch folder and returns its path. */
export function copyFixture(name: string): string {
  const dir = scratch(`init-${name}`);
  cpSync(join(FIXTURES_DIR, name), dir, { recursive: true });
  return dir;
}

/** The fixture's manifest.yml as committed. */
export function fixtureManifest(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name, 'manifest.yml'), 'utf8');
}

/**
 * A built Custom UI folder standing in for the package's prebuilt UI, so that the tests do not
 * depend on `npm run build:ui` having run.
 */
export function fakeUi(): string {
  const dir = scratch('prebuilt-ui');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy disclosure</title><script type="module" src="./assets/index.js"></script></head><body><div id="root"></div></body></html>\n',
  );
  writeFileSync(
    join(dir, 'assets/index.js'),
    'document.getElementById("root").textContent = "disclosure";\n',
  );
  return dir;
}

/** Output written to stdout and stderr, collected. */
export function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    out: () => out,
    err: () => err,
  };
}

/** Forge's manifest validation of the app in `dir` (it checks handler files and resources). */
export async function forgeValidate(dir: string) {
  const result = await validate(false, join(dir, 'manifest.yml'));
  return { success: result.success, errors: result.errors ?? [] };
}

/** Every file under `dir` with its bytes, by relative path, to compare before and after. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = readFileSync(path).toString('base64');
  }
  return files;
}

/** Every key the manifest's modules and resources use, with repeats. */
export function allKeys(manifest: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const list of Object.values((manifest.modules ?? {}) as Record<string, { key: string }[]>)) {
    keys.push(...list.map((entry) => entry.key));
  }
  keys.push(...((manifest.resources ?? []) as { key: string }[]).map((entry) => entry.key));
  keys.push(...((manifest.remotes ?? []) as { key: string }[]).map((entry) => entry.key));
  return keys;
}

/**
 * Fails unless `after` only adds to `before`: every mapping key of `before` is still there with
 * a value that only adds, every list of `before` starts `after`'s list in the same order, and
 * every scalar is unchanged.
 */
export function onlyAdds(before: unknown, after: unknown, path = ''): string[] {
  if (Array.isArray(before)) {
    if (!Array.isArray(after)) return [`${path}: was a list`];
    if (after.length < before.length) return [`${path}: lost items`];
    return before.flatMap((item, index) => onlyAdds(item, after[index], `${path}[${index}]`));
  }
  if (before !== null && typeof before === 'object') {
    if (after === null || typeof after !== 'object' || Array.isArray(after))
      return [`${path}: was a mapping`];
    return Object.entries(before).flatMap(([key, value]) =>
      key in after
        ? onlyAdds(value, (after as Record<string, unknown>)[key], `${path}.${key}`)
        : [`${path}.${key}: removed`],
    );
  }
  return Object.is(before, after)
    ? []
    : [`${path}: ${JSON.stringify(before)} became ${JSON.stringify(after)}`];
}

/**
 * The lines of `before` that are missing from `after` in order (empty: all kept, in order). A
 * flow list or mapping (`scopes: [a, b]`) can only grow inside its line, so such a line counts
 * as kept when `after` has it with entries added before its closing bracket.
 */
export function linesNotKeptInOrder(before: string, after: string): string[] {
  const kept = after.split('\n');
  let cursor = 0;
  const missing: string[] = [];
  for (const line of before.split('\n')) {
    let found = kept.indexOf(line, cursor);
    const close = Math.max(line.lastIndexOf(']'), line.lastIndexOf('}'));
    if (found === -1 && close > 0) {
      const [head, tail] = [line.slice(0, close), line.slice(close)];
      found = kept.findIndex(
        (candidate, index) =>
          index >= cursor && candidate.startsWith(head) && candidate.endsWith(tail),
      );
    }
    if (found === -1) missing.push(line);
    else cursor = found + 1;
  }
  return missing;
}
