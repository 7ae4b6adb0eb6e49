/**
 * Vitest's global setup: the CLI bundle is fresh before any test runs the CLI as a process. The
 * bin bundles it again when a source changed, and many test files starting it at once would each
 * do that, and each say so on stderr. One run of the bin here does it once.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function setup(): void {
  const bin = fileURLToPath(new URL('../../bin/privacy-disclosure.js', import.meta.url));
  const result = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  // The one line saying it was bundled again (or why not) is for whoever runs the tests.
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.status !== 0) throw new Error(`${bin} --version failed: ${result.stderr}`);
}
