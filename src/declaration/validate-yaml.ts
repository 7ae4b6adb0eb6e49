import { LineCounter, parseDocument, type Document } from 'yaml';
import { formatPath } from './parse.ts';
import { CURRENT_SCHEMA_VERSION } from './schema/declaration.ts';
import type { Declaration } from './schema/index.ts';
import type { AnchoredIssue } from './validation/anchored.ts';
import { checkDeclarationValue } from './validation/check.ts';
import { decodeDeclarationBytes } from './validation/decode.ts';
import { describeWritten } from './validation/messages.ts';
import { escapeControls } from './validation/printable.ts';
import { syntaxProblems } from './validation/syntax.ts';
import { startingDeclarationWarnings } from './validation/warnings.ts';
import { badMergeKey, MERGE_MESSAGE, positionOf } from './validation/yaml-positions.ts';

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

const SECTIONS = `schemaVersion: ${CURRENT_SCHEMA_VERSION}, vendor, app, policy, purposes, dataCategories, locations, recipients, rights`;

const TOO_LARGE = 'the file is larger than 2 MB; a declaration is a few kilobytes of YAML or JSON';

function atTop(file: string, message: string, line = 1, column = 1): TextValidationResult {
  return {
    ok: false,
    warnings: [],
    issues: [{ file, line, column, path: [], pathText: '', message, severity: 'error' }],
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

/** The issue as it may be shown: what it quotes from the file has its control characters escaped. */
function printable(issue: LocatedIssue): LocatedIssue {
  return {
    ...issue,
    pathText: escapeControls(issue.pathText),
    message: escapeControls(issue.message),
  };
}

function withPrintableMessages(result: TextValidationResult): TextValidationResult {
  const warnings = result.warnings.map(printable);
  return result.ok
    ? { ...result, warnings }
    : { ok: false, issues: result.issues.map(printable), warnings };
}

/**
 * Validates the text of a YAML (or JSON) declaration file. Reports every YAML syntax error, or
 * else every schema and reference error at once, each with line, column and field path, plus
 * warnings that do not fail validation. A leading byte order mark is not part of the document:
 * line 1 column 1 is the character after it, as an editor shows it. Messages and paths quote the
 * file with its control characters escaped (`\u001b`), so they are safe to print. Never throws.
 */
export function validateDeclarationText(text: string, file: string): TextValidationResult {
  // Cheap length test first: a string of n UTF-16 units encodes to at most 3n bytes.
  if (
    text.length * 3 > MAX_DECLARATION_BYTES &&
    new TextEncoder().encode(text).length > MAX_DECLARATION_BYTES
  ) {
    return atTop(file, TOO_LARGE);
  }
  return withPrintableMessages(
    validateYaml(text.startsWith('\ufeff') ? text.slice(1) : text, file),
  );
}

/**
 * Validates a declaration file as read from disk: its bytes must be UTF-8 (a byte order mark is
 * allowed and skipped), or the result is one error at the line and column of the first byte that
 * is not. Otherwise the same as {@link validateDeclarationText}. Never throws.
 */
export function validateDeclarationBytes(bytes: Uint8Array, file: string): TextValidationResult {
  if (bytes.length > MAX_DECLARATION_BYTES) return atTop(file, TOO_LARGE);
  const decoded = decodeDeclarationBytes(bytes);
  if (!decoded.ok) return atTop(file, decoded.message, decoded.line, decoded.column);
  return validateDeclarationText(decoded.text, file);
}

function validateYaml(text: string, file: string): TextValidationResult {
  const lineCounter = new LineCounter();
  // merge: YAML merge keys (`<<: *defaults`) fill a mapping from an anchored one, as vendors
  // use them to share the fields of similar categories; positions follow them (yaml-positions).
  const document = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
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
  const yamlWarnings = [
    ...startingDeclarationWarnings(text),
    ...syntaxProblems(document.warnings, text, lineCounter),
  ].map((problem): LocatedIssue => ({
    file,
    ...problem,
    path: [],
    pathText: '',
    severity: 'warning',
  }));
  // A duplicate key leaves the rest of the document intact, so the schema can still be checked;
  // any other syntax error may have changed the document's shape, and schema errors would mislead.
  if (document.errors.some((error) => error.code !== 'DUPLICATE_KEY')) {
    return { ok: false, issues: syntaxIssues, warnings: yamlWarnings };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const merge = badMergeKey(document, lineCounter);
    if (merge) return atTop(file, MERGE_MESSAGE, merge.line, merge.column);
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

/**
 * One line per issue: `file:line:column  path  message`, with control characters in any part
 * escaped, so that the line stays one line and shows what the file holds.
 */
export function formatLocatedIssue(issue: LocatedIssue): string {
  const where = issue.pathText ? `  ${escapeControls(issue.pathText)}` : '';
  const message = escapeControls(issue.message);
  return `${escapeControls(issue.file)}:${issue.line}:${issue.column}${where}  ${issue.severity === 'warning' ? 'warning: ' : ''}${message}`;
}
