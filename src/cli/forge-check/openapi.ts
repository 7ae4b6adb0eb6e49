/**
 * Local copies of Atlassian's OpenAPI specs for Forge's permission rule (which scope each REST
 * call needs). Online, the rule downloads them; offline it reads the files named by
 * `USE_LOCAL_SWAGGER` and six `LOCAL_*_SWAGGER` variables. The specs are Atlassian's reference
 * data and stay outside the repository. A vendor names their folder with `FORGE_OPENAPI_DIR`;
 * in this repository's checkout they are also looked for in `../shared/forge-openapi/` beside it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The variables Forge's permission rule reads, the file each names, the API it describes, and
 * where Forge's lint downloads it from when it is online.
 */
export const SPEC_FILES = [
  {
    variable: 'LOCAL_JIRA_SWAGGER',
    file: 'jira.json',
    api: 'Jira platform',
    url: 'https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json',
  },
  {
    variable: 'LOCAL_JSM_SWAGGER',
    file: 'jsm.json',
    api: 'Jira Service Management',
    url: 'https://developer.atlassian.com/cloud/jira/service-desk/swagger.v3.json',
  },
  {
    variable: 'LOCAL_JSW_SWAGGER',
    file: 'jsw.json',
    api: 'Jira Software',
    url: 'https://developer.atlassian.com/cloud/jira/software/swagger.v3.json',
  },
  {
    variable: 'LOCAL_CONF_SWAGGER',
    file: 'confluence.json',
    api: 'Confluence v1',
    url: 'https://developer.atlassian.com/cloud/confluence/swagger.v3.json',
  },
  {
    variable: 'LOCAL_CONF_V2_SWAGGER',
    file: 'confv2.json',
    api: 'Confluence v2',
    url: 'https://developer.atlassian.com/cloud/confluence/openapi-v2.v3.json',
  },
  {
    variable: 'LOCAL_BB_SWAGGER',
    file: 'bb.json',
    api: 'Bitbucket',
    url: 'https://developer.atlassian.com/cloud/bitbucket/swagger.json',
  },
] as const;

/** Where this repository keeps the specs, from its root, when `FORGE_OPENAPI_DIR` is not set. */
export const DEFAULT_SPEC_DIR = '../shared/forge-openapi';

/** Which specs the permission rule reads, and what that means for the REST scope check. */
export interface OpenApiSpecs {
  /** False when no specs were found: REST calls are then not checked for scopes. */
  found: boolean;
  /** One line for the report: where the specs are and which APIs they cover. */
  summary: string;
  /** The variables to set for Forge's permission rule, with absolute paths. */
  env: Record<string, string>;
}

/** Where to look for the specs. */
export interface SpecSearch {
  /** The folder the command was started in: relative paths in the variables start there. */
  cwd: string;
  /** This repository's root, when the CLI runs from its checkout; the default folder is beside it. */
  repositoryRoot?: string;
  env?: NodeJS.ProcessEnv;
}

/** The specs are named but cannot be used: the variable, the file and what is wrong. */
export class OpenApiSpecError extends Error {}

function pathCount(file: string, where: string): number {
  let spec: { paths?: Record<string, unknown> };
  try {
    spec = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new OpenApiSpecError(
      `${file} (from ${where}): not a readable JSON OpenAPI spec: ${(error as Error).message}`,
    );
  }
  return Object.keys(spec?.paths ?? {}).length;
}

function describe(files: Record<string, string>, where: string): string {
  const covered: string[] = [];
  const empty: string[] = [];
  for (const { variable, api } of SPEC_FILES) {
    const count = pathCount(files[variable] ?? '', where);
    if (count > 0) covered.push(`${api} (${count} paths)`);
    else empty.push(api);
  }
  const unchecked =
    empty.length > 0 ? `; empty: ${empty.join(', ')}, calls to them are not checked` : '';
  return `OpenAPI specs from ${where}: ${covered.join(', ') || 'none with paths'}${unchecked}`;
}

/** Empty specs in `scratchDir`, so that the rule checks egress and storage without a download. */
function emptySpecs(scratchDir: string): Record<string, string> {
  return Object.fromEntries(
    SPEC_FILES.map(({ variable, file }) => {
      const path = join(scratchDir, file);
      writeFileSync(path, '{"paths":{}}');
      return [variable, path];
    }),
  );
}

const NOT_CHECKED = 'REST calls are NOT checked for their scopes';

/**
 * Finds the specs: the variables already set (all seven), else `FORGE_OPENAPI_DIR`, else, in
 * this repository's checkout, `../shared/forge-openapi/` beside it. When there are none, writes
 * empty specs into `scratchDir` so that the permission rule still checks egress and storage
 * without a download, and says that REST scopes go unchecked and how to have them checked.
 * Throws OpenApiSpecError when the variables name files that are missing or not JSON.
 */
export function locateOpenApiSpecs(scratchDir: string, search: SpecSearch): OpenApiSpecs {
  const env = search.env ?? process.env;
  if (SPEC_FILES.every(({ variable }) => env[variable]) && env.USE_LOCAL_SWAGGER) {
    const files = Object.fromEntries(
      SPEC_FILES.map(({ variable }) => [variable, resolve(search.cwd, env[variable] ?? '')]),
    );
    const missing = SPEC_FILES.filter(({ variable }) => !existsSync(files[variable] ?? ''));
    if (missing.length > 0) {
      const named = missing.map(({ variable }) => `${variable}=${files[variable]}`);
      throw new OpenApiSpecError(`no such file: ${named.join(', ')}`);
    }
    const summary = describe(files, 'LOCAL_*_SWAGGER');
    return { found: true, summary, env: { USE_LOCAL_SWAGGER: '1', ...files } };
  }
  // An empty variable is one not set: it would otherwise name the current folder.
  const given = env.FORGE_OPENAPI_DIR || undefined;
  const base = given === undefined ? search.repositoryRoot : search.cwd;
  if (base === undefined) {
    return {
      found: false,
      summary:
        'OpenAPI specs NOT FOUND: FORGE_OPENAPI_DIR is not set. Set it to a folder with ' +
        `Atlassian's OpenAPI specs (${SPEC_FILES.map(({ file }) => file).join(', ')}; ` +
        `"privacy-disclosure forge-check --help" says where to get them): ${NOT_CHECKED}`,
      env: { USE_LOCAL_SWAGGER: '1', ...emptySpecs(scratchDir) },
    };
  }
  const dir = resolve(base, given ?? DEFAULT_SPEC_DIR);
  const files = Object.fromEntries(
    SPEC_FILES.map(({ variable, file }) => [variable, join(dir, file)]),
  );
  const missing = SPEC_FILES.filter(({ variable }) => !existsSync(files[variable] ?? ''));
  if (missing.length === 0) {
    return {
      found: true,
      summary: describe(files, dir),
      env: { USE_LOCAL_SWAGGER: '1', ...files },
    };
  }
  return {
    found: false,
    summary:
      `OpenAPI specs NOT FOUND in ${dir} (missing ${missing.map(({ file }) => file).join(', ')}; ` +
      `set FORGE_OPENAPI_DIR to the folder that holds them): ${NOT_CHECKED}`,
    env: { USE_LOCAL_SWAGGER: '1', ...emptySpecs(scratchDir) },
  };
}
