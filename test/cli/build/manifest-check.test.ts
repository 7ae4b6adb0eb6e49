/**
 * build checks manifest.yml against what the disclosure needs for the pages it has there:
 * Forge's lint reads only the app's src/, so a scope the package's backend calls need, deleted
 * from the manifest, passes every other check and fails on the site. Each case is a line a vendor
 * might delete after init; build refuses it at its line, writes nothing, and init puts it back.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { declareWhatTheAppDoes } from './true-declarations.ts';
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

/** A fixture app after init and a first build. */
async function initialised(name: string): Promise<string> {
  const dir = copyFixture(name);
  made.push(dir);
  expect((await init(dir)).code).toBe(0);
  declareWhatTheAppDoes(dir, name);
  expect((await build(dir)).code).toBe(0);
  return dir;
}

/** The 1-based line of the last line of `text` that is `line` (init adds after the vendor's). */
function lineOf(text: string, line: string): number {
  const index = text.split('\n').lastIndexOf(line);
  if (index === -1) throw new Error(`no line ${JSON.stringify(line)}`);
  return index + 1;
}

const CONFLUENCE_SCOPE =
  '    # Privacy Disclosure: GET /wiki/rest/api/user/current, to check that a reviewer is a Confluence admin\n    - read:confluence-user\n';

describe('build refuses a manifest that lacks what the disclosure needs', () => {
  // Each: the fixture, what the vendor deletes, the line build points at, and what it says.
  it.each([
    [
      'the Jira admin check scope',
      'uikit-issue-panel',
      '    - read:jira-work\n',
      '  scopes:',
      /permissions\.scopes has no read:jira-work: the disclosure needs it for GET \/rest\/api\/3\/mypermissions, to check that a reviewer is a Jira admin \(on privacy-disclosure-jira-admin-page\)\. Add "- read:jira-work" to permissions\.scopes, or run privacy-disclosure init again\./,
    ],
    [
      'the Confluence admin check scope',
      'multi-product-links',
      '    - read:confluence-user\n',
      '  scopes:',
      /permissions\.scopes has no read:confluence-user: .*user\/current.*\(on privacy-disclosure-confluence-global-settings\)/,
    ],
    [
      'storage',
      'compass-scorecards',
      '    - storage:app\n',
      '  scopes:',
      /permissions\.scopes has no storage:app: the disclosure needs it for Forge storage/,
    ],
    [
      'inline styles',
      'existing-admin-page',
      '  content:\n    styles:\n      - unsafe-inline\n',
      'permissions:',
      /permissions\.content\.styles has no unsafe-inline: .*inline <style> tags.*Add "- unsafe-inline" to permissions\.content\.styles, or run privacy-disclosure init again\./,
    ],
    [
      'the upgrade event',
      'jsm-request-checklist',
      '        - avi:forge:upgraded:app\n',
      '      events:',
      /trigger privacy-disclosure-publish has no event avi:forge:upgraded:app, so the declaration is not published when the app is upgraded\. Add "- avi:forge:upgraded:app" to its events/,
    ],
    [
      'the trigger',
      'confluence-glossary',
      '  trigger:\n    # Privacy Disclosure: publish the declaration on install and upgrade\n    - key: privacy-disclosure-publish\n      function: disclosure-lifecycle\n      events:\n        - avi:forge:installed:app\n        - avi:forge:upgraded:app\n',
      'modules:',
      /modules\.trigger has no trigger that calls function disclosure-lifecycle/,
    ],
  ])('%s', async (_what, fixture, deleted, pointedAt, message) => {
    const dir = await initialised(fixture);
    const complete = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    expect(complete).toContain(deleted);
    const lacking = complete.replace(deleted, '');
    writeFileSync(join(dir, 'manifest.yml'), lacking);
    const before = snapshot(dir);
    const refused = await build(dir);
    expect(refused.code).toBe(1);
    const line = lineOf(lacking, pointedAt);
    const column = pointedAt.length - pointedAt.trimStart().length + 1;
    expect(refused.err).toMatch(new RegExp(`^manifest\\.yml:${line}:${column} {2}\\S`, 'm'));
    expect(refused.err).toMatch(message);
    expect(refused.err).toContain('nothing was written');
    expect(refused.out).toBe('');
    expect(snapshot(dir)).toEqual(before);
    // init puts back what was deleted, and build passes again.
    expect((await init(dir)).code).toBe(0);
    expect((await build(dir)).code).toBe(0);
  });

  it('restores a deleted scope under the comment it left, as init first wrote it', async () => {
    const dir = await initialised('confluence-glossary');
    const complete = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    expect(complete).toContain(CONFLUENCE_SCOPE);
    writeFileSync(join(dir, 'manifest.yml'), complete.replace('    - read:confluence-user\n', ''));
    expect((await build(dir)).code).toBe(1);
    const again = await init(dir);
    expect(again.out).toContain('  - scope read:confluence-user\n');
    expect(readFileSync(join(dir, 'manifest.yml'), 'utf8')).toBe(complete);
  });

  it('refuses a UI resource outside the app, where build would copy the UI', async () => {
    const dir = await initialised('release-radar');
    const manifest = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    const outside = manifest.replace(
      '  path: static/privacy-disclosure\n',
      '  path: ../static/privacy-disclosure\n',
    );
    expect(outside).not.toBe(manifest);
    writeFileSync(join(dir, 'manifest.yml'), outside);
    const before = snapshot(dir);
    const refused = await build(dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      new RegExp(
        `^manifest\\.yml:${lineOf(outside, '  path: ../static/privacy-disclosure')}:3 {2}resource privacy-disclosure-ui has path \\.\\./static/privacy-disclosure, which is not a folder inside the app`,
        'm',
      ),
    );
    expect(snapshot(dir)).toEqual(before);
  });
});
