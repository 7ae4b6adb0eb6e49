import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, lstat, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { describeFsError } from './io.ts';

/** Linux gives up after 40 links in a row; so does the CLI, with a clear message. */
const MAX_LINKS = 40;

/** Where an export may be written, or why not (a usage error: the command line names it). */
export type OutputTarget =
  | {
      ok: true;
      /** The file to write, with every link on the way resolved as the kernel resolves it. */
      path: string;
      /** Whether a symbolic link was followed to get there. */
      linked: boolean;
      existing?: Stats;
    }
  | { ok: false; reason: string; usage: boolean };

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** What a file that is not a regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Whether a path can only name a directory: it ends with `/`, `/.` or `/..` (or is `.` or
 * `..`). A shell's `>` refuses it ("Not a directory", "Is a directory"), where resolving it as
 * a path would drop the slash and write the file before it.
 */
function namesDirectory(path: string): boolean {
  return /(?:^|\/)\.{0,2}$/.test(path);
}

/** Thrown by {@link followLinks} for a name (or a link's target) that can only be a directory. */
class DirectoryName extends Error {
  constructor(readonly target: string | null) {
    super('names a directory');
  }
}

/**
 * Follows `out` through any symbolic links to the file they end at, which may not exist yet
 * (a link to a file the export creates), the way the kernel does for a shell's `>`: the folders
 * on the way are resolved first, links and `..` included (`alias/../x` is beside what `alias`
 * points to, not beside `alias`), and a relative link is read from the real folder it is in.
 */
async function followLinks(out: string): Promise<{ path: string; linked: boolean; stats?: Stats }> {
  let name = out;
  let base = process.cwd();
  for (let hops = 0; hops <= MAX_LINKS; hops += 1) {
    if (namesDirectory(name)) throw new DirectoryName(hops === 0 ? null : name);
    const folder = dirname(name);
    // Concatenated, not joined: path.join would drop a `..` after a link without looking.
    const real = await realpath(isAbsolute(folder) ? folder : `${base}/${folder}`);
    const path = join(real, basename(name));
    const stats = await lstatOrUndefined(path);
    if (!stats?.isSymbolicLink()) return { path, linked: hops > 0, stats };
    name = await readlink(path);
    base = real;
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

/** Whether `path` (whose lstat is `stats`) is the input file, under any name. */
async function isInput(path: string, stats: Stats, input: string): Promise<boolean> {
  // An input that cannot be read is reported as such later; it cannot be overwritten here.
  const inputStats = await stat(input).catch(() => undefined);
  if (!inputStats) return false;
  if (inputStats.dev === stats.dev && inputStats.ino === stats.ino) return true;
  const [real, realInput] = await Promise.all([realpath(path), realpath(input)]);
  return real === realInput;
}

/**
 * Decides where `-o OUT` writes: through symbolic links to their target, which must be a regular
 * file or not exist yet. Refuses the declaration being exported (by path, link or hard link: its
 * device and inode), a name that can only be a directory (`out/`), and anything that is not a
 * regular file (a FIFO, a device such as `/dev/full`, a directory, a socket), which an atomic
 * rename would replace. Looks with `lstat` only, so a FIFO never blocks it.
 */
export async function outputTarget(out: string, input: string): Promise<OutputTarget> {
  try {
    return await checkTarget(out, input);
  } catch (error) {
    if (error instanceof DirectoryName) {
      const what = error.target === null ? 'it' : `its target ${error.target}`;
      const ending = /(?:\/\.{0,2}|\.{1,2})$/.exec(error.target ?? out)![0];
      return {
        ok: false,
        usage: true,
        reason: `${what} ends with "${ending}", so it names a directory; export writes only regular files (name the file, or leave out -o to write to stdout)`,
      };
    }
    // A path that cannot even be looked at (no permission, a loop of links) is an I/O failure.
    return { ok: false, reason: describeFsError(error), usage: false };
  }
}

async function checkTarget(out: string, input: string): Promise<OutputTarget> {
  const { path, linked, stats } = await followLinks(out);
  if (!stats) return { ok: true, path, linked };
  if (!stats.isFile()) {
    return {
      ok: false,
      usage: true,
      reason: `${linked ? `its target ${path}` : 'it'} is ${kindOf(stats)}; export writes only regular files (leave out -o to write to stdout)`,
    };
  }
  if (await isInput(path, stats, input)) {
    return {
      ok: false,
      usage: true,
      reason: `it is the declaration being exported (${input}); write the export to another file`,
    };
  }
  return { ok: true, path, linked, existing: stats };
}

/**
 * Writes a file all at once: into a temporary file beside it, then renamed over the target, so
 * that a reader never sees half a file and a failed export (a full disk, no permission) leaves
 * the old file untouched and no temporary file behind. A replaced file keeps its permissions.
 */
export async function writeAtomically(
  file: string,
  content: string,
  existing?: Stats,
): Promise<void> {
  const temporary = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    if (existing) await chmod(temporary, existing.mode & 0o7777);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
