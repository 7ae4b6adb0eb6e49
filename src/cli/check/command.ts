/**
 * `privacy-disclosure check [--manifest FILE] [--format text|json|sarif] [DECLARATION]`: reads
 * the two files, holds the declaration against the manifest's facts, and prints the findings.
 */
import { readFile } from 'node:fs/promises';
import {
  checkDeclarationAgainstManifest,
  formatLocatedIssue,
  locateFindings,
  readManifestFacts,
  validateDeclarationBytes,
} from '../../declaration/index.ts';
import { EXIT, describeFsError, printableLines, readDeclarationFile, type CliIo } from '../io.ts';
import { checkReport } from './report.ts';
import { renderJson } from './render-json.ts';
import { renderSarif } from './render-sarif.ts';
import { renderText } from './render-text.ts';
import { CHECK_HELP, CheckUsageError, parseCheckArgs, reportCheckUsage } from './usage.ts';

/** A manifest is a few kilobytes; read no more than a declaration may be. */
const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

async function toolVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(
      await readFile(new URL('../../../package.json', import.meta.url), 'utf8'),
    );
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

async function readManifestText(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CheckUsageError(`cannot read the manifest ${file}: ${describeFsError(error)}`);
  }
  if (text.length > MAX_MANIFEST_BYTES) {
    throw new CheckUsageError(`the manifest ${file} is larger than 2 MB; is it manifest.yml?`);
  }
  return text;
}

function fail(io: CliIo, message: string): number {
  io.stderr(`privacy-disclosure check: ${message}\n`);
  return EXIT.invalid;
}

/** Runs `check`; returns the exit code. */
export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  try {
    return await runCheck(args, io);
  } catch (error) {
    if (error instanceof CheckUsageError) return reportCheckUsage(error, io);
    throw error;
  }
}

async function runCheck(args: string[], io: CliIo): Promise<number> {
  const options = parseCheckArgs(args);
  if (options === 'help') {
    io.stdout(CHECK_HELP);
    return EXIT.ok;
  }
  const manifestText = await readManifestText(options.manifest);
  const read = await readDeclarationFile(options.declaration);
  if (!read.ok) {
    throw new CheckUsageError(`cannot read the declaration ${options.declaration}: ${read.reason}`);
  }
  const manifest = readManifestFacts(manifestText);
  if (!manifest.ok) {
    for (const problem of manifest.problems) {
      io.stderr(`${options.manifest}:${problem.line}:${problem.column}  ${problem.message}\n`);
    }
    return fail(io, `${options.manifest} cannot be read as YAML; nothing was checked.`);
  }
  const validation = validateDeclarationBytes(read.bytes, options.declaration);
  if (!validation.ok) {
    for (const issue of validation.issues) io.stderr(`${formatLocatedIssue(issue)}\n`);
    return fail(
      io,
      `${options.declaration} is not a valid declaration (run privacy-disclosure validate); nothing was checked.`,
    );
  }
  const result = checkDeclarationAgainstManifest(validation.declaration, manifest.facts);
  const declarationText = new TextDecoder().decode(read.bytes);
  const report = checkReport(
    options,
    result,
    locateFindings(result.findings, declarationText),
    manifest.facts,
  );
  const output =
    options.format === 'json'
      ? renderJson(report)
      : options.format === 'sarif'
        ? renderSarif(report, await toolVersion())
        : renderText(report);
  // Messages quote host names and keys from the files: escape what could rewrite the terminal.
  io.stdout(printableLines(output));
  return result.consistent ? EXIT.ok : EXIT.invalid;
}
