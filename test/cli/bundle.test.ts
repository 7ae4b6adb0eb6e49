/**
 * The CLI as this repository runs it: bin/privacy-disclosure.js starts the bundle that
 * scripts/build-cli.ts writes, which must answer exactly as the sources do, and must never be
 * stale. These run on a copy of the sources, so that the copy can be edited (and other edits to
 * this working tree do not rebuild the bundle under the tests).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, buildCli, INPUTS, type BundleInputs } from '../../scripts/build-cli.ts';
import { root, type CliRun } from './run-cli.ts';

const copy = mkdtempSync(join(tmpdir(), 'privacy-disclosure-bundle-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** What the bundle is built from, and what it reads at run time (package.json, the catalogue). */
const COPIED = ['src', 'locales', 'bin', 'scripts/build-cli.ts', 'package.json', 'tsconfig.json'];

const validate = join(copy, 'src/cli/validate.ts');
const validateSource = readFileSync(join(root, 'src/cli/validate.ts'), 'utf8');

// The TechTime seed with a retention period that lacks its length: a located error.
const broken = join(copy, 'techtime-broken.yaml');

beforeAll(async () => {
  for (const path of COPIED) cpSync(join(root, path), join(copy, path), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  writeFileSync(
    broken,
    readFileSync(join(root, 'examples/techtime-user-management.yaml'), 'utf8').replace(
      /basis: until-deletion-request/,
      'basis: fixed-period',
    ),
  );
  await buildCli(copy);
}, 60_000);

function finished(result: ReturnType<typeof spawnSync>): CliRun {
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** The copy's bin, from this repository's root (where a vendor's paths are relative to). */
function bin(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [join(copy, 'bin/privacy-disclosure.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return finished(result);
}

/** The copy's sources through tsx, as the bin ran them before there was a bundle. */
function sources(...args: string[]): CliRun {
  const main = pathToFileURL(join(copy, 'src/cli/main.ts')).href;
  const script = `const { run } = await import(${JSON.stringify(main)});
process.exitCode = await run(process.argv.slice(1));`;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, ...args],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  return finished(result);
}

// Each test starts the CLI a few times, on a machine the suite keeps busy.
describe('the bundled CLI', { timeout: 60_000 }, () => {
  it.each([
    ['a valid declaration, with its warning', ['validate', 'examples/exalate-cloud.yaml'], 0],
    ['an invalid one, with a line and a field', ['validate', broken], 1],
    ['an invalid one as JSON', ['validate', '--format', 'json', broken], 1],
    ['a usage error', ['validate', '--format', 'xml', 'examples/exalate-cloud.yaml'], 2],
    ['no file at all', ['validate'], 2],
  ])('validates %s with the output and exit code of the sources', (_, args, code) => {
    const bundled = bin(...args);
    expect(bundled.code, bundled.stderr).toBe(code);
    expect(bundled).toEqual(sources(...args));
  });

  it('says where an invalid declaration is wrong', () => {
    const run = bin('validate', broken);
    expect(run.stderr).toMatch(
      /techtime-broken\.yaml:\d+:\d+ {2}dataCategories\[\d+\]\.retention\.period {2}\S/,
    );
  });

  it('finds the package it belongs to, as the sources do', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    expect(bin('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('leaves Forge’s tools and TypeScript out, for forge-check to load from the app', () => {
    const bundle = readFileSync(join(copy, BUNDLE), 'utf8');
    expect(bundle).not.toMatch(/^\s*import\s[^;]*["'](typescript|@forge\/[^"']+)["']/m);
    const inputs = Object.keys(
      (JSON.parse(readFileSync(join(copy, INPUTS), 'utf8')) as BundleInputs).inputs,
    );
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs).toContain('locales/ja-JP.json');
    expect(inputs.some((input) => /node_modules\/zod\//.test(input))).toBe(true);
    expect(inputs.some((input) => /node_modules\/(typescript|@forge)\//.test(input))).toBe(false);
  });

  it('runs the bundle itself while no source changed', () => {
    const bundle = join(copy, BUNDLE);
    const built = readFileSync(bundle, 'utf8');
    try {
      writeFileSync(bundle, `process.stderr.write('the bundle ran\\n');\n${built}`);
      const run = bin('validate', 'examples/exalate-cloud.yaml');
      expect(run.code).toBe(0);
      expect(run.stderr.split('\n')[0]).toBe('the bundle ran');
    } finally {
      writeFileSync(bundle, built);
    }
  });
});

describe('a stale bundle', { timeout: 60_000 }, () => {
  afterAll(() => writeFileSync(validate, validateSource));

  it('is bundled again when a source changed, and its stack traces name the sources', () => {
    const failing = validateSource.replace(
      /(export async function validateCommand\([^)]*\)[^{]*\{)/,
      "$1\n  throw new Error('validate is broken here');",
    );
    expect(failing).not.toBe(validateSource);
    writeFileSync(validate, failing);

    const run = bin('validate', 'examples/exalate-cloud.yaml');
    const [first, ...rest] = run.stderr.split('\n');
    expect(first).toBe(
      'privacy-disclosure: src/cli/validate.ts changed since the CLI was bundled; bundled it now (npm run build:cli)',
    );
    expect(rest.join('\n')).toContain('validate is broken here');
    expect(rest.join('\n')).toMatch(/\bat validateCommand \(.*src\/cli\/validate\.ts:\d+:\d+\)/);
    expect(run.code).toBe(1);

    // Built once: the next run starts the new bundle straight away.
    const again = bin('validate', 'examples/exalate-cloud.yaml');
    expect(again.stderr).not.toContain('bundled it now');
    expect(again.stderr).toContain('Error: validate is broken here');
  });

  it('runs the sources through tsx, with one line, when they do not bundle', () => {
    writeFileSync(validate, `${validateSource}\nexport const unfinished = ;\n`);
    const run = bin('validate', 'examples/exalate-cloud.yaml');
    const [first] = run.stderr.split('\n');
    expect(first).toMatch(
      /^privacy-disclosure: src\/cli\/validate\.ts changed since the CLI was bundled, and it does not bundle \(src\/cli\/validate\.ts:\d+:\d+: .+\); running the sources through tsx$/,
    );
    expect(run.code).not.toBe(0);
  });

  it('is bundled again once the sources build, and answers as before', () => {
    writeFileSync(validate, validateSource);
    const before = statSync(join(copy, BUNDLE)).mtimeMs;
    const run = bin('validate', 'examples/exalate-cloud.yaml');
    expect(run.stderr.split('\n')[0]).toMatch(
      /^privacy-disclosure: src\/cli\/validate\.ts changed/,
    );
    expect(run.code).toBe(0);
    expect(statSync(join(copy, BUNDLE)).mtimeMs).toBeGreaterThan(before);
    expect(bin('validate', 'examples/exalate-cloud.yaml')).toEqual(
      sources('validate', 'examples/exalate-cloud.yaml'),
    );
  });
});
