import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLocatedIssue, validateDeclarationText } from '@declaration';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows a declaration example that validates as written', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the README has a yaml example').toBeTruthy();
    const result = validateDeclarationText(block ?? '', 'README.md');
    expect(result.ok ? [] : result.issues.map(formatLocatedIssue)).toEqual([]);
    expect(result.ok && result.declaration.dataCategories[0]?.retention.period).toBe('P180D');
  });

  it('names the commands that package.json defines', () => {
    const scripts = Object.keys(
      (
        JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
          scripts: Record<string, string>;
        }
      ).scripts,
    );
    for (const command of readme.matchAll(/npm run ([a-z0-9:-]+)/g)) {
      expect(scripts, `README mentions npm run ${command[1]}`).toContain(command[1]);
    }
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
