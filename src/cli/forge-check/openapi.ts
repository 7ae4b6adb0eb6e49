/**
 * Local copies of Atlassian's OpenAPI specs for Forge's permission rule (which scope each REST
 * call needs). Online, the rule downloads them; offline it reads the files named by
 * `USE_LOCAL_SWAGGER` and six `LOCAL_*_SWAGGER` variables. The specs are Atlassian's reference
 * data and stay outside the repository: by default in `../shared/forge-openapi/` beside it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The variables Forge's permission rule reads, the file each names, and the API it describes. */
export const SPEC_FILES = [
  { variable: 'LOCAL_JIRA_SWAGGER', file: 'jira.json', api: 'Jira platform' },
  { variable: 'LOCAL_JSM_SWAGGER', file: 'jsm.json', api: 'Jira Service Management' },
  { variable: 'LOCAL_JSW_SWAGGER', file: 'jsw.json', api: 'Jira Software' },
  { variable: 'LOCAL_CONF_SWAGGER', file: 'confluence.json', api: 'Confluence v1' },
  { variable: 'LOCAL_CONF_V2_SWAGGER', file: 'confv2.json', api: 'Confluence v2' },
  { variable: 'LOCAL_BB_SWAGGER', file: 'bb.json', api: 'Bitbucket' },
] as const;

/** Where the specs are looked for when `FORGE_OPENAPI_DIR` is not set, from the project root. */
export const DEFAULT_SPEC_DIR = '../shared/forge-openapi';

/** Which specs the permission rule reads, and what that means for the REST scope check. */
export interface OpenApiSpecs {
  /** False when no specs were found: REST calls are then not checked for scopes. */
  found: boolean;
  /** One line for the report: where the specs are and which APIs they cover. */
  summary: string;
  /** The variables to set for Forge's permission rule. */
  env: Record<string, string>;
}

function pathCount(file: string): number {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths?: Record<string, unknown> };
  return Object.keys(spec.paths ?? {}).length;
}

function describe(files: Record<string, string>, where: string): string {
  const covered: string[] = [];
  const empty: string[] = [];
  for (const { variable, api } of SPEC_FILES) {
    const count = pathCount(files[variable] ?? '');
    if (count > 0) covered.push(`${api} (${count} paths)`);
    else empty.push(api);
  }
  const unchecked =
    empty.length > 0 ? `; empty: ${empty.join(', ')}, calls to them are not checked` : '';
  return `OpenAPI specs from ${where}: ${covered.join(', ') || 'none with paths'}${unchecked}`;
}

/**
 * Finds the specs: the variables already set (all seven), else `FORGE_OPENAPI_DIR`, else
 * `../shared/forge-openapi/` from `projectRoot`. When there are none, writes empty specs into
 * `scratchDir` so that the permission rule still checks egress and storage without a download,
 * and says that REST scopes go unchecked.
 */
export function locateOpenApiSpecs(
  projectRoot: string,
  scratchDir: string,
  env: NodeJS.ProcessEnv = process.env,
): OpenApiSpecs {
  const preset = SPEC_FILES.every(({ variable }) => env[variable]) && env.USE_LOCAL_SWAGGER;
  if (preset) {
    const files = Object.fromEntries(SPEC_FILES.map(({ variable }) => [variable, env[variable]!]));
    const missing = Object.values(files).filter((file) => !existsSync(file));
    if (missing.length > 0) {
      throw new Error(`LOCAL_*_SWAGGER names files that do not exist: ${missing.join(', ')}`);
    }
    return { found: true, summary: describe(files, 'LOCAL_*_SWAGGER'), env: {} };
  }
  const dir = resolve(projectRoot, env.FORGE_OPENAPI_DIR ?? DEFAULT_SPEC_DIR);
  const files = Object.fromEntries(
    SPEC_FILES.map(({ variable, file }) => [variable, join(dir, file)]),
  );
  const missing = SPEC_FILES.filter(({ variable }) => !existsSync(files[variable]!));
  if (missing.length === 0) {
    return {
      found: true,
      summary: describe(files, dir),
      env: { USE_LOCAL_SWAGGER: '1', ...files },
    };
  }
  const empty = Object.fromEntries(
    SPEC_FILES.map(({ variable, file }) => {
      const path = join(scratchDir, file);
      writeFileSync(path, '{"paths":{}}');
      return [variable, path];
    }),
  );
  return {
    found: false,
    summary:
      `OpenAPI specs NOT FOUND in ${dir} (missing ${missing.map(({ file }) => file).join(', ')}; ` +
      'set FORGE_OPENAPI_DIR): REST calls are NOT checked for their scopes',
    env: { USE_LOCAL_SWAGGER: '1', ...empty },
  };
}
