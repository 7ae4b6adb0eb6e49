/**
 * The build step init sets up in the app's package.json: a `privacy-disclosure:build` script,
 * run first by the app's own `build` script when it has one. Pure.
 */

/** The name of the script that validates and bundles the declaration. */
export const BUILD_SCRIPT_NAME = 'privacy-disclosure:build';
/** What it runs. */
export const BUILD_SCRIPT = 'privacy-disclosure build';
/** The package a vendor installs; the handler file imports its backend. */
export const PACKAGE_NAME = 'privacy-disclosure';

/** What init changes in package.json, and what it read there. */
export interface PackageJsonPlan {
  text: string;
  changes: string[];
  /** The app's package name and version (the bundle records the version). */
  name?: string;
  version?: string;
  /** Whether privacy-disclosure is among its dependencies. */
  hasPackage: boolean;
  /** Whether `npm run build` now runs the disclosure's build. */
  chainedIntoBuild: boolean;
}

/** The plan, or why package.json cannot be read. */
export type PackageJsonResult =
  | { ok: true; plan: PackageJsonPlan }
  | { ok: false; line: number; column: number; message: string };

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The indentation the file uses (npm writes two spaces), so the rewrite matches it. */
function indentOf(text: string): string {
  return /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
}

/**
 * Adds the build script and chains it before an existing `build` (which keeps running as it
 * did, after the declaration is bundled). Leaves a script that already runs it alone.
 */
export function planPackageJson(text: string): PackageJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : { line: 1, column: 1 };
    return {
      ok: false,
      ...where,
      message: `not valid JSON: ${message.replace(/ in JSON at position \d+.*$/s, '')}`,
    };
  }
  if (!isRecord(value)) {
    return { ok: false, line: 1, column: 1, message: 'package.json must be a JSON object' };
  }
  const changes: string[] = [];
  if (value.scripts !== undefined && !isRecord(value.scripts)) {
    return {
      ok: false,
      line: 1,
      column: 1,
      message: '"scripts" must be an object of script names and commands',
    };
  }
  const scripts: Record<string, unknown> = { ...(value.scripts ?? {}) };
  if (typeof scripts[BUILD_SCRIPT_NAME] !== 'string') {
    scripts[BUILD_SCRIPT_NAME] = BUILD_SCRIPT;
    changes.push(`script ${BUILD_SCRIPT_NAME}: ${BUILD_SCRIPT}`);
  }
  const build = scripts.build;
  let chainedIntoBuild = false;
  if (typeof build === 'string') {
    if (build.includes(BUILD_SCRIPT_NAME) || build.includes(BUILD_SCRIPT)) {
      chainedIntoBuild = true;
    } else {
      scripts.build = `npm run ${BUILD_SCRIPT_NAME} && ${build}`;
      chainedIntoBuild = true;
      changes.push(`script build: runs ${BUILD_SCRIPT_NAME} first, then what it ran before`);
    }
  }
  const dependencies = [value.dependencies, value.devDependencies].filter(isRecord);
  const plan: PackageJsonPlan = {
    text,
    changes,
    name: typeof value.name === 'string' ? value.name : undefined,
    version: typeof value.version === 'string' ? value.version : undefined,
    hasPackage: dependencies.some((list) => Object.hasOwn(list, PACKAGE_NAME)),
    chainedIntoBuild,
  };
  if (changes.length > 0) {
    const updated = { ...value, scripts };
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const json = JSON.stringify(updated, null, indentOf(text)).replace(/\n/g, eol);
    plan.text = /\r?\n$/.test(text) ? json + eol : json;
  }
  return { ok: true, plan };
}
