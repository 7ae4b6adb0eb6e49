/**
 * `privacy-disclosure build`, run in a vendor's app after `init`: validates the declaration,
 * holds it against manifest.yml as `check` does, bundles it as data into the module the handler
 * file imports (with the disclosure's admin pages and the manifest's facts), and refreshes the UI
 * copy in the disclosure's resource folder. An invalid declaration, or one the manifest
 * contradicts, writes nothing.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { formatLocatedIssue, validateDeclarationBytes } from '../../declaration/index.ts';
import { EXIT, describeFsError, readDeclarationFile, type CliIo } from '../io.ts';
import { GENERATED_MODULE } from '../init/handler-template.ts';
import {
  adminModuleKeys,
  findDisclosureParts,
  HANDLER_MODULE,
  LIFECYCLE_HANDLER,
  moduleLists,
  RESOLVER_HANDLER,
} from '../init/manifest/disclosure-parts.ts';
import { formatManifestProblem, readManifest } from '../init/manifest/read-manifest.ts';
import { DECLARATION_PATH } from '../init/plan-init.ts';
import { parseCommand } from '../init/usage.ts';
import { renderBundleModule } from './bundle-module.ts';
import { checkDisclosureManifest } from './check-manifest.ts';
import { pageFunctions } from './page-functions.ts';
import { pageWarnings, reviewPagesLine } from './page-report.ts';
import { checkForBuild } from './truth-check.ts';
import {
  countFiles,
  prebuiltUiDir,
  UI_MARKER,
  uiFolderState,
  uiMarkerText,
  uiSourceProblem,
} from './prebuilt-ui.ts';
import { firstPaintFiles, firstPaintLocale, plainIndexFile } from './prerender-ui.ts';
import { writeAllOrNothing } from './staged-writes.ts';

/** A path as the vendor reads it: relative to the app's root, with forward slashes. */
function shown(dir: string, path: string): string {
  const inApp = relative(dir, path);
  return inApp.startsWith('..') ? path : inApp.split(sep).join('/');
}

async function appVersion(dir: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    if (typeof pkg.version === 'string' && pkg.version.trim()) return pkg.version.trim();
  } catch {
    // No readable package.json: the backend records Forge's own version when it has one.
  }
  return 'unknown';
}

function fail(io: CliIo, message: string): number {
  io.stderr(`privacy-disclosure build: ${message}\n`);
  return EXIT.invalid;
}

/**
 * `privacy-disclosure build [--declaration FILE] [--dir DIR] [--ui DIR]`; returns the exit code.
 * `options.prerenderModule` is another pre-render module than the package's (tests).
 */
export async function runBuild(
  args: string[],
  io: CliIo,
  options: { prerenderModule?: string } = {},
): Promise<number> {
  const command = parseCommand(
    'build',
    args,
    {
      declaration: { type: 'string' },
      dir: { type: 'string' },
      ui: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    io,
  );
  if (typeof command === 'number') return command;
  const dir = resolve(command.dir ?? '.');
  let manifestText: string;
  try {
    manifestText = await readFile(join(dir, 'manifest.yml'), 'utf8');
  } catch (error) {
    return fail(io, `cannot read manifest.yml in ${dir}: ${describeFsError(error)}`);
  }
  const manifest = readManifest(manifestText);
  if (!manifest.ok) {
    for (const problem of manifest.problems)
      io.stderr(`${formatManifestProblem('manifest.yml', problem)}\n`);
    return fail(io, 'manifest.yml cannot be read; nothing was bundled.');
  }
  const parsed = manifest.manifest;
  const parts = findDisclosureParts(parsed.value);
  if (
    !parts.resolverFunction &&
    !parts.lifecycleFunction &&
    parts.pages.length === 0 &&
    !parts.resource
  ) {
    return fail(
      io,
      `manifest.yml has no Privacy Disclosure function (handler ${RESOLVER_HANDLER} or ${LIFECYCLE_HANDLER}) and no page that shows its UI: run privacy-disclosure init first.`,
    );
  }
  const missing = checkDisclosureManifest(parsed, parts);
  for (const problem of missing) io.stderr(`${formatManifestProblem('manifest.yml', problem)}\n`);
  if (missing.length > 0 || !parts.resource) {
    return fail(io, 'manifest.yml lacks what the disclosure needs (above); nothing was written.');
  }
  const resource = parts.resource;
  const extension = ['ts', 'js'].find((ext) =>
    existsSync(join(dir, 'src', `${HANDLER_MODULE}.${ext}`)),
  );
  if (!extension) {
    return fail(
      io,
      `src/${HANDLER_MODULE}.ts (or .js) is missing: run privacy-disclosure init to write it.`,
    );
  }
  const declarationPath = command.declaration
    ? resolve(command.declaration)
    : join(dir, DECLARATION_PATH);
  const declarationName = command.declaration ?? DECLARATION_PATH;
  const read = await readDeclarationFile(declarationPath);
  if (!read.ok) return fail(io, `cannot read ${declarationName}: ${read.reason}`);
  const result = validateDeclarationBytes(read.bytes, declarationName);
  for (const issue of [...(result.ok ? [] : result.issues), ...result.warnings]) {
    io.stderr(`${formatLocatedIssue(issue)}\n`);
  }
  if (!result.ok)
    return fail(io, `${declarationName} is not a valid declaration; nothing was bundled.`);
  const checked = checkForBuild(
    { manifest: 'manifest.yml', declaration: declarationName },
    manifestText,
    result.declaration,
    new TextDecoder().decode(read.bytes),
  );
  for (const line of checked.lines) io.stderr(`${line}\n`);
  if (!checked.ok) return fail(io, 'manifest.yml cannot be read; nothing was bundled.');
  if (!checked.consistent) {
    return fail(
      io,
      `manifest.yml contradicts ${declarationName} (above); nothing was bundled. Correct the declaration (or the manifest), and run privacy-disclosure check for the full report.`,
    );
  }
  const uiTarget = resolve(dir, resource.path);
  const uiState = await uiFolderState(uiTarget);
  if (uiState === 'foreign') {
    return fail(
      io,
      `${resource.path} is not the disclosure's UI copy (it has no ${UI_MARKER}); move it aside so build can copy the UI there. Nothing was written.`,
    );
  }
  const uiSource = prebuiltUiDir(command.ui);
  const uiProblem = uiSourceProblem(uiSource, command.ui !== undefined);
  if (uiProblem) return fail(io, `${uiProblem}. Nothing was written.`);
  const answered = await pageFunctions(dir, parts.pages, moduleLists(parsed.value).function ?? []);
  for (const warning of pageWarnings(parsed, parts, answered)) {
    io.stderr(
      `${formatManifestProblem('manifest.yml', { ...warning, message: `warning: ${warning.message}` })}\n`,
    );
  }
  const admins = adminModuleKeys(parts);
  const modulePath = join(dir, 'src', `${GENERATED_MODULE}.${extension}`);
  const bundle = await renderBundleModule({
    source: shown(dir, declarationPath),
    declaration: result.declaration,
    manifestFacts: checked.facts,
    appVersion: await appVersion(dir),
    adminModuleKeys: admins,
  });
  const previous = await readFile(modulePath, 'utf8').catch(() => undefined);
  const handlerPath = join(dir, 'src', `${HANDLER_MODULE}.${extension}`);
  const handlerText = await readFile(handlerPath, 'utf8').catch(() => '');
  if (!handlerText.includes('MANIFEST_FACTS')) {
    io.stderr(
      `warning: ${shown(dir, handlerPath)} does not pass MANIFEST_FACTS to createDisclosureBackend, so the page says the declaration was not checked against a manifest. Import MANIFEST_FACTS from ./${GENERATED_MODULE} and add manifestFacts: MANIFEST_FACTS to its options.\n`,
    );
  }
  // The page's first paint, rendered from what is bundled: without it the page still works.
  const firstPaint = await firstPaintFiles(
    uiSource,
    result.declaration,
    checked.facts,
    firstPaintLocale(parsed.value),
    options.prerenderModule,
  );
  if (!firstPaint.ok) {
    io.stderr(
      `warning: ${firstPaint.problem}; the UI's index.html is copied without a pre-rendered first paint (the page paints when its script has run).\n`,
    );
  }
  try {
    await writeAllOrNothing(
      previous === bundle.text ? [] : [{ path: modulePath, text: bundle.text }],
      [
        {
          path: uiTarget,
          from: uiSource,
          marker: { name: UI_MARKER, text: uiMarkerText() },
          files: firstPaint.ok ? firstPaint.files : await plainIndexFile(uiSource),
        },
      ],
    );
  } catch (error) {
    return fail(io, `cannot write: ${describeFsError(error)}. Nothing was changed.`);
  }
  io.stdout(
    `Bundled ${declarationName} (sha256 ${bundle.contentHash.slice(0, 12)}…) into ${shown(dir, modulePath)}${previous === bundle.text ? ' (unchanged)' : ''}.\n` +
      `Checked against manifest.yml: ${checked.counts}; Runs on Atlassian: ${checked.runsOnAtlassian ? 'yes' : 'no'}.\n` +
      `${reviewPagesLine(parts, answered)}\n` +
      `Copied the UI to ${resource.path}/ (${await countFiles(uiSource)} files)${firstPaint.ok ? `, its first paint pre-rendered in ${firstPaint.paint.locale} (sha256 ${firstPaint.paint.contentHash.slice(0, 12)}…)` : ''}.\n`,
  );
  return EXIT.ok;
}
