/**
 * `privacy-disclosure init`: adds the Privacy Disclosure to an existing Forge app. Reads the app,
 * plans every change (pure), then prints a diff (--dry-run) or writes all files and the UI copy
 * at once. See HELP.init for what it changes.
 */
import { resolve } from 'node:path';
import { EXIT, describeFsError, type CliIo } from '../io.ts';
import {
  countFiles,
  prebuiltUiDir,
  UI_MARKER,
  uiFolderState,
  uiMarkerText,
  uiSourceProblem,
} from '../build/prebuilt-ui.ts';
import { plainIndexFile } from '../build/prerender-ui.ts';
import { writeAllOrNothing, type FolderCopy } from '../build/staged-writes.ts';
import { planInit } from './plan-init.ts';
import { readApp } from './read-app.ts';
import { initReport, type UiCopyReport } from './report.ts';
import { unifiedDiff } from './unified-diff.ts';
import { parseCommand } from './usage.ts';

/** What tests may set instead of the real clock. */
export interface InitEnvironment {
  /** Today, YYYY-MM-DD (the starting declaration's lastUpdated). */
  today?: string;
}

/** `privacy-disclosure init [--dry-run] [--dir DIR] [--ui DIR]`; returns the exit code. */
export async function runInit(
  args: string[],
  io: CliIo,
  environment: InitEnvironment = {},
): Promise<number> {
  const options = parseCommand(
    'init',
    args,
    {
      'dry-run': { type: 'boolean' },
      dir: { type: 'string' },
      ui: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    io,
  );
  if (typeof options === 'number') return options;
  const dir = resolve(options.dir ?? '.');
  const today = environment.today ?? new Date().toISOString().slice(0, 10);
  const read = await readApp(dir, today);
  if (!read.ok) {
    io.stderr(`privacy-disclosure init: ${read.problem}\n`);
    return EXIT.invalid;
  }
  const planned = planInit(read.app);
  if (!planned.ok) {
    for (const problem of planned.problems) io.stderr(`${problem}\n`);
    io.stderr('privacy-disclosure init: nothing was written.\n');
    return EXIT.invalid;
  }
  const { plan } = planned;
  const uiPath = plan.manifest.uiPath;
  const uiTarget = resolve(dir, uiPath);
  const uiState = await uiFolderState(uiTarget);
  if (uiState === 'foreign') {
    io.stderr(
      `privacy-disclosure init: ${uiPath} exists and is not the disclosure's UI copy (it has no ${UI_MARKER}); move it, then run init again. Nothing was written.\n`,
    );
    return EXIT.invalid;
  }
  let folder: FolderCopy | undefined;
  let ui: UiCopyReport | undefined;
  if (uiState === 'missing') {
    const from = prebuiltUiDir(options.ui);
    const problem = uiSourceProblem(from, options.ui !== undefined);
    if (problem) {
      io.stderr(`privacy-disclosure init: ${problem}. Nothing was written.\n`);
      return EXIT.invalid;
    }
    // Without the first paint the package's own index.html may carry: build renders the vendor's.
    const files = await plainIndexFile(from);
    folder = { path: uiTarget, from, marker: { name: UI_MARKER, text: uiMarkerText() }, files };
    ui = { path: uiPath, files: await countFiles(from) };
  }
  if (options['dry-run']) {
    for (const file of plan.files) io.stdout(unifiedDiff(file.path, file.before, file.after));
    if (folder) io.stdout(`Would copy ${folder.from} to ${uiPath}/ (${ui!.files} files).\n`);
    io.stdout(`\n${initReport(plan, ui, true)}`);
    return EXIT.ok;
  }
  try {
    await writeAllOrNothing(
      plan.files.map((file) => ({ path: resolve(dir, file.path), text: file.after })),
      folder ? [folder] : [],
    );
  } catch (error) {
    io.stderr(
      `privacy-disclosure init: cannot write: ${describeFsError(error)}. Nothing was changed.\n`,
    );
    return EXIT.invalid;
  }
  io.stdout(initReport(plan, ui, false));
  return EXIT.ok;
}
