/**
 * Bundles the CLI into one ES module, so that `privacy-disclosure` starts on plain Node in this
 * repository instead of compiling its TypeScript through tsx on every run:
 *
 *   npm run build:cli     (also `prepare`, so `npm install` and `npm ci` leave it built)
 *
 * It writes, in .build/cli/ (git-ignored, never packed):
 * - privacy-disclosure.mjs, the CLI with yaml and zod inside it; Forge's tools and TypeScript stay
 *   outside, since forge-check loads them from the vendor's app at run time;
 * - privacy-disclosure.mjs.map, which the bin reads when the CLI fails, so that the stack trace
 *   names the TypeScript sources;
 * - privacy-disclosure.inputs.json, each source the bundle was built from (and each bundled
 *   package's package.json) with its modification time, size and inode. bin/privacy-disclosure.js stats those files (it reads none of them) and
 *   rebuilds the bundle, or runs the sources through tsx, when one differs.
 *
 * Installed as a package, the CLI runs the JavaScript that `npm run build:package` compiles into
 * dist/, not this bundle.
 */
import { mkdirSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Message, type Plugin } from 'esbuild';

/** The repository root, derived from this file's place in scripts/. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where the bundle goes, relative to the repository root. */
export const BUNDLE_DIR = '.build/cli';
/** The bundle, relative to the repository root. */
export const BUNDLE = `${BUNDLE_DIR}/privacy-disclosure.mjs`;
/** The record of the bundle's inputs, relative to the repository root. */
export const INPUTS = `${BUNDLE_DIR}/privacy-disclosure.inputs.json`;

/**
 * What bin/privacy-disclosure.js compares: each input's path relative to the repository root, and
 * `mtimeMs:size:ino` of its stats when the bundle was built. The inode changes when npm
 * reinstalls a package, whose files keep the tarball's fixed modification time.
 */
export interface BundleInputs {
  format: 1;
  inputs: Record<string, string>;
}

/** The stats the bin compares, in the form the inputs record keeps them. */
export function fingerprint(stats: Stats): string {
  return `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
}

/**
 * When the sources run, `import.meta.url` is each source file's own URL: the CLI finds
 * package.json and the package root from it. In the bundle every module would share the bundle's
 * URL, one folder deeper or shallower than the source, so each use is replaced by the source
 * file's URL, worked out at run time from the bundle's place (the repository stays movable).
 */
function sourceUrls(root: string, bundleToRoot: string): Plugin {
  return {
    name: 'source-import-meta-url',
    setup(bundler) {
      bundler.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const text = await readFile(path, 'utf8');
        if (!/\bimport\.meta\.url\b/.test(text)) return undefined;
        const source = posix.join(bundleToRoot, relative(root, path).split(sep).join('/'));
        return {
          contents: text.replace(
            /\bimport\.meta\.url\b/g,
            `new URL(${JSON.stringify(source)}, import.meta.url).href`,
          ),
          loader: 'ts',
        };
      });
    },
  };
}

/** The first esbuild error as `file:line:column: text`, as a compiler prints it. */
function describe(message: Message): string {
  const at = message.location;
  return at ? `${at.file}:${at.line}:${at.column + 1}: ${message.text}` : message.text;
}

/** A build that failed, with the first error of the sources it names. */
export class CliBuildError extends Error {
  override name = 'CliBuildError';
}

/** Writes `contents` to `file` through a temporary file, so a reader sees the old or the new. */
function replaceFile(file: string, contents: Uint8Array | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * The files the inputs record names: each source, and for a package from node_modules (yaml,
 * zod) only its package.json, which npm writes anew (a new inode) whenever it installs the
 * package again. Statting a package's every file would take longer than the rest of the check.
 */
function recorded(inputs: string[]): string[] {
  const files = inputs.map((input) => {
    const bundled = /^(.*\bnode_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    return bundled ? `${bundled[1]}/package.json` : input;
  });
  return [...new Set(files)];
}

/** A file changed in the last moments of a build may not be in it (file times are coarse). */
const CHANGE_MARGIN_MS = 50;

/**
 * Builds the bundle and its inputs record in `root` (this repository by default). Throws
 * CliBuildError, naming the first error, when the sources do not build; the previous bundle is
 * then left as it was.
 */
export async function buildCli(root: string = ROOT, attempt = 1): Promise<{ inputs: number }> {
  const startedAt = Date.now();
  const outdir = join(root, BUNDLE_DIR);
  const bundleToRoot = posix.relative(BUNDLE_DIR, '.') + '/';
  const result = await build({
    absWorkingDir: root,
    entryPoints: { 'privacy-disclosure': 'src/cli/main.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Not minified: a stack trace without source maps still reads, and Node starts it as fast.
    sourcemap: 'linked',
    // The sources are beside the bundle; the map only has to say where each line came from.
    sourcesContent: false,
    // Loaded at run time by forge-check (from the vendor's app) and never by another command.
    external: ['typescript', '@forge/*'],
    // yaml is CommonJS: its require() calls of Node's modules need a real require.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    plugins: [sourceUrls(root, bundleToRoot)],
    metafile: true,
    write: false,
    logLevel: 'silent',
  }).catch((error: { errors?: Message[] }) => {
    const first = error.errors?.[0];
    throw new CliBuildError(first ? describe(first) : String(error));
  });

  const inputs = recorded([...Object.keys(result.metafile.inputs), 'scripts/build-cli.ts']);
  const record: BundleInputs = { format: 1, inputs: {} };
  let changedDuringBuild = false;
  for (const input of inputs) {
    const stats = statSync(join(root, input));
    record.inputs[input] = fingerprint(stats);
    if (stats.mtimeMs >= startedAt - CHANGE_MARGIN_MS) changedDuringBuild = true;
  }
  // A file saved while esbuild read the sources: build again rather than record a bundle that
  // may hold its older text under its newer time. A clock that stamps files in the future would
  // loop forever, so the third attempt is kept as it is.
  if (changedDuringBuild && attempt < 3) return buildCli(root, attempt + 1);

  mkdirSync(outdir, { recursive: true });
  // The map and the bundle first, the record last: a record that says the bundle is fresh is
  // never beside an older bundle.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path.endsWith('.mjs')) - Number(b.path.endsWith('.mjs')),
  );
  for (const file of files) replaceFile(file.path, file.contents);
  replaceFile(join(root, INPUTS), `${JSON.stringify(record, null, 1)}\n`);
  return { inputs: inputs.length };
}

async function main(): Promise<void> {
  const started = performance.now();
  try {
    const { inputs } = await buildCli();
    const ms = Math.round(performance.now() - started);
    console.log(`build:cli: ${BUNDLE} from ${inputs} files in ${ms} ms.`);
  } catch (error) {
    console.error(`build:cli: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
