import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  escapeControls,
  formatLocatedIssue,
  parseDeclaration,
  validateDeclarationText,
} from '@declaration';

// TechTime's "User Management" policy (seed 000) as a valid declaration.
const FILE = 'user-management.yaml';
const valid = readFileSync(
  new URL('../fixtures/techtime-user-management.yaml', import.meta.url),
  'utf8',
);
const ESC = '\u001b';

function lines(text: string): string[] {
  const result = validateDeclarationText(text, FILE);
  return (result.ok ? result.warnings : result.issues).map(formatLocatedIssue);
}

describe('escapeControls', () => {
  it('writes terminal, bidi and invisible controls as escapes and leaves text alone', () => {
    expect(escapeControls(`${ESC}[31mred${ESC}[0m`)).toBe('\\u001b[31mred\\u001b[0m');
    expect(escapeControls('a\rb\nc\td')).toBe('a\\rb\\nc\\td');
    expect(escapeControls('\u202egnp.exe \u2066x\u2069 \u0085 \u2028 \u200b \ufeff')).toBe(
      '\\u202egnp.exe \\u2066x\\u2069 \\u0085 \\u2028 \\u200b \\ufeff',
    );
    expect(escapeControls('Zürich, 東京, emoji 👩‍💻, C:\\path')).toBe(
      'Zürich, 東京, emoji 👩‍💻, C:\\path',
    );
  });

  it('gives the same text when applied twice', () => {
    const once = escapeControls(`key${ESC}[2J\r\u202e`);
    expect(escapeControls(once)).toBe(once);
  });
});

describe('validateDeclarationText: messages quote the file with controls escaped', () => {
  it('escapes an ANSI sequence in an unknown key, in its path and its did-you-mean message', () => {
    const text = valid.replace('  tradingName: TechTime', `  ${ESC}[31mtradingName: TechTime`);
    const printed = lines(text);
    expect(printed).toEqual([
      `${FILE}:5:3  vendor.\\u001b[31mtradingName  unknown field "\\u001b[31mtradingName"; did you mean "tradingName"?`,
    ]);
    expect(printed.join('\n')).not.toContain(ESC);
  });

  it('escapes an ANSI sequence and a right-to-left override in a value', () => {
    const text = valid.replace('collection: required', 'collection: "\\e[31mrequired\\u202e"');
    const result = validateDeclarationText(text, FILE);
    expect(result.ok).toBe(false);
    const issue = result.ok ? undefined : result.issues[0];
    expect(issue?.message).toBe(
      '"\\u001b[31mrequired\\u202e" is not allowed: must be one of: required, optional',
    );
    // The path stays the real key, for tools that locate the field.
    expect(issue?.path).toEqual(['dataCategories', 0, 'collection']);
  });

  it('escapes a carriage return in a key, so that the message stays on its line', () => {
    const text = valid.replace('  tradingName: TechTime', '  "trading\\rName": TechTime');
    const printed = lines(text);
    expect(printed).toEqual([
      `${FILE}:5:3  vendor.trading\\rName  unknown field "trading\\rName"; did you mean "tradingName"?`,
    ]);
  });

  it('escapes control characters in the file name', () => {
    const text = valid.replace('collection: required', 'collection: always');
    expect(lines(text).map((line) => line.replace(/:.*/s, ''))).toEqual([FILE]);
    const result = validateDeclarationText(text, `${ESC}]0;title\u0007.yaml`);
    const printed = result.ok ? [] : result.issues.map(formatLocatedIssue);
    expect(printed[0]).toMatch(/^\\u001b\]0;title\\u0007\.yaml:\d+:\d+ /);
  });
});

describe('parseDeclaration: messages quote the value with controls escaped', () => {
  it('escapes an ANSI sequence in an unknown field of a stored declaration', () => {
    const value = parse(valid) as { vendor: Record<string, unknown> };
    value.vendor[`${ESC}[31mcolour`] = 'red';
    const result = parseDeclaration(value);
    const messages = result.ok ? [] : result.issues.map((issue) => issue.message);
    expect(messages).toEqual([expect.stringContaining('unknown field "\\u001b[31mcolour"')]);
  });
});
