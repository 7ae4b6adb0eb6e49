/**
 * What a vendor gets from `npm pack`: the tarball installs into their own Forge app, and there the
 * backend and the declaration core import on plain Node, the CLI runs with `npx`, the prebuilt UI
 * is in place, and Forge's bundler bundles the vendor's functions that use the backend. Then the
 * vendor's journey on a fixture app, as the README tells it: install the tarball, see
 * `forge-check` ask for Forge's tools, install them, `init`, `build`, and pass `forge-check`.
 *
 * The repository is packed from a copy (prepack builds dist/ and the UI), so nothing is written
 * into the working tree. The installs use npm's cache when they can and the registry otherwise.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SPEC_DIR } from '../../src/cli/forge-check/openapi.ts';
import type { ForgeCheckReport } from '../../src/cli/forge-check/run.ts';
import { STACK_LINE } from '../cli/run-cli.ts';
import {
  example,
  npmInstall,
  packRepository,
  repoRoot,
  run,
  writeVendorForgeApp,
} from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'pack-test-'));
const vendorApp = join(scratch, 'vendor-app');
/** Forge's tools, which forge-check needs and the package does not install. */
const FORGE_TOOLS = ['@forge/lint', '@forge/bundler', '@forge/manifest'];
const INSTALL_FORGE_TOOLS =
  'npm install --save-dev --ignore-scripts @forge/lint @forge/bundler @forge/manifest';

/** Exported names of a module as the vendor's Node imports it. */
function vendorExports(specifier: string): string[] {
  const script = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m)));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: vendorApp,
    encoding: 'utf8',
  });
  return (JSON.parse(out) as string[]).sort();
}

/** The modules a compiled file imports or re-exports by name at load time (not `import()`). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // `import ... from 'x'`, `export ... from 'x'` and `import 'x'`, but not `export const X = 'x'`.
  const pattern = /^\s*(?:import|export)\s+(?:[^;'"]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '');
}

let tarball = '';
let tarballFiles: string[] = [];

beforeAll(() => {
  ({ tarball, files: tarballFiles } = packRepository(scratch));
  mkdirSync(join(vendorApp, 'src'), { recursive: true });
  writeFileSync(
    join(vendorApp, 'package.json'),
    JSON.stringify({ name: 'vendor-forge-app', version: '1.0.0', private: true, type: 'module' }),
  );
  const install = npmInstall(vendorApp, tarball);
  expect(install.status, install.stderr).toBe(0);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships the built JavaScript, the UI, the schema, the catalogues and the CLI, and no TypeScript sources', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'dist/backend/index.js',
        'dist/backend/index.d.ts',
        'dist/declaration/index.js',
        'dist/declaration/index.d.ts',
        'dist/cli/main.js',
        'dist/cli/forge-check/command.js',
        'bin/privacy-disclosure.js',
        'static/disclosure/dist/index.html',
        // The pre-render module build runs to write the page's first paint into the app's UI.
        'static/disclosure/prerender/prerender.js',
        'schema/declaration.schema.json',
        // The catalogues: the declaration core and the CLI import them from the package root.
        'locales/en-US.json',
        'locales/de-DE.json',
      ]),
    );
    expect(
      tarballFiles.filter((file) => file.startsWith('src/') || file.startsWith('test/')),
    ).toEqual([]);
  });

  it("installs without Forge's tools: optional peers, which the compiled CLI never imports at load", () => {
    const installed = join(vendorApp, 'node_modules/privacy-disclosure');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    for (const name of FORGE_TOOLS) {
      expect(pkg.peerDependencies[name], name).toBe(pkg.devDependencies[name]);
      expect(pkg.peerDependenciesMeta[name], name).toEqual({ optional: true });
      expect(pkg.dependencies[name], name).toBeUndefined();
    }
    // The heavy two are not installed (@forge/manifest comes with @forge/api, a dependency).
    for (const name of ['@forge/lint', '@forge/bundler']) {
      expect(existsSync(join(vendorApp, 'node_modules', name)), name).toBe(false);
    }
    expect(pkg.peerDependenciesMeta.typescript).toEqual({ optional: true });
    const cli = join(installed, 'dist/cli');
    const files = readdirSync(cli, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.js'),
    );
    expect(files).toContain(join('forge-check', 'forge-tools.js'));
    const loaded = files.flatMap((file) => staticImports(join(cli, file)));
    expect(loaded).toContain('node:module');
    expect(
      loaded.filter((name) =>
        /^(@forge\/(lint|bundler|manifest|cli-shared)|typescript)(\/|$)/.test(name),
      ),
    ).toEqual([]);
  });

  it('gives the vendor the backend on Node: everything src/backend/index.ts exports', async () => {
    const source = Object.keys(await import('../../src/backend/index.ts')).sort();
    expect(vendorExports('privacy-disclosure/backend')).toEqual(source);
    expect(source).toContain('createDisclosureBackend');
  });

  it('gives the vendor the declaration core, which validates a real declaration', async () => {
    const source = Object.keys(await import('../../src/declaration/index.ts')).sort();
    expect(vendorExports('privacy-disclosure/declaration')).toEqual(source);
    const script = `
      import { readFileSync } from 'node:fs';
      import { validateDeclarationText } from 'privacy-disclosure/declaration';
      const result = validateDeclarationText(readFileSync(${JSON.stringify(example)}, 'utf8'), 'exalate-cloud.yaml');
      console.log(result.ok ? result.declaration.vendor.tradingName : 'invalid');`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: vendorApp,
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('Exalate');
  });

  it('runs the CLI with npx on plain Node', () => {
    const help = run('npx', ['--no-install', 'privacy-disclosure', '--help'], vendorApp);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('privacy-disclosure validate FILE');
    const validate = run(
      'npx',
      ['--no-install', 'privacy-disclosure', 'validate', example],
      vendorApp,
    );
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('1 valid, 0 invalid');
  });

  it('has the prebuilt UI, with every file its page loads', () => {
    const page = createRequire(join(vendorApp, 'package.json')).resolve('privacy-disclosure/ui');
    const html = readFileSync(page, 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect(existsSync(join(page, '..', asset)), asset).toBe(true);
  });

  it("bundles a vendor's Forge functions that use the backend, with Forge's bundler", () => {
    writeVendorForgeApp(vendorApp);
    // This repository's CLI on an app that has no Forge tools: it falls back to its own.
    const check = run(
      process.execPath,
      [
        join(repoRoot, 'bin/privacy-disclosure.js'),
        'forge-check',
        '--only',
        'bundle',
        '--json',
        vendorApp,
      ],
      repoRoot,
    );
    const report = JSON.parse(check.stdout) as ForgeCheckReport;
    expect(report.problems).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.bundles?.map(({ file }) => file)).toEqual(['index.cjs']);
  }, 180_000);
});

describe("a vendor's Forge app, from the tarball to forge-check", () => {
  // A Custom UI app with its own resolver, on TypeScript 5 (this repository is on 6).
  const app = join(scratch, 'team-glossary');
  const npx = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    run('npx', ['--no-install', 'privacy-disclosure', ...args], app, env);
  // A vendor names the OpenAPI specs with FORGE_OPENAPI_DIR; without them scopes go unchecked.
  const specDir = resolve(repoRoot, process.env.FORGE_OPENAPI_DIR ?? DEFAULT_SPEC_DIR);
  const specs = existsSync(join(specDir, 'jira.json')) ? { FORGE_OPENAPI_DIR: specDir } : {};

  beforeAll(() => {
    cpSync(join(repoRoot, 'test/fixtures/forge-apps/confluence-glossary'), app, {
      recursive: true,
    });
    const install = npmInstall(app, tarball);
    expect(install.status, install.stderr).toBe(0);
  });

  it("says what to install when Forge's tools are missing (exit 2)", () => {
    const check = npx(['forge-check']);
    expect(check.status, check.stdout + check.stderr).toBe(2);
    // @forge/manifest is there already, with @forge/api; the line installs the three together.
    expect(check.stderr).toContain(`@forge/lint, @forge/bundler are not installed in ${app}.`);
    expect(check.stderr).toContain(`\n  ${INSTALL_FORGE_TOOLS}\n`);
    expect(check.stderr).not.toMatch(STACK_LINE);
    expect(check.stdout).toBe('');
  });

  it("passes forge-check after init and build, with Forge's tools as dev dependencies", () => {
    const tools = npmInstall(app, '--save-dev', ...FORGE_TOOLS);
    expect(tools.status, tools.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(FORGE_TOOLS));
    for (const command of ['init', 'build']) {
      const step = npx([command]);
      expect(step.status, `${command}: ${step.stdout}${step.stderr}`).toBe(0);
      // From the installed package, build pre-renders the vendor's declaration into its UI copy.
      if (command === 'build') expect(step.stdout).toContain('first paint pre-rendered in en-US');
    }
    const check = npx(['forge-check', '--json'], specs);
    const report = JSON.parse(check.stdout) as ForgeCheckReport;
    const errors = report.problems.filter(({ level }) => level !== 'warning');
    expect(errors, check.stderr).toEqual([]);
    expect(check.status).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.steps.map(({ step }) => step)).toEqual(['sources', 'lint', 'bundle', 'manifest']);
    expect(report.bundles?.map(({ file }) => file).sort()).toEqual([
      'index.cjs',
      'privacy-disclosure.cjs',
    ]);
    // Forge's tools are the ones the vendor installed, from the app's own node_modules.
    for (const tool of report.tools.filter(({ name }) => name.startsWith('@forge/'))) {
      expect(relative(join(app, 'node_modules'), tool.dir), tool.name).toBe(tool.name);
    }
    expect(report.openApi.found).toBe('FORGE_OPENAPI_DIR' in specs);
  }, 600_000);
});
