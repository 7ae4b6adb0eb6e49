/**
 * The starting declaration init writes is valid, but it is init's, not yet the vendor's: the
 * core warns while its first line is there, so every command that validates (validate, build,
 * the preview) says so from one place.
 */
import { describe, expect, it } from 'vitest';
import { startingDeclaration } from '../../../src/cli/init/declaration-template.ts';
import { validateDeclarationText } from '../../../src/declaration/index.ts';

const starting = startingDeclaration({
  appName: 'Worklog summary',
  products: ['jira'],
  today: '2026-12-01',
});

function warningsOf(text: string) {
  const result = validateDeclarationText(text, 'privacy/declaration.yaml');
  if (!result.ok) throw new Error('the starting declaration must be valid');
  return result.warnings.map(({ line, column, message }) => ({ line, column, message }));
}

const STILL_STARTING = {
  line: 1,
  column: 1,
  message:
    "this is still init's starting declaration; make it true for your app and delete its first line before you deploy",
};

describe("the warning on init's starting declaration", () => {
  it('is given at 1:1, with or without a byte order mark', () => {
    expect(warningsOf(starting)).toContainEqual(STILL_STARTING);
    expect(warningsOf(`\ufeff${starting}`)).toContainEqual(STILL_STARTING);
  });

  it('stays while the rest of the marker line is edited, and goes with the line', () => {
    const edited = starting.replace(
      /^(# privacy-disclosure init: starting declaration)\..*$/m,
      '$1. TODO',
    );
    expect(warningsOf(edited)).toContainEqual(STILL_STARTING);
    const deleted = starting.slice(starting.indexOf('\n') + 1);
    expect(warningsOf(deleted)).not.toContainEqual(
      expect.objectContaining({ message: STILL_STARTING.message }),
    );
  });
});
