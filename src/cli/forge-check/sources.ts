/**
 * Which files Forge bundles and lints, and whether its lint can read them. `forge lint` and the
 * lint of `forge deploy` read every file under src/ (and UI Kit resource folders), minus
 * .gitignore's entries, and parse them with the app's tsconfig.json: a TypeScript file that the
 * config's `include` globs do not match is skipped silently (lint then passes without looking),
 * and a JavaScript file outside the config aborts the lint. This module selects files exactly as
 * Forge does, with Forge's own readers, and adds every file the handlers reach.
 */
import { existsSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import type ts from 'typescript';
import type { ForgeApp } from './app.ts';
import type { ForgeTools } from './forge-tools.ts';
import type { Problem } from './report.ts';

/** What the handlers reach, what Forge's lint reads, and what stops it from reading them. */
export interface Sources {
  /** Files of the app (not node_modules, not declarations) reachable from the handler entries. */
  bundled: string[];
  /** Files to lint: what `forge lint` parses, and every bundled file it can parse. */
  linted: string[];
  /** Files of src/ and UI Kit folders that `forge lint` skips (not in tsconfig.json). */
  skipped: number;
  problems: Problem[];
}

function configProblem(typescript: typeof ts, diagnostic: ts.Diagnostic): Problem {
  const message = typescript.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  return { step: 'sources', file: 'tsconfig.json', message };
}

function readTsconfig(
  dir: string,
  typescript: typeof ts,
): { parsed?: ts.ParsedCommandLine; problems: Problem[] } {
  const file = join(dir, 'tsconfig.json');
  if (!existsSync(file)) return { problems: [] };
  const problems: Problem[] = [];
  const parsed = typescript.getParsedCommandLineOfConfigFile(
    file,
    {},
    {
      ...typescript.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => problems.push(configProblem(typescript, d)),
    },
  );
  for (const diagnostic of parsed?.errors ?? [])
    problems.push(configProblem(typescript, diagnostic));
  return parsed ? { parsed, problems } : { problems };
}

/** The app's files that the handler entries import, as TypeScript resolves them. */
function reachableFiles(
  app: ForgeApp,
  typescript: typeof ts,
  options: ts.CompilerOptions,
): string[] {
  const program = typescript.createProgram({
    rootNames: app.modules.map(({ entry }) => join(app.dir, entry)),
    options: { ...options, allowJs: true, noEmit: true },
  });
  return (
    program
      .getSourceFiles()
      .map(({ fileName }) => fileName)
      // Code only: JSON modules are data, and declarations compile to nothing.
      .filter((file) => /\.[cm]?[jt]sx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file))
      .filter((file) => !/[\\/]node_modules[\\/]/.test(file))
      .map((file) => relative(app.dir, file))
      .sort()
  );
}

/** The files `forge lint` reads: src/ and each UI Kit resource's folder, as its LintService does. */
async function forgeLintSelection(
  cliShared: ForgeTools['cliShared'],
  problems: Problem[],
): Promise<string[]> {
  const reader = new cliShared.FileSystemReader();
  const config = new cliShared.ConfigFile(reader, new cliShared.FileSystemWriter());
  const ignored = [...(await cliShared.listGitIgnoreFiles(reader)), '.git', 'node_modules'];
  let uiKitFolders: string[] = [];
  try {
    const resources = await config.getResources(['nativeUI']);
    uiKitFolders = resources.map((resource) => dirname(resource.path));
  } catch (error) {
    problems.push({ step: 'sources', file: 'manifest.yml', message: (error as Error).message });
  }
  const folders = ['./src', ...uiKitFolders];
  const files = (
    await Promise.all(folders.map((folder) => reader.recursiveReadDir(folder, ignored)))
  ).flat();
  return [...new Set(files.map((file) => relative('.', file)))];
}

/**
 * Selects the files to lint and finds what would make Forge's lint skip or abort. Runs with the
 * app directory as the working directory: Forge's readers resolve everything from there.
 */
export async function findSources(app: ForgeApp, tools: ForgeTools): Promise<Sources> {
  const { cliShared, typescript } = tools;
  const { parsed, problems } = readTsconfig(app.dir, typescript);
  const bundled = reachableFiles(app, typescript, parsed?.options ?? {});
  const selection = await forgeLintSelection(cliShared, problems);

  // Forge's own predicate (lint.js): JavaScript always; TypeScript when the include globs list it
  // and the exclude globs do not, or when the config has neither.
  const { include, exclude } = await cliShared.listTSConfigIncludeExclude(
    new cliShared.FileSystemReader(),
  );
  const included = new Set(include);
  const excluded = new Set(exclude);
  const parses = (file: string) => {
    if (/jsx?$/.test(extname(file))) return true;
    if (!/tsx?$/.test(extname(file))) return false;
    const absolute = resolve(app.dir, file);
    const listed = included.has(absolute) && !excluded.has(absolute);
    return listed || (included.size === 0 && excluded.size === 0);
  };
  const selected = selection.filter(parses);
  const skipped = selection.filter((file) => /tsx?$/.test(extname(file)) && !parses(file));

  for (const file of bundled.filter((name) => !parses(name))) {
    problems.push({
      step: 'sources',
      file,
      message:
        "Forge bundles this file, but tsconfig.json's include does not match it, so Forge's lint skips it " +
        '(include entries are globs: "src" matches no file, "src/**/*.ts" does)',
    });
  }
  const inSelection = new Set(selection);
  for (const file of bundled.filter((name) => parses(name) && !inSelection.has(name))) {
    problems.push({
      step: 'sources',
      file,
      level: 'warning',
      message:
        'Forge bundles this file, but forge lint reads only src/; forge-check lints it anyway',
    });
  }
  if (parsed) {
    const inConfig = new Set(parsed.fileNames.map((file) => resolve(file)));
    for (const file of selected.filter((name) => /jsx?$/.test(extname(name)))) {
      if (inConfig.has(resolve(app.dir, file))) continue;
      problems.push({
        step: 'sources',
        file,
        message:
          'forge lint parses every JavaScript file it reads with tsconfig.json, which does not include ' +
          'this one, so it would abort: add it to tsconfig.json (with allowJs) or move it out of src/',
      });
    }
  }
  const linted = [...new Set([...selected, ...bundled.filter(parses)])].sort();
  return { bundled, linted, skipped: skipped.length, problems };
}
