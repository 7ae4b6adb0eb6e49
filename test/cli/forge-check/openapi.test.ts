/**
 * Where forge-check finds Atlassian's OpenAPI specs for Forge's permission rule, and what it
 * says when they are not there: a vendor names them with FORGE_OPENAPI_DIR (relative to where
 * they run the command); this repository's checkout also finds them beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SPEC_DIR,
  locateOpenApiSpecs,
  OpenApiSpecError,
} from '../../../src/cli/forge-check/openapi.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'forge-check-openapi-'));
// Atlassian's OpenAPI specs live outside the repository; without them REST scopes go unchecked.
const specDir = resolve(repoRoot, process.env.FORGE_OPENAPI_DIR ?? DEFAULT_SPEC_DIR);
const specsFound = existsSync(join(specDir, 'jira.json'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the OpenAPI specs of forge-check', () => {
  it('says so when the OpenAPI specs are missing, and that REST scopes are then not checked', () => {
    const noSpecs = join(scratch, 'no-specs');
    mkdirSync(noSpecs);
    const specs = locateOpenApiSpecs(noSpecs, {
      cwd: repoRoot,
      repositoryRoot: repoRoot,
      env: { FORGE_OPENAPI_DIR: noSpecs },
    });
    expect(specs.found).toBe(false);
    expect(specs.summary).toMatch(
      /NOT FOUND in .*no-specs .*set FORGE_OPENAPI_DIR.*REST calls are NOT checked/,
    );
    // The permission rule still runs (egress, storage), over empty specs instead of a download.
    expect(specs.env.USE_LOCAL_SWAGGER).toBe('1');
    expect(readFileSync(specs.env.LOCAL_JIRA_SWAGGER ?? '', 'utf8')).toBe('{"paths":{}}');
  });

  it('tells a vendor, whose installed package has no specs beside it, to set FORGE_OPENAPI_DIR', () => {
    const emptyScratch = join(scratch, 'vendor-specs');
    mkdirSync(emptyScratch);
    const specs = locateOpenApiSpecs(emptyScratch, { cwd: repoRoot, env: {} });
    expect(specs.found).toBe(false);
    expect(specs.summary).toMatch(
      /^OpenAPI specs NOT FOUND: FORGE_OPENAPI_DIR is not set\. Set it to a folder with Atlassian's OpenAPI specs \(jira\.json, .*bb\.json; .*--help.*\): REST calls are NOT checked for their scopes$/,
    );
  });

  it.skipIf(!specsFound)(
    'reads FORGE_OPENAPI_DIR from the folder the command was started in',
    () => {
      const started = join(specDir, '..');
      const specs = locateOpenApiSpecs(scratch, {
        cwd: started,
        env: { FORGE_OPENAPI_DIR: relative(started, specDir) },
      });
      expect(specs.found).toBe(true);
      expect(specs.summary).toMatch(/^OpenAPI specs from .*: Jira platform \(\d+ paths\)/);
      expect(specs.env.LOCAL_JIRA_SWAGGER).toBe(join(specDir, 'jira.json'));
    },
  );

  it('refuses spec variables that name a missing or unreadable file, saying which', () => {
    const broken = join(scratch, 'broken-specs');
    mkdirSync(broken);
    const env: NodeJS.ProcessEnv = { USE_LOCAL_SWAGGER: '1' };
    for (const name of ['JIRA', 'JSM', 'JSW', 'CONF', 'CONF_V2', 'BB']) {
      env[`LOCAL_${name}_SWAGGER`] = join(broken, `${name.toLowerCase()}.json`);
      writeFileSync(join(broken, `${name.toLowerCase()}.json`), '{"paths":{}}');
    }
    env.LOCAL_BB_SWAGGER = join(broken, 'gone.json');
    const search = { cwd: repoRoot, env };
    expect(() => locateOpenApiSpecs(broken, search)).toThrow(OpenApiSpecError);
    expect(() => locateOpenApiSpecs(broken, search)).toThrow(/LOCAL_BB_SWAGGER=.*gone\.json/);
    writeFileSync(join(broken, 'gone.json'), '<html>rate limited</html>');
    expect(() => locateOpenApiSpecs(broken, search)).toThrow(
      /gone\.json .*not a readable JSON OpenAPI spec/,
    );
    // The command says it as a usage error before any of Forge's tools runs (it loads them
    // first, which takes seconds on a busy machine).
    const cli = spawnSync(process.execPath, ['bin/privacy-disclosure.js', 'forge-check'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    expect(cli.status, cli.stderr).toBe(2);
    expect(cli.stderr).toMatch(
      /^privacy-disclosure forge-check: OpenAPI specs: .*gone\.json .*not a readable JSON/,
    );
    expect(cli.stdout).toBe('');
  }, 60_000);
});
