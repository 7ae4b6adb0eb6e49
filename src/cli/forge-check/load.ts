/**
 * Loads each bundle in a fresh Node process, as the Forge runtime loads it, and checks that it
 * exports the handlers the manifest names. Forge runs nodejs22.x; this runs on the Node here (20
 * in this project's CI), so a bundle that passes loads on both.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ForgeApp } from './app.ts';
import type { Problem } from './report.ts';

const PROBE = `
const [file, ...names] = process.argv.slice(1);
const loaded = require(file);
const missing = names.filter((name) => typeof loaded[name] !== 'function');
process.stdout.write(JSON.stringify(missing));
`;

/** Problems when a bundle in `outputDir` does not load or lacks a handler export. */
export function loadBundles(app: ForgeApp, outputDir: string): Problem[] {
  return app.modules.flatMap(({ name, handlers }) => {
    const file = join(outputDir, `${name}.cjs`);
    const names = handlers.map(({ exportName }) => exportName);
    const run = spawnSync(process.execPath, ['-e', PROBE, file, ...names], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (run.status !== 0) {
      const reason = (run.stderr || run.error?.message || 'no output').trim().split('\n')[0];
      return [
        {
          step: 'bundle' as const,
          file: `${name}.cjs`,
          message: `does not load on Node ${process.version}: ${reason}`,
        },
      ];
    }
    const missing = JSON.parse(run.stdout) as string[];
    return missing.map((exportName) => ({
      step: 'bundle' as const,
      file: `${name}.cjs`,
      message: `does not export a function ${exportName}, which manifest.yml names as ${name}.${exportName}`,
    }));
  });
}
