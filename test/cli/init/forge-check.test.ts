/**
 * After `init` and `build`, every fixture app passes `privacy-disclosure forge-check`, run as a
 * vendor runs it in their app: the installed package's command on plain Node, which runs Forge's
 * client-side lint rules, Forge's bundler on each function handler, and its manifest validation,
 * offline, with Forge's tools from the app's node_modules. The package is put into each app's
 * node_modules the way npm installs it (its `files`, with dist/ compiled from the sources by
 * tsconfig.build*.json, as prepack does); the other dependencies, Forge's tools among them, are
 * linked from this repository's node_modules. The OpenAPI specs are given as a vendor gives them,
 * with FORGE_OPENAPI_DIR.
 *
 * Slow: about half a minute per fixture on two cores (Forge's lint and webpack run for each).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../src/cli/build/index.ts';
import { DEFAULT_SPEC_DIR } from '../../../src/cli/forge-check/openapi.ts';
import { runInit } from '../../../src/cli/init/index.ts';
import { declareWhatTheAppDoes } from '../build/true-declarations.ts';
import { captureIo, copyFixture, fakeUi, FIXTURES, REPO_ROOT, scratch } from './helpers.ts';

// Atlassian's OpenAPI specs live outside the repository; without them REST scopes go unchecked.
const SPEC_DIR = resolve(REPO_ROOT, process.env.FORGE_OPENAPI_DIR ?? DEFAULT_SPEC_DIR);
const SPECS = existsSync(join(SPEC_DIR, 'jira.json')) ? { FORGE_OPENAPI_DIR: SPEC_DIR } : {};
const ui = fakeUi();
const packageDir = scratch('privacy-disclosure-package');
const made = [ui, packageDir];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

beforeAll(() => {
  // What `npm pack` ships (its `files`), built the way prepack builds it (into a scratch folder).
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
  for (const entry of ['package.json', 'bin', 'schema', 'locales']) {
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
  it('passes forge-check', async () => {
    const app = copyFixture(name);
    made.push(app);
    install(app);
    expect(await runInit(['--dir', app, '--ui', ui], captureIo(), { today: '2026-12-01' })).toBe(0);
    // build holds the declaration against manifest.yml: what each app reads and sends, declared.
    declareWhatTheAppDoes(app, name);
    expect(await runBuild(['--dir', app, '--ui', ui], captureIo())).toBe(0);
    const bin = join(app, 'node_modules/privacy-disclosure/bin/privacy-disclosure.js');
    const check = spawnSync(process.execPath, [bin, 'forge-check'], {
      cwd: app,
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, ...SPECS },
    });
    const output = `${check.stdout}${check.stderr}`;
    expect(output, output).toMatch(/^forge-check passed/m);
    // Forge's tools are the app's (linked here from this repository), not a copy of the package's.
    expect(output).toMatch(/^ {2}Forge's tools: @forge\/lint \d+\.\d+\.\d+, @forge\/bundler /m);
    expect(check.status, output).toBe(0);
    expect(output).toMatch(/privacy-disclosure\.handler, privacy-disclosure\.lifecycle/);
    expect(output).toMatch(/privacy-disclosure\.cjs \d/);
  }, 180_000);
});
