/**
 * After `init` and `build`, every fixture app passes `forge:check` (scripts/forge-check.ts):
 * Forge's client-side lint rules, Forge's bundler on each function handler, and its manifest
 * validation, offline. The package is put into each app's node_modules the way npm installs it
 * (its `files`, with dist/ compiled from the sources by tsconfig.build.json, as prepack does);
 * the other dependencies are linked from this repository's node_modules.
 *
 * Slow: about half a minute per fixture on two cores (Forge's lint and webpack run for each).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { captureIo, copyFixture, fakeUi, FIXTURES, REPO_ROOT, scratch } from './helpers.ts';

const TSX_LOADER = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const ui = fakeUi();
const packageDir = scratch('privacy-disclosure-package');
const made = [ui, packageDir];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

beforeAll(() => {
  // What `npm pack` ships, built the way prepack builds it (into a scratch folder, not dist/).
  const tsc = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
  for (const config of ['tsconfig.build.json', 'tsconfig.build-cli.json']) {
    const result = spawnSync(
      process.execPath,
      [tsc, '-p', config, '--outDir', join(packageDir, 'dist')],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
  }
  for (const entry of ['package.json', 'bin', 'schema']) {
    cpSync(join(REPO_ROOT, entry), join(packageDir, entry), { recursive: true });
  }
  cpSync(ui, join(packageDir, 'static/disclosure/dist'), { recursive: true });
}, 180_000);

/** node_modules for an app: the package copied in, everything else linked from this repository. */
function install(app: string): void {
  const modules = join(app, 'node_modules');
  mkdirSync(join(modules, '@forge'), { recursive: true });
  for (const name of readdirSync(join(REPO_ROOT, 'node_modules'))) {
    if (name === '@forge' || name === '.cache') continue;
    symlinkSync(join(REPO_ROOT, 'node_modules', name), join(modules, name));
  }
  for (const name of readdirSync(join(REPO_ROOT, 'node_modules/@forge'))) {
    symlinkSync(join(REPO_ROOT, 'node_modules/@forge', name), join(modules, '@forge', name));
  }
  cpSync(packageDir, join(modules, 'privacy-disclosure'), { recursive: true });
}

describe.each(FIXTURES)('%s after init and build', (name) => {
  it('passes forge:check', async () => {
    const app = copyFixture(name);
    made.push(app);
    install(app);
    expect(await runInit(['--dir', app, '--ui', ui], captureIo(), { today: '2026-12-01' })).toBe(0);
    expect(await runBuild(['--dir', app, '--ui', ui], captureIo())).toBe(0);
    const check = spawnSync(
      process.execPath,
      ['--import', TSX_LOADER, join(REPO_ROOT, 'src/cli/forge-check/command.ts'), app],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 170_000 },
    );
    const output = `${check.stdout}${check.stderr}`;
    expect(output, output).toMatch(/^forge:check passed$/m);
    expect(check.status, output).toBe(0);
    expect(output).toMatch(/privacy-disclosure\.handler, privacy-disclosure\.lifecycle/);
    expect(output).toMatch(/privacy-disclosure\.cjs \d/);
  }, 180_000);
});
