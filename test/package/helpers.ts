/**
 * For the package test: packing a copy of this repository as `npm pack` does (prepack builds
 * dist/ and the UI there, so nothing is written into the working tree), installing with npm as a
 * vendor does, and the Forge app a vendor writes by hand around the package's backend.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A real declaration (a seed policy's vendor). */
export const example = join(repoRoot, 'examples/exalate-cloud.yaml');

/** What one command printed and how it ended. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in `cwd`, with `env` added to this process's environment. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Run {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `npm install` as in a vendor's app: from npm's cache when it can (the registry otherwise),
 * without running install scripts.
 */
export function npmInstall(cwd: string, ...args: string[]): Run {
  return run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', ...args],
    cwd,
  );
}

/** What is never part of a checkout: dependencies, builds, local state (as .gitignore says). */
function inCheckout(path: string): boolean {
  const rel = relative(repoRoot, path);
  return (
    !/^(\.git|node_modules|dist|coverage|test-results|bench-results|\.preview-data)(\/|$)/.test(
      rel,
    ) && !/^static\/[^/]+\/dist(\/|$)/.test(rel)
  );
}

/** The tarball `npm pack` makes of a copy of this repository in `scratch`, and its files. */
export function packRepository(scratch: string): { tarball: string; files: string[] } {
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
  return {
    tarball: join(packs, packed?.filename ?? ''),
    files: (packed?.files ?? []).map(({ path }) => path),
  };
}

/** A vendor's app in `dir`: its own admin page and trigger, the disclosure's backend behind them. */
export function writeVendorForgeApp(dir: string): void {
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
      cwd: dir,
      stdio: 'ignore',
    },
  );
  cpSync(
    join(dir, 'node_modules/privacy-disclosure/static/disclosure/dist'),
    join(dir, 'static/privacy'),
    {
      recursive: true,
    },
  );
  writeFileSync(
    join(dir, 'manifest.yml'),
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
    join(dir, 'src/index.ts'),
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
    join(dir, 'tsconfig.json'),
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
