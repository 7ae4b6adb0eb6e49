/** Loads the truth check's fixtures: manifests and the declarations they are checked against. */
import { readFileSync } from 'node:fs';
import {
  checkDeclarationAgainstManifest,
  readManifestFacts,
  validateDeclarationText,
  type Declaration,
  type ManifestFacts,
} from '../../../src/declaration/index.ts';

const repository = new URL('../../../', import.meta.url);

/** A file of the repository, by its path from the root. */
export function repositoryFile(path: string): string {
  return readFileSync(new URL(path, repository), 'utf8');
}

/** The facts of a manifest, by its path from the repository root. */
export function manifestFacts(path: string): ManifestFacts {
  const result = readManifestFacts(repositoryFile(path));
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.problems)}`);
  return result.facts;
}

/** A valid declaration, by its path from the repository root; a fresh copy each time. */
export function declaration(path: string): Declaration {
  const result = validateDeclarationText(repositoryFile(path), path);
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.issues)}`);
  return structuredClone(result.declaration);
}

/** The rule ids and manifest lines the check finds. */
export function found(subject: Declaration, facts: ManifestFacts): string[] {
  return checkDeclarationAgainstManifest(subject, facts).findings.map(
    (finding) => `${finding.manifest.line} ${finding.severity} ${finding.rule}`,
  );
}
