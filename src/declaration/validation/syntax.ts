import type { LineCounter, YAMLError } from 'yaml';

/** A YAML problem turned into a plain message at a 1-based line and column. */
export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

function plainMessage(error: YAMLError, text: string): string {
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim() ?? '';
      return `duplicate key${key ? ` "${key}"` : ''}: each field may appear only once in a mapping; remove or merge the repeated one`;
    }
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation in YAML; indent with spaces';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return colonInValue(error, text);
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second "---"); a declaration is one document';
    default:
      // Parsed without prettyErrors, so the message is one line without a position suffix.
      return `YAML syntax error: ${error.message}`;
  }
}

/** `key: value` on one line, after the indentation and any list dash. */
const FIELD_LINE = /^(\s*(?:-\s+)?)([^\s#'"][^:#]*?):\s+(\S.*?)\s*$/;

/** The value in quotes, as YAML reads it back unchanged. */
function quote(value: string): string {
  return value.includes("'") && !value.includes('"')
    ? `"${value.replaceAll('\\', '\\\\')}"`
    : `'${value.replaceAll("'", "''")}'`;
}

/**
 * `description: Note: this` is a syntax error because YAML reads the second ": " as the start
 * of a mapping inside the value. The fix is nearly always quotes, so say that and show the line.
 */
function colonInValue(error: YAMLError, text: string): string {
  const start = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
  const end = text.indexOf('\n', error.pos[0]);
  const line = text.slice(start, end < 0 ? undefined : end);
  const match = FIELD_LINE.exec(line);
  const fix = match?.[2] && match[3] ? `, e.g. ${match[2].trim()}: ${quote(match[3])}` : '';
  return `YAML read the ": " in this value as the start of a new field; put the whole value in quotes${fix}`;
}

function endsDocument(error: YAMLError): boolean {
  return error.code === 'UNEXPECTED_TOKEN' && error.message.includes('in YAML stream');
}

/** Every YAML error (or warning) with its position, in plain words where the message is cryptic. */
export function syntaxProblems(
  errors: readonly YAMLError[],
  text: string,
  lineCounter: LineCounter,
): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const error of errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    // The parser often reports one mistake several times on its line; the first says it best.
    if (problems.some((known) => known.line === line)) continue;
    if (endsDocument(error)) {
      // Past a token that ends the document, every later token is "unexpected": one error says it.
      problems.push({
        line,
        column: col,
        message: `${plainMessage(error, text)}; the rest of the file cannot be read until this is fixed`,
      });
      break;
    }
    problems.push({ line, column: col, message: plainMessage(error, text) });
  }
  return problems;
}
