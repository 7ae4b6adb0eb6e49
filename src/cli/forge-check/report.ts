/** What forge-check found, in the form Forge's own tools report it: file, line, column, message. */

/** The parts of the check, in the order they run. */
export type Step = 'app' | 'sources' | 'lint' | 'bundle' | 'manifest' | 'offline';

/** One finding. Warnings are shown; only errors fail the check, as they fail `forge deploy`. */
export interface Problem {
  step: Step;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Defaults to error. */
  level?: 'error' | 'warning';
}

/** `file:line:column  error  message`, with the parts that are known. */
export function formatProblem(problem: Problem): string {
  const place = [problem.file, problem.line, problem.column].filter((part) => part !== undefined);
  const where = place.length > 0 ? `${place.join(':')}  ` : '';
  return `  ${where}${problem.level ?? 'error'}  ${problem.message}`;
}

/** The errors among `problems`. */
export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((problem) => (problem.level ?? 'error') === 'error');
}

/** A size in kB with one decimal, as bundle sizes are usually read. */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}
