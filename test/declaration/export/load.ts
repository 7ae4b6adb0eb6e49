import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Declaration } from '@declaration';
import { formatLocatedIssue, validateDeclarationText } from '@declaration/validate-yaml.ts';

/**
 * The repository root, joined as file paths rather than `URL`s: under jsdom (the environment of
 * the tests that parse the HTML export) the global `URL` is jsdom's, which Node's
 * `fileURLToPath` refuses.
 */
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * A declaration file given relative to the repository root (`examples/x.yaml`), validated; throws
 * with every located issue when it is invalid, so a failing test says what and where.
 */
export function loadDeclaration(relativePath: string): Declaration {
  const text = readFileSync(join(repoRoot, relativePath), 'utf8');
  const result = validateDeclarationText(text, relativePath);
  if (!result.ok) {
    const lines = result.issues.map(formatLocatedIssue).join('\n');
    throw new Error(`${relativePath} is not a valid declaration:\n${lines}`);
  }
  return result.declaration;
}
