/**
 * `privacy-disclosure build` in a fixture app after init: the bundled module holds the validated
 * declaration, the manifest's facts and the admin pages from manifest.yml, the UI copy is
 * refreshed, and a bad declaration or an app without init writes nothing. Each app's declaration
 * is made true of its manifest first (`true-declarations.ts`): build holds them against each other.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import { withoutFirstPaint } from '../../../src/cli/build/prerender-ui.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { canonicalJson } from '../../../src/declaration/canonical.ts';
import { readManifestFacts, validateDeclarationText } from '../../../src/declaration/index.ts';
import {
  publishedContentHash,
  publishedManifestFacts,
} from '../../../src/declaration/manifest/published.ts';
import {
  captureIo,
  copyFixture,
  fakeUi,
  forgeValidate,
  REPO_ROOT,
  snapshot,
} from '../init/helpers.ts';
import { declareWhatTheAppDoes, exampleWithDisclosure } from './true-declarations.ts';

const ui = fakeUi();
const made: string[] = [ui];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function initialised(name: string, declaration?: string): Promise<string> {
  const dir = copyFixture(name);
  made.push(dir);
  expect(await runInit(['--dir', dir, '--ui', ui], captureIo(), { today: '2026-12-01' })).toBe(0);
  if (declaration) exampleWithDisclosure(dir, declaration);
  else declareWhatTheAppDoes(dir, name);
  return dir;
}

async function build(dir: string, ...extra: string[]) {
  const io = captureIo();
  const code = await runBuild(['--dir', dir, '--ui', ui, ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

/** The bundled module, imported as Forge's bundler would see its exports. */
async function bundled(path: string) {
  const copy = `${path}.${Date.now()}.mjs`;
  copyFileSync(path, copy);
  try {
    return await import(pathToFileURL(copy).href);
  } finally {
    rmSync(copy);
  }
}

describe('build after init', () => {
  it('bundles the validated declaration and the admin pages into the module the handler imports', async () => {
    const dir = await initialised('multi-product-links', 'examples/exalate-cloud.yaml');
    const result = await build(dir);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^Bundled privacy\/declaration\.yaml \(sha256 [0-9a-f]{12}…\) into src\/privacy-disclosure\.generated\.js\./,
    );
    const handler = readFileSync(join(dir, 'src/privacy-disclosure.js'), 'utf8');
    expect(handler).toContain("from './privacy-disclosure.generated';");
    const module = await bundled(join(dir, 'src/privacy-disclosure.generated.js'));
    const expected = validateDeclarationText(
      readFileSync(join(dir, 'privacy/declaration.yaml'), 'utf8'),
      'x',
    );
    if (!expected.ok) throw new Error('the example must be valid');
    expect(module.DECLARATION).toEqual(JSON.parse(canonicalJson(expected.declaration)));
    const manifest = readManifestFacts(readFileSync(join(dir, 'manifest.yml'), 'utf8'));
    if (!manifest.ok) throw new Error('the fixture manifest must be readable');
    expect(module.MANIFEST_FACTS).toEqual(
      JSON.parse(canonicalJson(publishedManifestFacts(manifest.facts))),
    );
    expect(module.CONTENT_HASH).toBe(
      await publishedContentHash(canonicalJson(expected.declaration), module.MANIFEST_FACTS),
    );
    expect(result.out).toContain(
      'Checked against manifest.yml: no contradictions, 2 warnings; Runs on Atlassian: yes.',
    );
    expect(handler).toContain('manifestFacts: MANIFEST_FACTS,');
    expect(module.APP_VERSION).toBe('1.2.0');
    expect(module.ADMIN_MODULE_KEYS).toEqual({
      jira: ['privacy-disclosure-jira-admin-page'],
      confluence: ['privacy-disclosure-confluence-global-settings'],
    });
    expect(result.out).toContain(
      'Reviews can be recorded from: Jira privacy-disclosure-jira-admin-page (function disclosure-resolver), Confluence privacy-disclosure-confluence-global-settings (function disclosure-resolver).',
    );
    expect(await forgeValidate(dir)).toEqual({ success: true, errors: [] });
  });

  it('writes a TypeScript module beside a TypeScript handler, with no admin pages for Compass', async () => {
    const typescript = await initialised('jsm-request-checklist');
    expect((await build(typescript)).code).toBe(0);
    expect(existsSync(join(typescript, 'src/privacy-disclosure.generated.ts'))).toBe(true);
    const compass = await initialised('compass-scorecards');
    const result = await build(compass);
    const module = await bundled(join(compass, 'src/privacy-disclosure.generated.js'));
    expect(module.ADMIN_MODULE_KEYS).toEqual({ jira: [], confluence: [] });
    expect(result.out).toContain('Reviews can be recorded from: no page (reader pages only).');
  });

  it("warns while the declaration is still init's starting one", async () => {
    const dir = await initialised('confluence-glossary');
    const result = await build(dir);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(
      /^privacy\/declaration\.yaml:1:1 {2}warning: this is still init's starting declaration/m,
    );
  });

  it('bundles another file with --declaration, and leaves an unchanged bundle alone', async () => {
    const dir = await initialised('existing-admin-page');
    const first = await build(dir, '--declaration', join(REPO_ROOT, 'privacy/declaration.yaml'));
    expect(first.code).toBe(0);
    const module = readFileSync(join(dir, 'src/privacy-disclosure.generated.ts'), 'utf8');
    expect(module).toContain('"name": "Privacy Disclosure"');
    const again = await build(dir, '--declaration', join(REPO_ROOT, 'privacy/declaration.yaml'));
    expect(again.out).toContain('(unchanged)');
  });

  it('refreshes the UI copy from the package', async () => {
    const dir = await initialised('uikit-issue-panel');
    writeFileSync(join(dir, 'static/privacy-disclosure/index.html'), 'stale\n');
    expect((await build(dir)).code).toBe(0);
    // With the first paint of the declaration it bundles, when the pre-render module is built
    // (test/cli/build/prerender.test.ts); the rest is the package's page.
    expect(
      withoutFirstPaint(readFileSync(join(dir, 'static/privacy-disclosure/index.html'), 'utf8')),
    ).toBe(readFileSync(join(ui, 'index.html'), 'utf8'));
  });
});

describe('build writes nothing when', () => {
  it('the declaration is invalid, and says where', async () => {
    const dir = await initialised('release-radar');
    writeFileSync(
      join(dir, 'privacy/declaration.yaml'),
      readFileSync(join(dir, 'privacy/declaration.yaml'), 'utf8').replace(
        'basis: while-installed',
        'basis: forever',
      ),
    );
    const before = snapshot(dir);
    const result = await build(dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^privacy\/declaration\.yaml:\d+:\d+ {2}dataCategories\[0\]\.retention\.basis {2}/m,
    );
    expect(result.err).toContain('nothing was bundled');
    expect(snapshot(dir)).toEqual(before);
  });

  it('init has not run', async () => {
    const dir = copyFixture('uikit-issue-panel');
    made.push(dir);
    const before = snapshot(dir);
    const result = await build(dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /no Privacy Disclosure function .*run privacy-disclosure init first/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('the UI folder is not its copy', async () => {
    const dir = await initialised('confluence-glossary');
    rmSync(join(dir, 'static/privacy-disclosure/.privacy-disclosure-ui.json'));
    const before = snapshot(dir);
    const result = await build(dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/static\/privacy-disclosure is not the disclosure's UI copy/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('it is called wrongly (exit code 2)', async () => {
    const io = captureIo();
    expect(await runBuild(['--declarations', 'x.yaml'], io)).toBe(2);
    expect(io.err()).toMatch(/Run "privacy-disclosure build --help" for usage\./);
  });
});
