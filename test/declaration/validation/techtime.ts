/**
 * The TechTime "User Management" declaration (seed 000) in format 2, and helpers that break or
 * extend it in one place and find where an issue is reported: each test changes one thing.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { formatLocatedIssue, validateDeclarationText, type LocatedIssue } from '@declaration';

export const FILE = 'user-management.yaml';

export const techtime = readFileSync(
  new URL('../fixtures/techtime-user-management.yaml', import.meta.url),
  'utf8',
);

/** `text` with the `occurrence`-th copy of `from` replaced by `to`; throws when it is not there. */
export function replaced(from: string, to: string, text = techtime, occurrence = 1): string {
  let at = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    at = text.indexOf(from, at + 1);
    if (at < 0) throw new Error(`no occurrence ${occurrence} of ${JSON.stringify(from)}`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** `text` with `lines` inserted before the top-level section `section:`. */
export function before(section: string, lines: string, text = techtime): string {
  return replaced(`\n${section}:\n`, `\n${lines.replace(/\n?$/, '\n')}${section}:\n`, text);
}

/** 1-based line and column of the `occurrence`-th copy of `needle` in `text`. */
export function spot(text: string, needle: string, occurrence = 1) {
  let at = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`no occurrence ${occurrence} of ${JSON.stringify(needle)}`);
  }
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** The result's errors, each as `line:column  path  message` without the file name. */
export function errorsOf(text: string): string[] {
  const result = validateDeclarationText(text, FILE);
  return result.ok ? [] : result.issues.map(short);
}

/** The result's warnings, in the same form; the text must be valid. */
export function warningsOf(text: string): string[] {
  const result = validateDeclarationText(text, FILE);
  if (!result.ok) throw new Error(result.issues.map(formatLocatedIssue).join('\n'));
  return result.warnings.map(short);
}

function short(issue: LocatedIssue): string {
  return formatLocatedIssue(issue).slice(FILE.length + 1);
}

/** Expects exactly one error: at `path`, matching `message`, where `needle` is written. */
export function expectOnlyError(
  text: string,
  path: string,
  message: RegExp,
  needle: string,
  occurrence = 1,
): void {
  const errors = errorsOf(text);
  const { line, column } = spot(text, needle, occurrence);
  const at = `${line}:${column}  ${path}  `;
  expect(errors, errors.join('\n')).toHaveLength(1);
  expect(errors[0]?.slice(0, at.length)).toBe(at);
  expect(errors[0]?.slice(at.length)).toMatch(message);
}
