import { parseArgs } from 'node:util';
import {
  formatLocatedIssue,
  validateDeclarationBytes,
  type LocatedIssue,
} from '../declaration/index.ts';
import { EXIT, printableLines, readDeclarationFile, type CliIo } from './io.ts';
import { HELP, UsageError, usageErrorFrom } from './usage.ts';

/** What validating one file found, as written in the JSON report. */
interface FileReport {
  file: string;
  valid: boolean;
  /** Set when the file could not be read. */
  readError?: string;
  errors: LocatedIssue[];
  warnings: LocatedIssue[];
}

async function validateFile(file: string): Promise<FileReport> {
  const read = await readDeclarationFile(file);
  if (!read.ok) return { file, valid: false, readError: read.reason, errors: [], warnings: [] };
  const result = validateDeclarationBytes(read.bytes, file);
  return {
    file,
    valid: result.ok,
    errors: result.ok ? [] : result.issues,
    warnings: result.warnings,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `privacy-disclosure validate [--format text|json] FILE...` */
export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw usageErrorFrom(error, 'validate');
  }
  if (parsed.values.help) {
    io.stdout(HELP.validate);
    return EXIT.ok;
  }
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`unknown --format "${format}"; use text or json`, 'validate');
  }
  if (parsed.positionals.length === 0) {
    throw new UsageError('validate needs at least one FILE', 'validate');
  }
  const reports: FileReport[] = [];
  for (const file of parsed.positionals) reports.push(await validateFile(file));
  const invalid = reports.filter((report) => !report.valid).length;
  if (format === 'json') {
    // The report quotes file names and keys as they are; escaping what JSON.stringify leaves raw
    // (bidi and C1 controls) as \u escapes keeps it safe to show and parses to the same values.
    const report = JSON.stringify({ valid: invalid === 0, files: reports }, null, 2);
    io.stdout(`${printableLines(report)}\n`);
  } else {
    for (const report of reports) {
      if (report.readError) io.stderr(`${report.file}: cannot read: ${report.readError}\n`);
      for (const issue of [...report.errors, ...report.warnings]) {
        io.stderr(`${formatLocatedIssue(issue)}\n`);
      }
    }
    const errors = reports.reduce((sum, report) => sum + report.errors.length, 0);
    const warnings = reports.reduce((sum, report) => sum + report.warnings.length, 0);
    const counts = [
      errors ? plural(errors, 'error') : '',
      warnings ? plural(warnings, 'warning') : '',
    ].filter(Boolean);
    const summary = `${plural(reports.length, 'file')} checked: ${reports.length - invalid} valid, ${invalid} invalid${counts.length ? ` (${counts.join(', ')})` : ''}\n`;
    (invalid === 0 ? io.stdout : io.stderr)(summary);
  }
  return invalid === 0 ? EXIT.ok : EXIT.invalid;
}
