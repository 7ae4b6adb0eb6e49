import type { z } from 'zod';
import type { DeclarationIssue } from './references.ts';
import type { Declaration } from './schema/index.ts';
import { checkDeclarationValue } from './validation/check.ts';
import { escapeControls } from './validation/printable.ts';

/** The outcome of checking a value against the declaration format. */
export type ParseResult =
  { ok: true; declaration: Declaration } | { ok: false; issues: DeclarationIssue[] };

/** Turns zod's issues into path + message pairs (messages as zod or the schema wrote them). */
export function issuesFromZod(error: z.ZodError): DeclarationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: issue.message,
  }));
}

/**
 * Validates an already-parsed value (from JSON, storage or a YAML document): migrates older
 * schema versions, applies the schema, then checks ids and references. Reports every problem in
 * plain language, each with its path; what a message quotes from the value has its control
 * characters escaped (`\u001b`), so that it is safe to print. Never throws.
 */
export function parseDeclaration(value: unknown): ParseResult {
  const check = checkDeclarationValue(value);
  if (check.declaration) return { ok: true, declaration: check.declaration };
  return {
    ok: false,
    issues: check.errors.map(({ path, message }) => ({ path, message: escapeControls(message) })),
  };
}

/** Formats a path like dataCategories[2].purposes[0]. */
export function formatPath(path: (string | number)[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}
