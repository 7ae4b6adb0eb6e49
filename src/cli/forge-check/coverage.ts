/**
 * Every module of the app that Forge bundled must have been linted, directly or as the source of
 * a build output. This app bundles its backend from dist/ (its own package, through package.json
 * `exports`, as a vendor's app does), built by tsconfig.build.json from src/: the check maps each
 * bundled dist/ file back to its source, and fails when the build is older than the source,
 * because Forge would deploy the old code.
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type ts from 'typescript';
import type { Problem } from './report.ts';

/** The build that turns sources into bundled JavaScript: tsconfig.build.json's folders. */
interface BuildFolders {
  rootDir: string;
  outDir: string;
}

function buildFolders(appDir: string, typescript: typeof ts): BuildFolders | undefined {
  const file = join(appDir, 'tsconfig.build.json');
  if (!existsSync(file)) return undefined;
  const parsed = typescript.getParsedCommandLineOfConfigFile(
    file,
    {},
    {
      ...typescript.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  const { rootDir, outDir } = parsed?.options ?? {};
  return rootDir && outDir
    ? { rootDir: relative(appDir, rootDir), outDir: relative(appDir, outDir) }
    : undefined;
}

function sourceOf(appDir: string, output: string, build: BuildFolders): string | undefined {
  const base = join(build.rootDir, relative(build.outDir, output)).replace(/\.[cm]?js$/, '');
  return ['.ts', '.tsx', '.mts', '.cts']
    .map((extension) => base + extension)
    .find((candidate) => existsSync(join(appDir, candidate)));
}

/** A problem when the app bundles from a build (tsconfig.build.json) that was never made. */
export function checkBuildExists(appDir: string, typescript: typeof ts): Problem[] {
  const build = buildFolders(appDir, typescript);
  if (!build || existsSync(join(appDir, build.outDir))) return [];
  return [
    {
      step: 'bundle',
      file: build.outDir,
      message: `not built; the functions bundle it through package.json exports: run npm run build first`,
    },
  ];
}

/** Problems with bundled app modules that were not linted or were built before their source. */
export function checkCoverage(
  appDir: string,
  typescript: typeof ts,
  bundled: string[],
  linted: string[],
): Problem[] {
  const lintedSet = new Set(linted);
  const build = buildFolders(appDir, typescript);
  const problems: Problem[] = [];
  for (const file of bundled.filter((name) => !lintedSet.has(name))) {
    const fromBuild = build && !relative(build.outDir, file).startsWith('..');
    if (!build || !fromBuild) {
      problems.push({
        step: 'bundle',
        file,
        message: 'Forge bundles this file, but forge-check did not lint it',
      });
      continue;
    }
    const source = sourceOf(appDir, file, build);
    if (!source) {
      problems.push({
        step: 'bundle',
        file,
        message: `bundled from the build, but its source in ${build.rootDir}/ is gone: run npm run build`,
      });
    } else if (statSync(join(appDir, source)).mtimeMs > statSync(join(appDir, file)).mtimeMs) {
      problems.push({
        step: 'bundle',
        file,
        message: `older than ${source}, so Forge would deploy the old code: run npm run build`,
      });
    } else if (!lintedSet.has(source)) {
      problems.push({
        step: 'bundle',
        file,
        message: `bundled, but its source ${source} was not linted`,
      });
    }
  }
  return problems;
}
