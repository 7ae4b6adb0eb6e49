/**
 * Builds the package's JavaScript into dist/: the backend and the declaration core that a Forge
 * app bundles, with type declarations (tsconfig.build.json), and the CLI that Node runs
 * (tsconfig.build-cli.json), forge-check included.
 *
 *   npm run build:package
 *
 * It builds into a fresh folder and only then replaces dist/: a failed build leaves the previous
 * dist/ as it was, and a source file that was deleted never ships from an earlier build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files a build must produce: the package's `exports` and `bin` point at them, and the CLI's
 * forge-check command (in its own folder, which tsconfig.build-cli.json must keep covering).
 */
const ENTRIES = [
  'backend/index.js',
  'declaration/index.js',
  'cli/main.js',
  'cli/forge-check/command.js',
];

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
// Beside dist/ on the same disk (so it can be renamed into place), where git does not look.
const next = join(root, 'node_modules', '.cache', `build-package-${process.pid}`);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function fail(message: string): never {
  rmSync(next, { recursive: true, force: true });
  console.error(`build:package: ${message}; dist/ was left as it was.`);
  process.exit(1);
}

// The libraries with their type declarations, then the CLI (which compiles the declaration core
// it imports once more, into the same files).
for (const config of ['tsconfig.build.json', 'tsconfig.build-cli.json']) {
  const result = spawnSync(process.execPath, [tsc, '-p', config, '--outDir', next], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) fail(`tsc -p ${config} failed`);
}
const missing = ENTRIES.filter((entry) => !existsSync(join(next, entry)));
if (missing.length > 0) fail(`${missing.join(', ')} not built (see tsconfig.build*.json)`);

rmSync(dist, { recursive: true, force: true });
renameSync(next, dist);
console.log(`build:package: dist/ has ${ENTRIES.join(', ')}.`);
