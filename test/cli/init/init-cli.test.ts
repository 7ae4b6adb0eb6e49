/**
 * init and build as real processes on a fixture app. `bin/privacy-disclosure.js init` and
 * `build` are tested once src/cli/main.ts dispatches them; until then (and always, so the
 * modules' own entry is covered) the same runs go through the modules directly under tsx.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, fakeUi, forgeValidate, REPO_ROOT, snapshot } from './helpers.ts';
import { declareWhatTheAppDoes } from '../build/true-declarations.ts';

const ui = fakeUi();
const made: string[] = [ui];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const BIN = join(REPO_ROOT, 'bin/privacy-disclosure.js');
// By path: the app's folder, where the process runs, has no node_modules of its own.
const TSX_LOADER = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

type Runner = (
  command: 'init' | 'build',
  args: string[],
  cwd: string,
) => ReturnType<typeof spawnSync>;

/** `privacy-disclosure COMMAND ...` through the package's bin, as `npx privacy-disclosure` runs it. */
const viaBin: Runner = (command, args, cwd) =>
  spawnSync(process.execPath, [BIN, command, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

/** The command module's runInit / runBuild in a process of its own, under tsx. */
const viaModule: Runner = (command, args, cwd) => {
  const module = pathToFileURL(join(REPO_ROOT, `src/cli/${command}/index.ts`)).href;
  const run = command === 'init' ? 'runInit' : 'runBuild';
  const script = `const m = await import(${JSON.stringify(module)});
const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
process.exitCode = await m.${run}(process.argv.slice(1), io);`;
  return spawnSync(
    process.execPath,
    ['--import', TSX_LOADER, '--input-type=module', '-e', script, '--', ...args],
    { cwd, encoding: 'utf8', timeout: 60_000 },
  );
};

function endToEnd(run: Runner) {
  return async () => {
    const dir = copyFixture('jsm-request-checklist');
    made.push(dir);
    const before = snapshot(dir);
    const dry = run('init', ['--dry-run', '--ui', ui], dir);
    expect(dry.status).toBe(0);
    expect(String(dry.stdout)).toContain('+++ b/manifest.yml');
    expect(snapshot(dir)).toEqual(before);

    const init = run('init', ['--ui', ui], dir);
    expect(String(init.stderr)).toBe('');
    expect(init.status).toBe(0);
    expect(String(init.stdout)).toMatch(
      /^privacy-disclosure init changed Request checklist \(Jira Service Management\):/,
    );
    expect(await forgeValidate(dir)).toEqual({ success: true, errors: [] });

    const again = run('init', ['--ui', ui], dir);
    expect(again.status).toBe(0);
    expect(String(again.stdout)).toMatch(/^privacy-disclosure init: nothing to change/);

    // build holds the declaration against manifest.yml: the checklist's request data, declared.
    declareWhatTheAppDoes(dir, 'jsm-request-checklist');
    const build = run('build', ['--ui', ui], dir);
    expect(build.status).toBe(0);
    expect(String(build.stdout)).toContain('Checked against manifest.yml: no contradictions');
    expect(existsSync(join(dir, 'src/privacy-disclosure.generated.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'src/privacy-disclosure.generated.ts'), 'utf8')).toContain(
      'export const DECLARATION = {',
    );

    const usage = run('init', ['--frobnicate'], dir);
    expect(usage.status).toBe(2);
  };
}

describe('init and build as processes', () => {
  // Five processes that each compile the CLI's TypeScript: on a busy machine, past 20 seconds.
  it(
    'through the modules under tsx: dry run, init, a second init, build, a usage error',
    endToEnd(viaModule),
    60_000,
  );

  it('through the installed command, bin/privacy-disclosure.js: the same steps', endToEnd(viaBin));
});
