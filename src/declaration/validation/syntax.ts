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
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second "---"); a declaration is one document';
    default:
      // Parsed without prettyErrors, so the message is one line without a position suffix.
      return `YAML syntax error: ${error.message}`;
  }
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
