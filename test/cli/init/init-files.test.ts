/**
 * What init does with the app's other files: it never overwrites a declaration, a handler file or
 * a folder that is not its own, sets up the build script beside the app's own, writes all files
 * or none, and tells the vendor what is left to do.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInit } from '../../../src/cli/init/index.ts';
import { captureIo, copyFixture, fakeUi, REPO_ROOT, scratch, snapshot } from './helpers.ts';

const ui = fakeUi();
const made: string[] = [ui];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fresh(name: string): string {
  const dir = copyFixture(name);
  made.push(dir);
  return dir;
}

async function init(args: string[]) {
  const io = captureIo();
  const code = await runInit(args, io, { today: '2026-12-01' });
  return { code, out: io.out(), err: io.err() };
}

const inApp = (dir: string, ...extra: string[]) => init(['--dir', dir, '--ui', ui, ...extra]);
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('files the vendor already has', () => {
  it('never overwrites an existing declaration', async () => {
    const dir = fresh('confluence-glossary');
    mkdirSync(join(dir, 'privacy'));
    copyFileSync(
      join(REPO_ROOT, 'examples/exalate-cloud.yaml'),
      join(dir, 'privacy/declaration.yaml'),
    );
    const result = await inApp(dir);
    expect(result.code).toBe(0);
    expect(read(dir, 'privacy/declaration.yaml')).toBe(
      read(REPO_ROOT, 'examples/exalate-cloud.yaml'),
    );
    expect(result.out).not.toContain('privacy/declaration.yaml (new)');
    expect(result.out).toContain('Keep privacy/declaration.yaml true for your app.');
  });

  it("refuses a src/privacy-disclosure file that is not init's, and writes nothing", async () => {
    const dir = fresh('existing-admin-page');
    writeFileSync(join(dir, 'src/privacy-disclosure.ts'), 'export const consentBanner = true;\n');
    const before = snapshot(dir);
    const result = await inApp(dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^src\/privacy-disclosure\.ts:1:1 {2}this file is not the one init writes/m,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a static/privacy-disclosure folder that is not its UI copy, and writes nothing', async () => {
    const dir = fresh('jsm-request-checklist');
    mkdirSync(join(dir, 'static/privacy-disclosure'), { recursive: true });
    writeFileSync(
      join(dir, 'static/privacy-disclosure/notice.html'),
      '<p>Our privacy notice</p>\n',
    );
    const before = snapshot(dir);
    const result = await inApp(dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /static\/privacy-disclosure exists and is not the disclosure's UI copy/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('tells how to add personalData to a handler file written before the personal data report', async () => {
    const dir = fresh('existing-admin-page');
    await inApp(dir);
    // The app as an earlier init left it: no personal data report in the manifest or the handler.
    const manifest = read(dir, 'manifest.yml')
      .replace(/ {4}# Privacy Disclosure: reports the account ids.*\n.*\n.*personalData\n/, '')
      .replace(/ {2}scheduledTrigger:\n( {4}.*\n)+?(?= {2}\S)/, '');
    const handler = read(dir, 'src/privacy-disclosure.ts')
      .replace(', createPersonalDataReport', '')
      .replace(/\n\/\/ The account ids in reviews[\s\S]*$/, '\n');
    expect(manifest).not.toContain('personalData');
    expect(handler).not.toMatch(/export .*personalData|createPersonalDataReport/);
    writeFileSync(join(dir, 'manifest.yml'), manifest);
    writeFileSync(join(dir, 'src/privacy-disclosure.ts'), handler);
    const result = await inApp(dir);
    expect(result.code).toBe(0);
    expect(read(dir, 'src/privacy-disclosure.ts')).toBe(handler);
    expect(read(dir, 'manifest.yml')).toContain('handler: privacy-disclosure.personalData');
    expect(result.out).toContain(
      'src/privacy-disclosure.ts does not export personalData, which manifest.yml now names (privacy-disclosure.personalData',
    );
    expect(result.out).toContain(
      'export async function personalData() { await reportPersonalData(); return { statusCode: 204 }; }',
    );
    // The handler init writes today has it: no such note.
    const current = await inApp(fresh('existing-admin-page'));
    expect(current.out).not.toContain('does not export personalData');
  });

  it('writes the handler in the language of the app', async () => {
    const typescript = fresh('existing-admin-page');
    await inApp(typescript);
    expect(readdirSync(join(typescript, 'src'))).toContain('privacy-disclosure.ts');
    const javascript = fresh('compass-scorecards');
    await inApp(javascript);
    expect(readdirSync(join(javascript, 'src'))).toContain('privacy-disclosure.js');
    expect(read(javascript, 'src/privacy-disclosure.js')).toContain(
      "import { createDisclosureBackend, createPersonalDataReport } from 'privacy-disclosure/backend';",
    );
  });
});

describe('the build step', () => {
  it("runs the disclosure's build before the app's own build script", async () => {
    const dir = fresh('confluence-glossary');
    const before = JSON.parse(read(dir, 'package.json'));
    await inApp(dir);
    const after = JSON.parse(read(dir, 'package.json'));
    expect(after.scripts).toEqual({
      ...before.scripts,
      build: `npm run privacy-disclosure:build && ${before.scripts.build}`,
      'privacy-disclosure:build': 'privacy-disclosure build',
    });
    expect({ ...after, scripts: before.scripts }).toEqual(before);
    expect(read(dir, 'package.json').endsWith('}\n')).toBe(true);
  });

  it('adds no build script to an app that has none, and says to run it before deploying', async () => {
    const dir = fresh('existing-admin-page');
    const result = await inApp(dir);
    expect(JSON.parse(read(dir, 'package.json')).scripts).toEqual({
      'privacy-disclosure:build': 'privacy-disclosure build',
    });
    expect(result.out).toContain('Run it before every forge deploy.');
  });

  it('ignores the UI copy in an existing .gitignore, once', async () => {
    const dir = fresh('release-radar');
    writeFileSync(join(dir, '.gitignore'), 'node_modules\nstatic/radar/dist-web');
    await inApp(dir);
    expect(read(dir, '.gitignore')).toBe(
      'node_modules\nstatic/radar/dist-web\n# Privacy Disclosure: its prebuilt UI, copied in by privacy-disclosure build\n/static/privacy-disclosure/\n',
    );
    const again = fresh('release-radar');
    writeFileSync(join(again, '.gitignore'), 'static/privacy-disclosure/\n');
    await inApp(again);
    expect(read(again, '.gitignore')).toBe('static/privacy-disclosure/\n');
  });

  it('refuses a package.json that is not JSON, with where, and writes nothing', async () => {
    const dir = fresh('uikit-issue-panel');
    writeFileSync(
      join(dir, 'package.json'),
      read(dir, 'package.json').replace('"private": true,', '"private": true,,'),
    );
    const before = snapshot(dir);
    const result = await inApp(dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^package\.json:6:\d+ {2}not valid JSON/m);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('all or nothing', () => {
  it('leaves every file as it was when one of them cannot be written', async () => {
    const dir = fresh('multi-product-links');
    // privacy/ is a file, so privacy/declaration.yaml cannot be created after manifest.yml is staged.
    writeFileSync(join(dir, 'privacy'), 'not a folder\n');
    const before = snapshot(dir);
    const result = await inApp(dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cannot write: .*Nothing was changed\./);
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes nothing when the UI to copy is not a built UI', async () => {
    const dir = fresh('uikit-issue-panel');
    const empty = scratch('no-ui');
    made.push(empty);
    const before = snapshot(dir);
    const result = await init(['--dir', dir, '--ui', empty]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/--ui .*: no index\.html there/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('what it prints', () => {
  it('lists what changed and the steps left, with the Marketplace note for two products', async () => {
    const dir = fresh('multi-product-links');
    const { out } = await inApp(dir);
    expect(out).toMatch(/^privacy-disclosure init changed Linked pages \(Jira, Confluence\):/);
    expect(out).toContain(
      '  - jira:adminPage privacy-disclosure-jira-admin-page: Jira admins review the declaration',
    );
    expect(out).toContain('static/privacy-disclosure/ (new): the prebuilt UI, 2 files');
    const steps = out.slice(out.indexOf('Still to do:'));
    expect(steps).toMatch(/1\. npm install privacy-disclosure/);
    expect(steps).toMatch(/npm run privacy-disclosure:build/);
    expect(steps).toMatch(/\d\. forge deploy\n/);
    expect(steps).toMatch(/forge install --upgrade/);
    expect(steps).toMatch(/Marketplace: .*multi-product app \(app\.compatibility\).*private/);
  });

  it('asks for forge install --upgrade only when it adds permissions, and names them', async () => {
    const permissions = fresh('uikit-issue-panel');
    expect((await inApp(permissions)).out).toContain(
      '. forge install --upgrade on each site: the new permissions (scope storage:app, scope report:personal-data, scope read:jira-user, permissions.content.styles: unsafe-inline) make this a major version, which an admin must accept.\n',
    );
    // The app has every permission the disclosure needs: its pages come with the next deploy.
    const granted = fresh('existing-admin-page');
    writeFileSync(
      join(granted, 'manifest.yml'),
      read(granted, 'manifest.yml').replace(
        '    - storage:app\n',
        '    - storage:app\n    - report:personal-data\n    - read:jira-user\n',
      ),
    );
    const pagesOnly = await inApp(granted);
    expect(pagesOnly.out).toContain('jira:adminPage privacy-disclosure-jira-admin-page');
    expect(pagesOnly.out).not.toContain('forge install --upgrade');
    // A run that changes nothing has nothing for an admin to accept, nor a listing to reconsider.
    const twice = fresh('multi-product-links');
    await inApp(twice);
    const again = await inApp(twice);
    expect(again.out).toMatch(/^privacy-disclosure init: nothing to change/);
    expect(again.out).not.toMatch(/forge install --upgrade|Marketplace/);
    expect(again.out).toMatch(/\d\. forge deploy\n$/);
  });

  it('answers --help, and refuses unknown options and arguments with exit code 2', async () => {
    const help = await init(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: privacy-disclosure init \[--dry-run\]/);
    for (const args of [['--force'], ['my-app'], ['--dir']]) {
      const result = await init(args);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(
        /^privacy-disclosure: .+\nRun "privacy-disclosure init --help" for usage\.\n$/,
      );
    }
  });

  it('says where to run it when there is no manifest.yml', async () => {
    const empty = scratch('not-an-app');
    made.push(empty);
    const result = await init(['--dir', empty, '--ui', ui]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no manifest\.yml in .*: run init in the root of a Forge app/);
    expect(readdirSync(empty)).toEqual([]);
  });
});
