import { LineCounter, parseDocument, type Document } from 'yaml';
import { formatPath } from './parse.ts';
import type { Declaration } from './schema/index.ts';
import type { AnchoredIssue } from './validation/anchored.ts';
import { checkDeclarationValue } from './validation/check.ts';
import { describeWritten } from './validation/messages.ts';
import { syntaxProblems } from './validation/syntax.ts';
import { positionOf } from './validation/yaml-positions.ts';

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

/** Declarations are a few kilobytes; a file this large is a mistake (or a log pasted in). */
export const MAX_DECLARATION_BYTES = 2 * 1024 * 1024;

const SECTIONS =
  'schemaVersion: 1, vendor, app, policy, purposes, dataCategories, locations, recipients, rights';

function atTop(file: string, message: string): TextValidationResult {
  return {
    ok: false,
    warnings: [],
    issues: [{ file, line: 1, column: 1, path: [], pathText: '', message, severity: 'error' }],
  };
}

function located(
  file: string,
  document: Document,
  lineCounter: LineCounter,
  severity: LocatedIssue['severity'],
) {
  return (issue: AnchoredIssue): LocatedIssue => {
    const { line, column } = positionOf(document, lineCounter, issue);
    return {
      file,
      line,
      column,
      path: issue.path,
      pathText: formatPath(issue.path),
      message: issue.message,
      severity,
    };
  };
}

function byPosition(a: LocatedIssue, b: LocatedIssue): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * Validates the text of a YAML (or JSON) declaration file. Reports every YAML syntax error, or
 * else every schema and reference error at once, each with line, column and field path, plus
 * warnings that do not fail validation. Never throws.
 */
export function validateDeclarationText(text: string, file: string): TextValidationResult {
  // Cheap length test first: a string of n UTF-16 units encodes to at most 3n bytes.
  if (
    text.length * 3 > MAX_DECLARATION_BYTES &&
    new TextEncoder().encode(text).length > MAX_DECLARATION_BYTES
  ) {
    return atTop(
      file,
      `the file is larger than 2 MB; a declaration is a few kilobytes of YAML or JSON`,
    );
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  // A tab used as indentation derails the parser for the rest of its block; the errors that
  // follow it are consequences, so report the tabs alone.
  const tabs = document.errors.filter((error) => error.code === 'TAB_AS_INDENT');
  const syntaxIssues = syntaxProblems(
    tabs.length > 0 ? tabs : document.errors,
    text,
    lineCounter,
  ).map((problem): LocatedIssue => ({
    file,
    ...problem,
    path: [],
    pathText: '',
    severity: 'error',
  }));
  const yamlWarnings = syntaxProblems(document.warnings, text, lineCounter).map(
    (problem): LocatedIssue => ({
      file,
      ...problem,
      path: [],
      pathText: '',
      severity: 'warning',
    }),
  );
  // A duplicate key leaves the rest of the document intact, so the schema can still be checked;
  // any other syntax error may have changed the document's shape, and schema errors would mislead.
  if (document.errors.some((error) => error.code !== 'DUPLICATE_KEY')) {
    return { ok: false, issues: syntaxIssues, warnings: yamlWarnings };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // yaml refuses alias chains that expand exponentially ("billion laughs"); say so, do not throw.
    return atTop(file, `the file cannot be read: ${(error as Error).message}`);
  }
  if (value === null || value === undefined) {
    return atTop(
      file,
      `the file is empty; a declaration is a mapping that starts with ${SECTIONS}`,
    );
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return atTop(
      file,
      `the top level must be a mapping of sections (${SECTIONS}), not ${describeWritten(value)}`,
    );
  }
  const check = checkDeclarationValue(value);
  const locate = (severity: LocatedIssue['severity']) =>
    located(file, document, lineCounter, severity);
  const issues = [...syntaxIssues, ...check.errors.map(locate('error'))].sort(byPosition);
  const warnings = [...yamlWarnings, ...check.warnings.map(locate('warning'))].sort(byPosition);
  if (issues.length === 0 && check.declaration)
    return { ok: true, declaration: check.declaration, warnings };
  return { ok: false, issues, warnings };
}

/** One line per issue: `file:line:column  path  message`. */
export function formatLocatedIssue(issue: LocatedIssue): string {
  const where = issue.pathText ? `  ${issue.pathText}` : '';
  return `${issue.file}:${issue.line}:${issue.column}${where}  ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}`;
}
