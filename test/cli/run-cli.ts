import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.ts';

/** The repository root, where a vendor runs the CLI from in these tests. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** What one run of the CLI printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI the way a vendor does, as its own process from the repository root. */
export function cli(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, ['bin/privacy-disclosure.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    // A run that waits on a FIFO or a closed pipe fails the test instead of hanging it.
    timeout: 15000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI in this process (same code as the shim), for the many small usage checks. */
export async function inProcess(...args: string[]): Promise<CliRun> {
  const out = { stdout: '', stderr: '' };
  const code = await run(args, {
    stdout: (text) => (out.stdout += text),
    stderr: (text) => (out.stderr += text),
  });
  return { code, ...out };
}

/** A line of a Node.js stack trace, which a vendor should never see for a mistake of theirs. */
export const STACK_LINE = /^\s+at .+[:(]/m;
