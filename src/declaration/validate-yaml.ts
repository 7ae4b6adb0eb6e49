import { parseDocument } from 'yaml';
import { formatPath, parseDeclaration } from './parse.ts';
import type { Declaration } from './schema/index.ts';

/** A problem in a declaration file, located for the vendor's editor. */
export interface LocatedIssue {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Path into the document, e.g. ["dataCategories", 0, "retention", "period"]. */
  path: (string | number)[];
  /** The path written as dataCategories[0].retention.period ("" for the document root). */
  pathText: string;
  message: string;
  severity: 'error' | 'warning';
}

/** The outcome of validating one declaration file's text. */
export type TextValidationResult =
  | { ok: true; declaration: Declaration; warnings: LocatedIssue[] }
  | { ok: false; issues: LocatedIssue[]; warnings: LocatedIssue[] };

/**
 * Validates the text of a YAML (or JSON) declaration file. Reports every YAML syntax error and
 * every schema or reference error at once, each with line, column and field path. Never throws.
 *
 * (First version: locations are approximate; the full implementation maps each path to its node.)
 */
export function validateDeclarationText(text: string, file: string): TextValidationResult {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    return {
      ok: false,
      warnings: [],
      issues: document.errors.map((error) => ({
        file,
        line: error.linePos?.[0].line ?? 1,
        column: error.linePos?.[0].col ?? 1,
        path: [],
        pathText: '',
        message: error.message,
        severity: 'error',
      })),
    };
  }
  const result = parseDeclaration(document.toJS());
  if (result.ok) return { ok: true, declaration: result.declaration, warnings: [] };
  return {
    ok: false,
    warnings: [],
    issues: result.issues.map((issue) => ({
      file,
      line: 1,
      column: 1,
      path: issue.path,
      pathText: formatPath(issue.path),
      message: issue.message,
      severity: 'error',
    })),
  };
}

/** One line per issue: `file:line:column  path  message`. */
export function formatLocatedIssue(issue: LocatedIssue): string {
  const where = issue.pathText ? `  ${issue.pathText}` : '';
  return `${issue.file}:${issue.line}:${issue.column}${where}  ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}
