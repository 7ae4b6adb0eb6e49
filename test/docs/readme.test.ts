import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLocatedIssue, validateDeclarationText } from '@declaration';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/main.ts';

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
    expect(readme).toContain('npm pack');
    expect(readme).toContain('npm test');
  });

  it('names only commands the CLI has, each with its help', async () => {
    const commands = new Set(
      [...readme.matchAll(/npx privacy-disclosure ([a-z-]+)/g)].map((match) => match[1]!),
    );
    expect([...commands]).toEqual(expect.arrayContaining(['init', 'build', 'validate', 'export']));
    for (const command of commands) {
      const out: string[] = [];
      const io: CliIo = {
        stdout: (text) => out.push(text),
        stderr: (text) => out.push(text),
      };
      const code = await run([command, '--help'], io);
      expect(code, `npx privacy-disclosure ${command} --help: ${out.join('')}`).toBe(0);
    }
  });
});
