import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = new URL('../../../', import.meta.url);

/** A real vendor declaration from `examples/`, as the plain JSON value a backend would store. */
export function exampleDeclaration(file: string): Record<string, unknown> {
  return parse(
    readFileSync(fileURLToPath(new URL(`examples/${file}`, repoRoot)), 'utf8'),
  ) as Record<string, unknown>;
}

/** The five example declarations, one per seed policy, by file name. */
export const EXAMPLES = [
  'techtime-user-management.yaml',
  'upsmith-zendesk-sell-for-jsm.yaml',
  'exalate-cloud.yaml',
  'oci-europe-web-service.yaml',
  'open-source-consulting-apps.yaml',
] as const;

/** A fresh scratch directory under the OS temp dir, and a function that removes it. */
export function scratchDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'local-forge-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
