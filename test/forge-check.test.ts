/**
 * `privacy-disclosure forge-check` runs Forge's own lint rules and bundler offline. It must refuse
 * what `forge deploy` would refuse (a REST call whose scope the manifest lacks, a handler that
 * does not compile) and pass this app, whose manifest asks for exactly the scopes its REST calls
 * need. The full run on this app, bundle included, is `npm run forge:check` in CI: it needs the
 * build. The vendor's side (the command from the installed package, Forge's tools installed in
 * the app or missing) is test/package/pack.test.ts.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SPEC_DIR } from '../src/cli/forge-check/openapi.ts';
import type { ForgeCheckReport } from '../src/cli/forge-check/run.ts';
import { inProcess } from './cli/run-cli.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'forge-check-test-'));
// Atlassian's OpenAPI specs live outside the repository; without them REST scopes go unchecked.
const specsFound = existsSync(
  join(resolve(repoRoot, process.env.FORGE_OPENAPI_DIR ?? DEFAULT_SPEC_DIR), 'jira.json'),
);

interface Run {
  status: number | null;
  report: ForgeCheckReport;
  stderr: string;
}

/** Runs the CLI's forge-check as CI does, in its own process (it works in the app's directory). */
function runForgeCheck(dir: string, steps: string): Promise<Run> {
  return new Promise((done, reject) => {
    const args = ['bin/privacy-disclosure.js', 'forge-check', '--only', steps, '--json', dir];
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      try {
        done({ status, report: JSON.parse(stdout) as ForgeCheckReport, stderr });
      } catch {
        reject(new Error(`forge-check printed no report (exit ${status}): ${stderr}${stdout}`));
      }
    });
  });
}

/**
 * A vendor's app as Forge would refuse it: it checks Jira admins the way this app did before
 * Forge's lint was run (GET /rest/api/3/mypermissions under read:jira-user, which is not the
 * endpoint's scope), and its lifecycle handler returns the install context where it promised
 * nothing.
 */
function brokenApp(): string {
  const dir = join(scratch, 'broken-app');
  mkdirSync(join(dir, 'src'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(
    join(dir, 'manifest.yml'),
    `modules:
  trigger:
    - key: publish-on-install
      function: lifecycle
      events:
        - avi:forge:installed:app
  function:
    - key: admin-check
      handler: index.isJiraAdmin
    - key: lifecycle
      handler: lifecycle.lifecycle
permissions:
  scopes:
    - read:jira-user
app:
  id: ari:cloud:ecosystem::app/6f1c2d4e-8a3b-4c5d-9e7f-0a1b2c3d4e5f
  runtime:
    name: nodejs22.x
`,
  );
  writeFileSync(
    join(dir, 'src/index.ts'),
    `import { asUser, route } from '@forge/api';

export async function isJiraAdmin(): Promise<boolean> {
  const response = await asUser().requestJira(
    route\`/rest/api/3/mypermissions?permissions=ADMINISTER\`,
  );
  const body = (await response.json()) as { permissions?: { ADMINISTER?: { havePermission?: boolean } } };
  return body.permissions?.ADMINISTER?.havePermission === true;
}
`,
  );
  writeFileSync(
    join(dir, 'src/lifecycle.ts'),
    `export async function lifecycle(event: { context: { installContext: string } }): Promise<void> {
  return event.context.installContext;
}
`,
  );
  writeFileSync(join(dir, 'package.json'), '{ "name": "vendor-app", "type": "module" }\n');
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
      },
      include: ['src/**/*.ts'],
    }),
  );
  return dir;
}

/**
 * This app as Forge's lint sees it: its manifest, tsconfig.json, .gitignore and src/, with the
 * built UI or, when it has not been built, a placeholder page (the manifest rules check that the
 * resource folder exists). A copy, so nothing is left behind in the repository.
 */
function thisApp(): string {
  const dir = join(scratch, 'this-app');
  mkdirSync(dir);
  for (const file of ['manifest.yml', 'tsconfig.json', 'package.json', '.gitignore']) {
    copyFileSync(join(repoRoot, file), join(dir, file));
  }
  cpSync(join(repoRoot, 'src'), join(dir, 'src'), { recursive: true });
  // The manifest's titles are catalogue keys: Forge's lint looks them up in the locale files.
  cpSync(join(repoRoot, 'locales'), join(dir, 'locales'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const ui = join(dir, 'static/disclosure/dist');
  if (existsSync(join(repoRoot, 'static/disclosure/dist/index.html'))) {
    cpSync(join(repoRoot, 'static/disclosure/dist'), ui, { recursive: true });
  } else {
    mkdirSync(ui, { recursive: true });
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Privacy disclosure</title>');
  }
  return dir;
}

describe('privacy-disclosure forge-check', () => {
  let broken: Promise<Run>;
  let own: Promise<Run>;

  beforeAll(() => {
    const app = brokenApp();
    // All at once: most of each run is Forge's lint compiling its manifest schemas.
    broken = runForgeCheck(app, 'lint,bundle');
    own = runForgeCheck(thisApp(), 'lint');
    // Rejections are reported by the tests that await them.
    for (const run of [broken, own]) run.catch(() => undefined);
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('gives a usage error (exit 2) for a wrong step, two directories or a missing one', async () => {
    const step = await inProcess('forge-check', '--only', 'lint,deploy');
    expect(step.code).toBe(2);
    expect(step.stderr).toContain('--only takes one or more of lint, bundle, manifest, sources');
    expect(step.stderr).toContain('(not deploy)');
    expect(step.stderr).toContain('privacy-disclosure forge-check --help');
    const two = await inProcess('forge-check', repoRoot, scratch);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('one app directory only');
    const missing = await inProcess('forge-check', join(scratch, 'no-such-app'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-app: no such directory/);
    const option = await inProcess('forge-check', '--fast');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--fast'");
  });

  it("is a command of the CLI, with its help and the install line for Forge's tools", async () => {
    const main = await inProcess('--help');
    expect(main.stdout).toMatch(/^ {2}privacy-disclosure forge-check \[--json\] \[DIR\] /m);
    const help = await inProcess('forge-check', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'npm install --save-dev --ignore-scripts @forge/lint @forge/bundler @forge/manifest',
    );
    expect(help.stdout).toMatch(/FORGE_OPENAPI_DIR/);
    expect(help.stdout).toContain(
      'jira.json        https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json',
    );
  });

  it.skipIf(!specsFound)(
    "fails a REST call whose scope the manifest lacks, with Forge's message at the call",
    async () => {
      const { status, report } = await broken;
      expect(status).toBe(1);
      expect(report.problems).toContainEqual(
        expect.objectContaining({
          step: 'lint',
          file: 'src/index.ts',
          line: 5,
          message: 'Jira endpoint: GET /rest/api/3/mypermissions requires "read:jira-work" scope',
        }),
      );
      expect(report.neededScopes).toEqual(['read:jira-work']);
    },
    120_000,
  );

  it('fails a handler that does not compile, with the TypeScript error Forge shows', async () => {
    const { report } = await broken;
    const bundle = report.problems.filter(({ step }) => step === 'bundle');
    expect(bundle).toHaveLength(1);
    expect(bundle[0]?.message).toMatch(/src\/lifecycle\.ts\(2,3\)[\s\S]*TS2322/);
    expect(report.bundles).toEqual([]);
  }, 120_000);

  it.skipIf(!specsFound)(
    "passes this app's lint over the Forge code only, with exactly the scopes its calls need",
    async () => {
      const { status, report, stderr } = await own;
      expect(
        report.problems.filter(({ level }) => level !== 'warning'),
        stderr,
      ).toEqual([]);
      expect(status).toBe(0);
      expect(report.openApi.found).toBe(true);
      const { linted, bundled } = report.files;
      expect(linted).toEqual(expect.arrayContaining(['src/index.ts', 'src/backend/authorize.ts']));
      expect(bundled).toContain('src/backend/authorize.ts');
      // The weekly personal data report is a handler of its own, linted and bundled with the rest.
      expect(bundled).toEqual(
        expect.arrayContaining([
          'src/backend/personal-data.ts',
          'src/backend/personal-data-erase.ts',
        ]),
      );
      expect(linted).toContain('src/backend/personal-data.ts');
      expect(linted.filter((file) => /^src\/(cli|local)\//.test(file))).toEqual([]);
      // storage:app is for @forge/kvs and report:personal-data for privacy.reportPersonalData,
      // neither of which the permission rule looks at (it checks product REST calls);
      // read:jira-user is for the page's own requestJira (reviewers' names), and the lint reads
      // the Forge functions, not the Custom UI.
      expect(report.declaredScopes).toEqual(
        [
          ...(report.neededScopes ?? []),
          'read:jira-user',
          'report:personal-data',
          'storage:app',
        ].sort(),
      );
      expect(report.neededScopes).toEqual(['read:confluence-user', 'read:jira-work']);
    },
    120_000,
  );
});
