import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, root, STACK_LINE } from './run-cli.ts';

const example = join(root, 'examples/techtime-user-management.yaml');
const original = readFileSync(example);
const work = mkdtempSync(join(tmpdir(), 'privacy-disclosure-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder of its own for each test, holding a copy of the TechTime example. */
function folder(name: string): { dir: string; input: string } {
  const dir = join(work, name);
  mkdirSync(dir);
  const input = join(dir, 'declaration.yaml');
  copyFileSync(example, input);
  return { dir, input };
}

/** Asserts a usage error (exit 2, the reason, a pointer to the help) and no stack trace. */
function expectRefused(run: ReturnType<typeof cli>, reason: string) {
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(reason);
  expect(run.stderr).toContain('privacy-disclosure export --help');
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stdout).toBe('');
}

/**
 * /dev/full, or as root a twin of it (the same device numbers) in the test's own folder: root may
 * write to /dev, so a regression would replace the machine's /dev/full with a regular file.
 */
function fullDevice(dir: string): string {
  if (process.getuid?.() !== 0) return '/dev/full';
  const twin = join(dir, 'full');
  execFileSync('mknod', ['-m', '666', twin, 'c', '1', '7']);
  return twin;
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

describe.concurrent('export -o: never onto the declaration being exported', () => {
  const ways: [string, (dir: string, input: string) => string][] = [
    ['the same path', (_dir, input) => input],
    ['the same file through ./', (_dir, input) => `./${relative(root, input)}`],
    [
      'a symbolic link to it',
      (dir) => {
        symlinkSync('declaration.yaml', join(dir, 'link.yaml'));
        return join(dir, 'link.yaml');
      },
    ],
    [
      'a hard link to it',
      (dir, input) => {
        linkSync(input, join(dir, 'hard.yaml'));
        return join(dir, 'hard.yaml');
      },
    ],
  ];
  for (const [way, outFor] of ways) {
    it(`refuses ${way} with a usage error and leaves the declaration as it was`, () => {
      const { dir, input } = folder(`same-${way.replaceAll(/\W+/g, '-')}`);
      const run = cli('export', '--format', 'html', input, '-o', outFor(dir, input));
      expectRefused(run, 'it is the declaration being exported');
      expect(readFileSync(input)).toEqual(original);
      expect(leftovers(dir)).toEqual([]);
    });
  }
});

describe.concurrent('export -o: links and files that are not regular files', () => {
  it('writes through a symbolic link to its target and keeps the link', () => {
    const { dir, input } = folder('symlink');
    const target = join(dir, 'privacy.html');
    writeFileSync(target, 'the previous export\n');
    symlinkSync('privacy.html', join(dir, 'current.html'));
    const run = cli('export', '--format', 'html', input, '-o', join(dir, 'current.html'));
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'current.html')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'current.html'))).toBe('privacy.html');
    expect(readFileSync(target, 'utf8')).toContain('<h1>Privacy: User Management</h1>');
    expect(run.stderr).toContain(`(the file it links to, ${target})`);
    expect(leftovers(dir)).toEqual([]);
  });

  it('creates the file a dangling link points to and keeps the link', () => {
    const { dir, input } = folder('dangling');
    symlinkSync('new.md', join(dir, 'latest.md'));
    const run = cli('export', '--format', 'md', input, '-o', join(dir, 'latest.md'));
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'latest.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'new.md'), 'utf8')).toMatch(/^# Privacy: User Management/);
  });

  it('refuses a FIFO without waiting for a reader, and leaves it a FIFO', () => {
    const { dir, input } = folder('fifo');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // cli() gives up after 15 s: opening the FIFO to write would wait for a reader forever.
    const run = cli('export', '--format', 'json', input, '-o', fifo);
    expectRefused(run, 'it is a named pipe (FIFO); export writes only regular files');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a device such as /dev/full and leaves it a device', () => {
    const { dir, input } = folder('device');
    const device = fullDevice(dir);
    const run = cli('export', '--format', 'csv', input, '-o', device);
    expectRefused(run, 'it is a character device; export writes only regular files');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('refuses a link to a device, naming the device', () => {
    const { dir, input } = folder('link-to-device');
    const device = fullDevice(dir);
    symlinkSync(device, join(dir, 'out.json'));
    const run = cli('export', '--format', 'json', input, '-o', join(dir, 'out.json'));
    expectRefused(run, `its target ${device} is a character device`);
    expect(readlinkSync(join(dir, 'out.json'))).toBe(device);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('refuses a directory', () => {
    const { dir, input } = folder('directory');
    const run = cli('export', '--format', 'md', input, '-o', dir);
    expectRefused(run, 'it is a directory; export writes only regular files');
  });

  it('says in one line that a link loop cannot be written, with exit 1', () => {
    const { dir, input } = folder('loop');
    symlinkSync('loop.md', join(dir, 'loop.md'));
    const run = cli('export', '--format', 'md', input, '-o', join(dir, 'loop.md'));
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `${join(dir, 'loop.md')}: cannot write: too many symbolic links (a link that points to itself?)`,
    );
  });

  it('keeps the permissions of the file it replaces', () => {
    const { dir, input } = folder('mode');
    const out = join(dir, 'private.json');
    writeFileSync(out, '{}\n');
    chmodSync(out, 0o600);
    const run = cli('export', '--format', 'json', input, '-o', out);
    expect(run.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8')).app.name).toBe('User Management');
  });
});

describe.concurrent('export -o: folders and links resolved as the kernel resolves them', () => {
  it('writes where a relative link through a linked folder leads, not beside the link’s name', () => {
    // alias -> real/sub, and real/sub/current.md -> ../privacy.md: the kernel reads the link in
    // real/sub, so it leads to real/privacy.md (read from alias/, it would lead to ./privacy.md).
    const { dir, input } = folder('linked-folder');
    mkdirSync(join(dir, 'real', 'sub'), { recursive: true });
    symlinkSync('real/sub', join(dir, 'alias'));
    symlinkSync('../privacy.md', join(dir, 'real', 'sub', 'current.md'));
    writeFileSync(join(dir, 'real', 'privacy.md'), 'the previous export\n');
    const run = cli('export', '--format', 'md', input, '-o', join(dir, 'alias', 'current.md'));
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'real', 'privacy.md'), 'utf8')).toMatch(
      /^# Privacy: User Management/,
    );
    expect(existsSync(join(dir, 'privacy.md'))).toBe(false);
    expect(run.stderr).toContain(`(the file it links to, ${join(dir, 'real', 'privacy.md')})`);
    expect(lstatSync(join(dir, 'real', 'sub', 'current.md')).isSymbolicLink()).toBe(true);
  });

  it('reads .. after a linked folder from where the link points, as a shell does', () => {
    const { dir, input } = folder('dot-dot');
    mkdirSync(join(dir, 'real', 'sub'), { recursive: true });
    symlinkSync('real/sub', join(dir, 'alias'));
    const run = cli('export', '--format', 'json', input, '-o', `${join(dir, 'alias')}/../out.json`);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'real', 'out.json'), 'utf8')).app.name).toBe(
      'User Management',
    );
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
    // Not a link: the message names the file as it was given.
    expect(run.stderr.trim()).toBe(`Wrote ${join(dir, 'alias')}/../out.json`);
  });
});

describe.concurrent('export -o: a name that ends with a slash names a directory', () => {
  it('refuses an existing file written as FILE/ and leaves it as it was', () => {
    const { dir, input } = folder('slash-file');
    writeFileSync(join(dir, 'plain.txt'), 'keep me\n');
    const run = cli('export', '--format', 'md', input, '-o', `${join(dir, 'plain.txt')}/`);
    expectRefused(
      run,
      'it ends with "/", so it names a directory; export writes only regular files',
    );
    expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).toBe('keep me\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a new name written as NAME/ and creates nothing', () => {
    const { dir, input } = folder('slash-new');
    for (const [out, ending] of [
      ['newdir/', '/'],
      ['newdir/.', '/.'],
      ['newdir/..', '/..'],
    ]) {
      const run = cli('export', '--format', 'md', input, '-o', `${dir}/${out}`);
      expectRefused(run, `it ends with "${ending}", so it names a directory`);
    }
    expect(readdirSync(dir)).toEqual(['declaration.yaml']);
  });

  it('refuses a link whose target ends with a slash, and keeps the file beside it', () => {
    const { dir, input } = folder('slash-link');
    writeFileSync(join(dir, 'target.md'), 'keep me\n');
    symlinkSync('target.md/', join(dir, 'latest.md'));
    const run = cli('export', '--format', 'md', input, '-o', join(dir, 'latest.md'));
    expectRefused(run, 'its target target.md/ ends with "/", so it names a directory');
    expect(readFileSync(join(dir, 'target.md'), 'utf8')).toBe('keep me\n');
  });
});
