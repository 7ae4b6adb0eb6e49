import type { z } from 'zod';
import { migrate } from './migrations.ts';
import { checkReferences, type DeclarationIssue } from './references.ts';
import { Declaration } from './schema/index.ts';

/** The outcome of checking a value against the declaration format. */
export type ParseResult =
  { ok: true; declaration: Declaration } | { ok: false; issues: DeclarationIssue[] };

/** Turns zod's issues into path + plain-language message pairs. */
export function issuesFromZod(error: z.ZodError): DeclarationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: issue.message,
  }));
}

/**
 * Validates an already-parsed value (from JSON, storage or a YAML document): migrates older
 * schema versions, applies the schema, then checks ids and references. Never throws.
 */
export function parseDeclaration(value: unknown): ParseResult {
  const migrated = migrate(value);
  if (!migrated.ok)
    return { ok: false, issues: [{ path: ['schemaVersion'], message: migrated.message }] };
  const result = Declaration.safeParse(migrated.document);
  if (!result.success) return { ok: false, issues: issuesFromZod(result.error) };
  const referenceIssues = checkReferences(result.data);
  if (referenceIssues.length > 0) return { ok: false, issues: referenceIssues };
  return { ok: true, declaration: result.data };
}

/** Formats a path like dataCategories[2].purposes[0]. */
export function formatPath(path: (string | number)[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}
