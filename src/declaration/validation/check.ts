import { migrate } from '../migrations.ts';
import { checkReferencesInParts } from '../references.ts';
import type { Declaration } from '../schema/index.ts';
import type { AnchoredIssue } from './anchored.ts';
import { schemaIssues } from './schema-issues.ts';
import { declarationWarnings } from './warnings.ts';

/** Everything known about a parsed declaration value: errors, warnings, and the result if valid. */
export interface DeclarationCheck {
  errors: AnchoredIssue[];
  warnings: AnchoredIssue[];
  /** Present only when there are no errors. */
  declaration?: Declaration;
}

function samePlace(a: AnchoredIssue, b: AnchoredIssue): boolean {
  return a.message === b.message && a.path.join('\u0000') === b.path.join('\u0000');
}

/**
 * Checks a parsed value (from YAML, JSON or storage): migrates older schema versions, applies the
 * schema, and checks ids and references over whatever parts are well-formed, so that one run
 * reports every problem. A schemaVersion that cannot be migrated stops the check there: the rest
 * of the document follows rules this code does not know.
 */
export function checkDeclarationValue(value: unknown): DeclarationCheck {
  const migrated = migrate(value);
  if (!migrated.ok) {
    return {
      errors: [{ path: ['schemaVersion'], anchor: 'value', message: migrated.message }],
      warnings: [],
    };
  }
  const schema = schemaIssues(migrated.document);
  const references = checkReferencesInParts(migrated.document).map((issue): AnchoredIssue => ({
    ...issue,
    anchor: 'value',
  }));
  const errors = [...schema.issues];
  for (const issue of references)
    if (!errors.some((known) => samePlace(known, issue))) errors.push(issue);
  const warnings = [
    ...migrated.notes.map((note): AnchoredIssue => ({ ...note, anchor: 'key' })),
    ...declarationWarnings(migrated.document),
  ];
  if (errors.length > 0 || !schema.declaration) return { errors, warnings };
  return { errors, warnings, declaration: schema.declaration };
}
