#!/usr/bin/env node
// Installed as a package, the CLI runs the JavaScript built into dist/ by `npm run build:package`,
// on plain Node. In this repository (its sources are here) it runs the bundle that
// `npm run build:cli` writes (`prepare` builds it on `npm install`): plain Node again, in a third of
// the time tsx takes to compile the sources on every run. The bundle is never stale: the files it
// was built from are checked by their stats (no file is read), and when one changed the bundle is
// built again, or, when the sources do not build, they run through tsx, with one line on stderr.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const rootDir = fileURLToPath(root);
const source = new URL('src/cli/main.ts', root);
// Written by scripts/build-cli.ts, which says what the inputs record holds.
const bundle = new URL('.build/cli/privacy-disclosure.mjs', root);
const inputs = new URL('.build/cli/privacy-disclosure.inputs.json', root);

/** Why the bundle is not the sources' (a file named relative to the root), or '' when it is. */
function staleness() {
  let record;
  try {
    record = JSON.parse(readFileSync(inputs, 'utf8'));
  } catch {
    return 'the CLI is not bundled yet';
  }
  if (record?.format !== 1 || !existsSync(bundle)) return 'the CLI is not bundled yet';
  for (const [path, fingerprint] of Object.entries(record.inputs)) {
    const stats = statSync(`${rootDir}${path}`, { throwIfNoEntry: false });
    if (stats === undefined) return `${path} is gone since the CLI was bundled`;
    if (`${stats.mtimeMs}:${stats.size}:${stats.ino}` !== fingerprint) {
      return `${path} changed since the CLI was bundled`;
    }
  }
  return '';
}

/** The bundle, rebuilt first when it is stale, or the sources when they do not build. */
async function repositoryEntry() {
  const stale = staleness();
  if (stale === '') return bundle;
  const { register } = await import('tsx/esm/api');
  register();
  try {
    const { buildCli } = await import(new URL('scripts/build-cli.ts', root).href);
    await buildCli();
    process.stderr.write(`privacy-disclosure: ${stale}; bundled it now (npm run build:cli)\n`);
    return bundle;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(
      `privacy-disclosure: ${stale}, and it does not bundle (${reason}); running the sources through tsx\n`,
    );
    return source;
  }
}

/**
 * The error with each place of the bundle in its stack named by its TypeScript source and line.
 * Node does this itself with source maps enabled, but then it reads the map on every start, a
 * tenth of a run; here it is read only when the CLI fails.
 */
async function namingSources(error) {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return error;
  try {
    const { SourceMap } = await import('node:module');
    const map = new SourceMap(JSON.parse(readFileSync(new URL(`${bundle.href}.map`), 'utf8')));
    // Node names an ES module's frames by URL or, depending on how it was loaded, by path.
    const bundlePath = fileURLToPath(bundle);
    error.stack = error.stack.replace(
      /((?:file:\/\/)?[^\s()]+):(\d+):(\d+)/g,
      (whole, place, line, column) => {
        const ours = place === bundle.href || place === bundlePath;
        const found = ours && map.findEntry(Number(line) - 1, Number(column) - 1);
        if (!found?.originalSource) return whole;
        const file = fileURLToPath(new URL(found.originalSource, bundle));
        return `${file}:${found.originalLine + 1}:${found.originalColumn + 1}`;
      },
    );
  } catch {
    // No map (or a damaged one): the bundle's own places, which still name each function.
  }
  return error;
}

let entry = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(source)) entry = await repositoryEntry();
const { run } = await import(entry.href);
try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  throw entry === bundle ? await namingSources(error) : error;
}
