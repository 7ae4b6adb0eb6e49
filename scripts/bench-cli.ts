/** How long the CLI takes to start and validate one declaration, as a vendor's CI runs it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Wall time in milliseconds of each `node bin/privacy-disclosure.js validate FILE`, from spawning
 * the process to its exit, after `warmUp` runs that are not counted (they fill the file cache).
 * Throws with the CLI's own output when a run does not exit 0.
 */
export function timeValidate(root: string, file: string, runs: number, warmUp = 1): number[] {
  const times: number[] = [];
  for (let run = 0; run < warmUp + runs; run += 1) {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin/privacy-disclosure.js'), 'validate', file],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    const elapsed = performance.now() - started;
    if (result.status !== 0)
      throw new Error(
        `privacy-disclosure validate ${file} exited ${result.status ?? result.signal}:\n${result.stderr || result.stdout}`,
      );
    if (run >= warmUp) times.push(elapsed);
  }
  return times;
}
