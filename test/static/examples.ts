import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Declaration } from '@declaration';
import { formatLocatedIssue, validateDeclarationText } from '@declaration/validate-yaml.ts';

/**
 * The repository root. Paths are joined as file paths, not `URL`s, because under jsdom the global
 * `URL` is jsdom's and Node's `fileURLToPath` refuses it.
 */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A real example declaration (`examples/<name>.yaml`), validated; throws with located issues. */
export function example(name: string): Declaration {
  const path = `examples/${name}.yaml`;
  const result = validateDeclarationText(readFileSync(join(repoRoot, path), 'utf8'), path);
  if (!result.ok) {
    throw new Error(`${path} is not valid:\n${result.issues.map(formatLocatedIssue).join('\n')}`);
  }
  return result.declaration;
}
