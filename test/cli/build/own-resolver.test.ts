/**
 * A vendor may serve the disclosure's pages from their own resolver (README: register its
 * definitions on it). The pages are still the disclosure's, known by the UI resource they show:
 * an admin page keeps its review rights, init adds no second page and no scope it already has,
 * and build says which function answers each page, warning when that function does not serve
 * the disclosure.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { captureIo, copyFixture, fakeUi, snapshot } from '../init/helpers.ts';

const ui = fakeUi();
const made: string[] = [ui];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function init(dir: string) {
  const io = captureIo();
  const code = await runInit(['--dir', dir, '--ui', ui], io, { today: '2026-12-01' });
  return { code, out: io.out(), err: io.err() };
}

async function build(dir: string) {
  const io = captureIo();
  const code = await runBuild(['--dir', dir, '--ui', ui], io);
  return { code, out: io.out(), err: io.err() };
}

async function adminKeys(dir: string) {
  const path = join(dir, 'src/privacy-disclosure.generated.ts');
  const copy = `${path}.${Date.now()}.mjs`;
  copyFileSync(path, copy);
  try {
    return (await import(pathToFileURL(copy).href)).ADMIN_MODULE_KEYS;
  } finally {
    rmSync(copy);
  }
}

const SETTINGS_PAGE = [
  '    - key: privacy-disclosure-confluence-global-settings',
  '      resource: privacy-disclosure-ui',
  '      resolver:',
  '        function: disclosure-resolver',
].join('\n');

/** The Team Glossary app after init, with its admin page moved to the glossary's own resolver. */
async function servedByGlossaryResolver(): Promise<{ dir: string; manifest: string }> {
  const dir = copyFixture('confluence-glossary');
  made.push(dir);
  expect((await init(dir)).code).toBe(0);
  const before = readFileSync(join(dir, 'manifest.yml'), 'utf8');
  expect(before).toContain(SETTINGS_PAGE);
  const manifest = before.replace(
    SETTINGS_PAGE,
    SETTINGS_PAGE.replace('function: disclosure-resolver', 'function: glossary-resolver'),
  );
  writeFileSync(join(dir, 'manifest.yml'), manifest);
  return { dir, manifest };
}

/** The glossary's resolver with the disclosure registered on it, from a module of its own. */
function registerOnGlossaryResolver(dir: string): void {
  writeFileSync(
    join(dir, 'src/disclosure.ts'),
    [
      "import { createDisclosureBackend } from 'privacy-disclosure/backend';",
      "import { ADMIN_MODULE_KEYS, DECLARATION } from './privacy-disclosure.generated';",
      '',
      'export const disclosure = createDisclosureBackend({',
      '  declaration: DECLARATION,',
      '  adminModuleKeys: ADMIN_MODULE_KEYS,',
      '});',
      '',
    ].join('\n'),
  );
  const index = join(dir, 'src/index.ts');
  writeFileSync(
    index,
    readFileSync(index, 'utf8')
      .replace(
        "import { kvs } from '@forge/kvs';\n",
        "import { kvs } from '@forge/kvs';\nimport { disclosure } from './disclosure';\n",
      )
      .replace('export const handler', 'disclosure.register(resolver);\n\nexport const handler'),
  );
}

describe("the disclosure's admin page on the vendor's own resolver", () => {
  it('keeps its review rights, and build names the function that answers it', async () => {
    const { dir } = await servedByGlossaryResolver();
    registerOnGlossaryResolver(dir);
    const result = await build(dir);
    expect(result.err).not.toMatch(/warning: confluence:globalSettings/);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'Reviews can be recorded from: Confluence privacy-disclosure-confluence-global-settings (function glossary-resolver).',
    );
    expect(await adminKeys(dir)).toEqual({
      jira: [],
      confluence: ['privacy-disclosure-confluence-global-settings'],
    });
  });

  it('is the only admin page init keeps: a second run adds nothing', async () => {
    const { dir } = await servedByGlossaryResolver();
    const before = snapshot(dir);
    const again = await init(dir);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^privacy-disclosure init: nothing to change/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('warns, at its resolver, when that function does not serve the disclosure', async () => {
    const { dir, manifest } = await servedByGlossaryResolver();
    const result = await build(dir);
    expect(result.code).toBe(0);
    const lines = manifest.split('\n');
    const at = lines.findIndex(
      (text, index) =>
        text === '        function: glossary-resolver' &&
        lines[index - 3] === '    - key: privacy-disclosure-confluence-global-settings',
    );
    expect(at).toBeGreaterThan(0);
    expect(result.err).toMatch(
      new RegExp(
        `^manifest\\.yml:${at + 1}:9 {2}warning: confluence:globalSettings privacy-disclosure-confluence-global-settings shows the disclosure's UI, but its function glossary-resolver \\(handler index\\.handler\\) does not import privacy-disclosure/backend, so the page cannot load the declaration or record reviews\\. Set its resolver\\.function to disclosure-resolver`,
        'm',
      ),
    );
    expect(result.out).toContain(
      'Reviews can be recorded from: Confluence privacy-disclosure-confluence-global-settings (function glossary-resolver; see the warning above).',
    );
  });

  it("needs no disclosure resolver function when every page is on the vendor's", async () => {
    const { dir, manifest } = await servedByGlossaryResolver();
    registerOnGlossaryResolver(dir);
    // The reader page too, and then the disclosure's own resolver function is not needed.
    const allOnGlossary = manifest
      .replace(/function: disclosure-resolver/g, 'function: glossary-resolver')
      .replace(
        '    # Privacy Disclosure: the resolver of its pages (src/privacy-disclosure)\n    - key: disclosure-resolver\n      handler: privacy-disclosure.handler\n',
        '',
      );
    expect(allOnGlossary).not.toContain('disclosure-resolver');
    writeFileSync(join(dir, 'manifest.yml'), allOnGlossary);
    const before = snapshot(dir);
    expect((await init(dir)).out).toMatch(/^privacy-disclosure init: nothing to change/);
    expect(snapshot(dir)).toEqual(before);
    const result = await build(dir);
    // No warning about the manifest's pages (the truth check's findings are lines of their own).
    expect(result.err).not.toMatch(/^manifest\.yml:\d+:\d+ {2}warning:/m);
    expect(result.code).toBe(0);
    expect(await adminKeys(dir)).toEqual({
      jira: [],
      confluence: ['privacy-disclosure-confluence-global-settings'],
    });
  });
});
