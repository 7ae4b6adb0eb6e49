/**
 * The package's prebuilt Custom UI, which init and build copy into the app's resource folder,
 * and the state of that folder: missing, the disclosure's own copy (it holds the marker file),
 * or something else, which is never replaced.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasMarker } from './staged-writes.ts';

/** The file in the UI copy that says it is the disclosure's, with the package version. */
export const UI_MARKER = '.privacy-disclosure-ui.json';

/** Where the UI is built in this repository, relative to the package root. */
const DEFAULT_UI_DIR = 'static/disclosure/dist';

/** The root of the privacy-disclosure package this code runs from. */
export function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).name === 'privacy-disclosure') return dir;
      } catch {
        // An unreadable package.json above us is not ours; keep looking.
      }
    }
    if (dirname(dir) === dir) throw new Error('cannot find the privacy-disclosure package root');
  }
}

/** The package's version, written into the UI copy's marker. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
  return String(pkg.version);
}

/** The UI source: the folder given with --ui, else the package's prebuilt UI. */
export function prebuiltUiDir(override?: string): string {
  return override ? resolve(override) : join(packageRoot(), DEFAULT_UI_DIR);
}

/** Why the UI source cannot be copied, or undefined when it has an index.html. */
export function uiSourceProblem(dir: string, given: boolean): string | undefined {
  if (existsSync(join(dir, 'index.html'))) return undefined;
  return given
    ? `--ui ${dir}: no index.html there; give the folder of a built Custom UI`
    : `the package's prebuilt UI is missing (${dir} has no index.html); in the privacy-disclosure repository, run npm run build:ui first`;
}

/** What is at the app's UI folder now. */
export type UiFolderState = 'missing' | 'ours' | 'foreign';

/** Reads the state of the UI folder: an empty folder counts as missing. */
export async function uiFolderState(path: string): Promise<UiFolderState> {
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'ENOTDIR') return 'foreign';
    throw error;
  }
  if (entries.length === 0) return 'missing';
  return (await hasMarker(path, UI_MARKER)) ? 'ours' : 'foreign';
}

/** The marker's content: which package and version the copy came from. */
export function uiMarkerText(): string {
  return `${JSON.stringify({ copiedBy: 'privacy-disclosure', version: packageVersion() }, null, 2)}\n`;
}

/** How many files a folder holds, for the report. */
export async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).length;
}
