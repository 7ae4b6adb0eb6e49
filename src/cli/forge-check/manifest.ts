/**
 * The manifest validation `forge deploy` runs (`@forge/manifest`): schema, modules, resources,
 * permissions. It checks that each handler's entry file and each resource folder exist, so the
 * UI must be built first.
 */
import { join } from 'node:path';
import type { ForgeApp } from './app.ts';
import type { ForgeTools } from './forge-tools.ts';
import type { Problem } from './report.ts';

/** Forge's full manifest validation of the app's manifest.yml. */
export async function validateManifest(app: ForgeApp, tools: ForgeTools): Promise<Problem[]> {
  const result = await tools.manifest.validate(false, join(app.dir, 'manifest.yml'));
  const problems: Problem[] = (result.errors ?? []).map((error) => ({
    step: 'manifest',
    file: 'manifest.yml',
    line: error.line,
    column: error.column,
    message: error.message,
    level: error.level === 'warning' ? 'warning' : 'error',
  }));
  if (!result.success && problems.length === 0) {
    problems.push({
      step: 'manifest',
      file: 'manifest.yml',
      message: 'Forge rejected the manifest',
    });
  }
  return problems;
}
