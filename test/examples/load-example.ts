import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Declaration } from '@declaration/schema/index.ts';
import { formatLocatedIssue, validateDeclarationText } from '@declaration/validate-yaml.ts';

/** The repository root, derived from this file's place in `test/examples/`. */
const repoRoot = new URL('../../', import.meta.url);

/**
 * Reads a declaration file given relative to the repository root (e.g. `examples/x.yaml`) and
 * validates it. Throws with every located issue (`file:line:column  path  message`) when it is
 * invalid, so a failing test says exactly what and where.
 */
export function loadExample(relativePath: string): Declaration {
  const text = readFileSync(fileURLToPath(new URL(relativePath, repoRoot)), 'utf8');
  const result = validateDeclarationText(text, relativePath);
  if (!result.ok) {
    const lines = result.issues.map(formatLocatedIssue).join('\n');
    throw new Error(`${relativePath} is not a valid declaration:\n${lines}`);
  }
  return result.declaration;
}

/** Reads a file relative to the repository root as text (for checks on the file itself). */
export function readRepoFile(relativePath: string): string {
  return readFileSync(fileURLToPath(new URL(relativePath, repoRoot)), 'utf8');
}
