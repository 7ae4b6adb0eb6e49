/**
 * What a vendor gets from `npm pack`: the tarball installs into their own Forge app, and there the
 * backend and the declaration core import on plain Node, the CLI runs with `npx`, the prebuilt UI
 * is in place, and Forge's bundler bundles the vendor's functions that use the backend.
 *
 * The repository is packed from a copy (prepack builds dist/ and the UI), so nothing is written
 * into the working tree. The install uses npm's cache when it can and the registry otherwise.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'pack-test-'));
const vendorApp = join(scratch, 'vendor-app');
const example = join(repoRoot, 'examples/exalate-cloud.yaml');

/** What is never part of a checkout: dependencies, builds, local state (as .gitignore says). */
function inCheckout(path: string): boolean {
  const rel = relative(repoRoot, path);
  return (
    !/^(\.git|node_modules|dist|coverage|test-results|bench-results|\.preview-data)(\/|$)/.test(
      rel,
    ) && !/^static\/[^/]+\/dist(\/|$)/.test(rel)
  );
}

function run(
  command: string,
  args: string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exported names of a module as the vendor's Node imports it. */
function vendorExports(specifier: string): string[] {
  const script = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m)));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: vendorApp,
    encoding: 'utf8',
  });
  return (JSON.parse(out) as string[]).sort();
}

let tarball = '';
let tarballFiles: string[] = [];

beforeAll(() => {
  const source = join(scratch, 'source');
  cpSync(repoRoot, source, { recursive: true, filter: inCheckout });
  symlinkSync(join(repoRoot, 'node_modules'), join(source, 'node_modules'), 'dir');
  const packs = join(scratch, 'packs');
  mkdirSync(packs);
  const pack = run('npm', ['pack', '--pack-destination', packs, '--json'], source);
  expect(pack.status, pack.stderr).toBe(0);
  // prepack's build prints to the same stdout; npm's JSON report is last, from a line "[" on.
  const report = pack.stdout.slice(pack.stdout.lastIndexOf('\n[\n') + 1);
  const [packed] = JSON.parse(report) as { filename: string; files: { path: string }[] }[];
  tarball = join(packs, packed?.filename ?? '');
  tarballFiles = (packed?.files ?? []).map(({ path }) => path);

  mkdirSync(join(vendorApp, 'src'), { recursive: true });
  writeFileSync(
    join(vendorApp, 'package.json'),
    JSON.stringify({ name: 'vendor-forge-app', version: '1.0.0', private: true, type: 'module' }),
  );
  const install = run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', tarball],
    vendorApp,
  );
  expect(install.status, install.stderr).toBe(0);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships the built JavaScript, the UI, the schema and the CLI, and no TypeScript sources', () => {
    expect(tarballFiles).toEqual(
      expect.arrayContaining([
        'dist/backend/index.js',
        'dist/backend/index.d.ts',
        'dist/declaration/index.js',
        'dist/declaration/index.d.ts',
        'dist/cli/main.js',
        'bin/privacy-disclosure.js',
        'static/disclosure/dist/index.html',
        'schema/declaration.schema.json',
      ]),
    );
    expect(
      tarballFiles.filter((file) => file.startsWith('src/') || file.startsWith('test/')),
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
    writeVendorForgeApp();
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
    const report = JSON.parse(check.stdout) as {
      passed: boolean;
      problems: unknown[];
      bundles: { file: string }[];
    };
    expect(report.problems).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.bundles.map(({ file }) => file)).toEqual(['index.cjs']);
  }, 180_000);
});

/** A vendor's app: its own admin page and trigger, the disclosure's backend behind them. */
function writeVendorForgeApp(): void {
  execFileSync(
    'npx',
    [
      '--no-install',
      'privacy-disclosure',
      'export',
      '--format',
      'json',
      example,
      '-o',
      'src/privacy-declaration.json',
    ],
    {
      cwd: vendorApp,
      stdio: 'ignore',
    },
  );
  cpSync(
    join(vendorApp, 'node_modules/privacy-disclosure/static/disclosure/dist'),
    join(vendorApp, 'static/privacy'),
    {
      recursive: true,
    },
  );
  writeFileSync(
    join(vendorApp, 'manifest.yml'),
    `modules:
  jira:adminPage:
    - key: vendor-app-privacy
      resource: privacy-ui
      resolver:
        function: privacy-resolver
      title: Privacy disclosure
  trigger:
    - key: vendor-app-privacy-publish
      function: privacy-lifecycle
      events:
        - avi:forge:installed:app
        - avi:forge:upgraded:app
  function:
    - key: privacy-resolver
      handler: index.privacyResolver
    - key: privacy-lifecycle
      handler: index.privacyLifecycle
resources:
  - key: privacy-ui
    path: static/privacy
permissions:
  scopes:
    - storage:app
    - read:jira-work
  content:
    styles:
      - unsafe-inline
app:
  id: ari:cloud:ecosystem::app/0b8e7f3a-5c2d-4e1f-9a6b-7c8d9e0f1a2b
  runtime:
    name: nodejs22.x
`,
  );
  writeFileSync(
    join(vendorApp, 'src/index.ts'),
    `import { createDisclosureBackend } from 'privacy-disclosure/backend';
import declaration from './privacy-declaration.json';

const disclosure = createDisclosureBackend({
  declaration,
  adminModuleKeys: { jira: ['vendor-app-privacy'] },
});

export const privacyResolver = disclosure.handler;
export const privacyLifecycle = disclosure.lifecycle;
`,
  );
  writeFileSync(
    join(vendorApp, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        resolveJsonModule: true,
        skipLibCheck: true,
      },
      include: ['src/**/*.ts'],
    }),
  );
}
