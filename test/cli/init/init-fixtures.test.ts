/**
 * `privacy-disclosure init` on every fixture app, run through runInit as the CLI runs it: the
 * manifest Forge validates, everything the vendor wrote kept byte for byte, keys unique, the
 * starting declaration valid, a second run and --dry-run writing nothing.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { run } from '../../../src/cli/main.ts';
import { validateDeclarationText } from '../../../src/declaration/index.ts';
import {
  allKeys,
  captureIo,
  copyFixture,
  fakeUi,
  FIXTURE_SHAPES,
  FIXTURES,
  fixtureManifest,
  forgeValidate,
  linesNotKeptInOrder,
  onlyAdds,
  snapshot,
} from './helpers.ts';
import { declareWhatTheAppDoes } from '../build/true-declarations.ts';

const ui = fakeUi();
const made: string[] = [ui];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function init(dir: string, ...extra: string[]) {
  const io = captureIo();
  const code = await runInit(['--dir', dir, '--ui', ui, ...extra], io, { today: '2026-12-01' });
  return { code, out: io.out(), err: io.err() };
}

function fresh(name: string): string {
  const dir = copyFixture(name);
  made.push(dir);
  return dir;
}

it('has a fixture for every shape the issue names', () => {
  expect(FIXTURES).toEqual(Object.keys(FIXTURE_SHAPES).sort());
});

describe.each(FIXTURES)('init on %s', (name) => {
  const original = fixtureManifest(name);

  it('starts from a manifest Forge accepts', async () => {
    expect(await forgeValidate(fresh(name))).toEqual({ success: true, errors: [] });
  });

  it("gives a manifest Forge accepts, with the vendor's text kept line for line", async () => {
    const dir = fresh(name);
    const result = await init(dir);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(await forgeValidate(dir)).toEqual({ success: true, errors: [] });
    const after = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    expect(after).not.toBe(original);
    expect(linesNotKeptInOrder(original, after)).toEqual([]);
    expect(onlyAdds(parse(original), parse(after))).toEqual([]);
    // Forge wants module keys unique across the manifest; init keeps its own keys apart from
    // every key already used, resources and remotes included.
    const keys = allKeys(parse(after));
    const added = keys.filter((key) => !allKeys(parse(original)).includes(key));
    expect(added.length).toBeGreaterThan(0);
    expect(added.length).toBe(new Set(added).size);
    expect(keys.filter((key) => added.includes(key)).length).toBe(added.length);
  });

  it('adds pages for the products the app extends, all on one resolver and resource', async () => {
    const dir = fresh(name);
    await init(dir);
    const manifest = parse(readFileSync(join(dir, 'manifest.yml'), 'utf8'));
    const functions = manifest.modules.function as { key: string; handler: string }[];
    const resolver = functions.find((f) => f.handler === 'privacy-disclosure.handler')!.key;
    const lifecycle = functions.find((f) => f.handler === 'privacy-disclosure.lifecycle')!.key;
    expect(manifest.modules.trigger).toContainEqual(
      expect.objectContaining({
        function: lifecycle,
        events: ['avi:forge:installed:app', 'avi:forge:upgraded:app'],
      }),
    );
    const resource = manifest.resources.find(
      (r: { path: string }) => r.path === 'static/privacy-disclosure',
    ).key;
    const pageTypes = Object.entries(manifest.modules as Record<string, Record<string, unknown>[]>)
      .filter(([, list]) =>
        list.some((m) => (m.resolver as { function?: string })?.function === resolver),
      )
      .map(([type]) => type.split(':')[0]);
    expect([...new Set(pageTypes)].sort()).toEqual([...FIXTURE_SHAPES[name]!.products].sort());
    for (const list of Object.values(
      manifest.modules as Record<string, Record<string, unknown>[]>,
    )) {
      for (const page of list.filter(
        (m) => (m.resolver as { function?: string })?.function === resolver,
      )) {
        expect(page.resource).toBe(resource);
      }
    }
    expect(manifest.permissions.scopes).toContain('storage:app');
    const personalData = functions.find((f) => f.handler === 'privacy-disclosure.personalData')!;
    expect(manifest.modules.scheduledTrigger).toContainEqual({
      key: 'privacy-disclosure-personal-data',
      function: personalData.key,
      interval: 'week',
    });
    expect(manifest.permissions.scopes).toContain('report:personal-data');
    expect(manifest.permissions.content.styles).toContain('unsafe-inline');
    expect(existsSync(join(dir, 'static/privacy-disclosure/index.html'))).toBe(true);
  });

  it('writes a starting declaration that validates, naming the app', async () => {
    const dir = fresh(name);
    await init(dir);
    const text = readFileSync(join(dir, 'privacy/declaration.yaml'), 'utf8');
    const result = validateDeclarationText(text, 'privacy/declaration.yaml');
    expect(result.ok).toBe(true);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (result.ok) {
      expect(String(result.declaration.app.name).toLowerCase()).toBe(pkg.name.replace(/-/g, ' '));
      expect(result.declaration.app.products).toEqual(
        expect.arrayContaining(FIXTURE_SHAPES[name]!.products),
      );
    }
  });

  it('then builds: the declaration bundled beside the handler, with the admin pages init added', async () => {
    const dir = fresh(name);
    await init(dir);
    // build holds the declaration against manifest.yml: what each app reads and sends, declared.
    declareWhatTheAppDoes(dir, name);
    const io = captureIo();
    expect(await runBuild(['--dir', dir, '--ui', ui], io)).toBe(0);
    const handler = existsSync(join(dir, 'src/privacy-disclosure.ts')) ? 'ts' : 'js';
    const bundle = readFileSync(join(dir, `src/privacy-disclosure.generated.${handler}`), 'utf8');
    expect(bundle).toMatch(/^export const DECLARATION = \{$/m);
    const manifest = parse(readFileSync(join(dir, 'manifest.yml'), 'utf8'));
    const adminPages = (manifest.modules['jira:adminPage'] ?? [])
      .concat(manifest.modules['confluence:globalSettings'] ?? [])
      .filter((page: { resource?: string }) => page.resource?.startsWith('privacy-disclosure'))
      .map((page: { key: string }) => page.key);
    for (const key of adminPages) expect(bundle).toContain(JSON.stringify(key));
    // check holds the declaration init wrote against the manifest init wrote: no contradiction.
    const check = captureIo();
    const manifestPath = join(dir, 'manifest.yml');
    const declarationPath = join(dir, 'privacy/declaration.yaml');
    const code = await run(['check', '--manifest', manifestPath, declarationPath], check);
    expect(code, check.out() + check.err()).toBe(0);
  });

  it('changes nothing when run a second time', async () => {
    const dir = fresh(name);
    await init(dir);
    const before = snapshot(dir);
    const second = await init(dir);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/^privacy-disclosure init: nothing to change/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('with --dry-run prints each change as a diff and writes nothing', async () => {
    const dir = fresh(name);
    const before = snapshot(dir);
    const result = await init(dir, '--dry-run');
    expect(result.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(result.out).toContain('--- a/manifest.yml\n+++ b/manifest.yml\n@@ ');
    expect(result.out).toContain('--- /dev/null\n+++ b/privacy/declaration.yaml\n');
    expect(result.out).toMatch(/\+\+\+ b\/src\/privacy-disclosure\.(ts|js)\n/);
    expect(result.out).toMatch(/^\+\s+handler: privacy-disclosure\.handler$/m);
    // The weekly personal data report: its function, its scheduled trigger and its scope.
    expect(result.out).toMatch(/^\+\s+handler: privacy-disclosure\.personalData$/m);
    expect(result.out).toMatch(
      /^\+\s+- key: privacy-disclosure-personal-data\n\+\s+function: disclosure-accounts\n\+\s+interval: week$/m,
    );
    expect(result.out).toMatch(/^\+.*\breport:personal-data\b/m);
    expect(result.out).toMatch(/^\+export async function personalData\(\) \{$/m);
    expect(result.out).toContain('Nothing was written (--dry-run).');
  });

  it('refuses a manifest it cannot parse with file:line:column and writes nothing', async () => {
    const dir = fresh(name);
    const lines = original.split('\n');
    // A key indented one space less than its siblings, inside the first module list.
    const at = lines.findIndex((line) => /^\s+(title|resource): /.test(line));
    lines[at] = lines[at]!.replace(/^(\s+) /, '$1');
    writeFileSync(join(dir, 'manifest.yml'), lines.join('\n'));
    const before = snapshot(dir);
    const result = await init(dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^manifest\\.yml:${at + 1}:\\d+  \\S`, 'm'));
    expect(result.err).toContain('nothing was written');
    expect(snapshot(dir)).toEqual(before);
  });
});
