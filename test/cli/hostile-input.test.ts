import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, inProcess, root, STACK_LINE } from './run-cli.ts';

const ESC = '\u001b';
const techtime = readFileSync(
  join(root, 'test/declaration/fixtures/techtime-user-management.yaml'),
);
const techtimeText = techtime.toString('utf8');
const work = mkdtempSync(join(tmpdir(), 'privacy-disclosure-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

describe.concurrent('names that Object.prototype has', () => {
  const names = ['__proto__', 'toString', 'constructor', 'valueOf'];
  const example = 'examples/techtime-user-management.yaml';

  for (const name of names) {
    it(`--format ${name} is a usage error that lists the formats`, async () => {
      const run = await inProcess('export', '--format', name, example);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `unknown format "${name}"; use one of html, md, json, csv, marketplace`,
      );
      expect(run.stdout).toBe('');
    });

    it(`the command ${name} is a usage error that lists the commands`, async () => {
      const run = await inProcess(name, example);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `unknown command "${name}"; commands are validate, export, init, build, check and forge-check`,
      );
    });
  }

  it('ends with a usage message, not a stack trace, from the installed command', () => {
    const run = cli('export', '--format', '__proto__', example);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown format "__proto__"');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('a reader that stops reading', () => {
  it('ends quietly with exit 0 when the output is piped into head -c 10', () => {
    // Exalate's complete declaration with 30 more copies of its data categories: its HTML export
    // is larger than a pipe holds, so the CLI is still writing when head has gone. The originals
    // stay, so that what refers to a category by id (placement, vendor access) still finds it.
    const exalate = parse(
      readFileSync(join(root, 'test/declaration/export/fixtures/exalate-complete.yaml'), 'utf8'),
    ) as { dataCategories: { id: string }[] };
    const categories = exalate.dataCategories;
    exalate.dataCategories = [
      ...categories,
      ...Array.from({ length: 30 }, (_, copy) =>
        categories.map((category) => ({ ...category, id: `${category.id}-${copy}` })),
      ).flat(),
    ];
    const big = file('exalate-large.json', JSON.stringify(exalate));
    const piped = spawnSync(
      'bash',
      [
        '-c',
        '"$0" bin/privacy-disclosure.js export --format html "$1" | head -c 10; exit "${PIPESTATUS[0]}"',
        process.execPath,
        big,
      ],
      { cwd: root, encoding: 'utf8', timeout: 15000 },
    );
    expect(piped.stdout).toBe('<!doctype ');
    // Validation's warnings about the fixture may come first; nothing about the closed pipe.
    expect(piped.stderr.split('\n').filter((line) => line && !/ {2}warning: /.test(line))).toEqual(
      [],
    );
    expect(piped.status).toBe(0);
  });
});

describe.concurrent('file content that is not what it seems', () => {
  it('reports bytes that are not UTF-8 at their line and column, in validate and export', () => {
    const at = techtime.indexOf('TechTime Initiative');
    const latin1 = Buffer.concat([
      techtime.subarray(0, at + 4),
      Buffer.from([0xe9]),
      techtime.subarray(at + 4),
    ]);
    const path = file('latin1.yaml', latin1);
    const out = join(work, 'latin1.html');
    const validate = cli('validate', path);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(`${path}:4:18  the file is not valid UTF-8: byte 0xE9`);
    const exported = cli('export', '--format', 'html', path, '-o', out);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain(`${path}:4:18  the file is not valid UTF-8`);
    expect(existsSync(out)).toBe(false);
  });

  it('prints an ANSI sequence from a key and from a value escaped, never raw', () => {
    const path = file(
      'ansi.yaml',
      techtimeText
        .replace('  tradingName: TechTime', `  ${ESC}[31mtradingName: TechTime`)
        .replace('collection: required', `collection: ${ESC}[31mrequired`),
    );
    for (const run of [cli('validate', path), cli('export', '--format', 'md', path)]) {
      expect(run.code).toBe(1);
      expect(run.stderr).not.toContain(ESC);
      expect(run.stderr).toContain(
        `${path}:5:3  vendor.\\u001b[31mtradingName  unknown field "\\u001b[31mtradingName"; did you mean "tradingName"?`,
      );
      expect(run.stderr).toContain('"\\u001b[31mrequired" is not allowed');
    }
  });

  it('prints a file name from the command line with its controls escaped', () => {
    const run = cli('validate', `missing-${ESC}[2J\u202e.yaml`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'missing-\\u001b[2J\\u202e.yaml: cannot read: no such file or directory',
    );
    expect(run.stderr).not.toContain(ESC);
  });

  it('escapes a right-to-left override in the JSON report, which still parses to the real key', () => {
    const key = 'trading\u202eName';
    const path = file('bidi.yaml', techtimeText.replace('  tradingName:', `  ${key}:`));
    const run = cli('validate', '--format', 'json', path);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('\u202e');
    const report = JSON.parse(run.stdout);
    expect(report.files[0].errors[0].path).toEqual(['vendor', key]);
  });

  it('reports the same columns for a file saved with a byte order mark', () => {
    const firstLine = techtimeText.slice(techtimeText.indexOf('schemaVersion'));
    const misspelt = firstLine.replace(/^schemaVersion:/, 'schemaVersoin:');
    const plain = file('plain.yaml', misspelt);
    const bom = file('bom.yaml', `\ufeff${misspelt}`);
    const withoutBom = cli('validate', plain).stderr.replaceAll(plain, 'FILE');
    expect(withoutBom).toContain('FILE:1:1  schemaVersoin  unknown field "schemaVersoin"');
    expect(cli('validate', bom).stderr.replaceAll(bom, 'FILE')).toBe(withoutBom);
  });
});
