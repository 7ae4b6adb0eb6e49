import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, validateDeclarationText } from '@declaration';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe("the README's declaration example", () => {
  const example = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readme)?.[1] ?? '';

  it('is a valid declaration of the current format, with no warnings', () => {
    expect(example).toContain(`schemaVersion: ${CURRENT_SCHEMA_VERSION}\n`);
    const result = validateDeclarationText(example, 'README.md');
    expect(result).toMatchObject({ ok: true });
    expect(result.warnings.map((warning) => warning.message)).toEqual([]);
  });
});
