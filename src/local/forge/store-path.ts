import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What stands where the local store file should be, before anything is read or written: the
 * store keeps its data in one regular file, in a folder. Anything else there (a folder, a FIFO, a
 * link to nothing, a file where its folder should be) was put there by someone else, so it is
 * reported, never replaced.
 */
export type StorePath =
  /** The file is there: `file` is what to read and write (a link's target, for a link). */
  | { state: 'file'; file: string }
  /** Nothing yet, and its folder is (or can be made) a folder: the store starts empty. */
  | { state: 'missing' }
  /** Something is in the way: `path` is what, `problem` says how, in words. */
  | { state: 'damaged'; path: string; problem: string };

/** The lstat of a path, or null when nothing is there (also when a part of it is not a folder). */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** What a file system entry that is not a regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'something other than a file';
}

/**
 * A symbolic link's target, followed: its stats, or why it cannot be used (it points to nothing,
 * or to a chain of links that never ends).
 */
function followed(link: string): { stats: Stats } | { problem: string } {
  try {
    return { stats: statSync(link) };
  } catch (error) {
    const target = readlinkSync(link);
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      return { problem: `it is a symbolic link (to ${target}) that leads round in a loop` };
    return { problem: `it is a symbolic link to ${target}, which does not exist` };
  }
}

/**
 * The nearest existing folder on the way to `folder`, or what is in the way of it: a file or
 * a link to nothing where a folder should be (which `mkdir` would fail on, or create through).
 */
function folderProblem(folder: string): { path: string; problem: string } | null {
  for (let path = folder; ; path = dirname(path)) {
    const stats = lstatOrNull(path);
    if (stats?.isDirectory()) return null;
    if (stats?.isSymbolicLink()) {
      const target = followed(path);
      if ('problem' in target) return { path, problem: target.problem };
      if (target.stats.isDirectory()) return null;
      return {
        path,
        problem: `it is a symbolic link to ${kindOf(target.stats)}, not the folder the local store is kept in`,
      };
    }
    if (stats)
      return {
        path,
        problem: `it is ${stats.isFile() ? 'a file' : kindOf(stats)}, not the folder the local store is kept in`,
      };
    if (dirname(path) === path) return null;
  }
}

/** Looks at the store's path with lstat only, so that a FIFO there never blocks the preview. */
export function inspectStorePath(file: string): StorePath {
  const stats = lstatOrNull(file);
  if (!stats) {
    const blocked = folderProblem(dirname(file));
    return blocked ? { state: 'damaged', ...blocked } : { state: 'missing' };
  }
  let target = stats;
  if (stats.isSymbolicLink()) {
    const link = followed(file);
    if ('problem' in link) return { state: 'damaged', path: file, problem: link.problem };
    target = link.stats;
  }
  if (!target.isFile()) {
    const what = stats.isSymbolicLink() ? `a symbolic link to ${kindOf(target)}` : kindOf(target);
    return { state: 'damaged', path: file, problem: `it is ${what}, not a file` };
  }
  return { state: 'file', file: stats.isSymbolicLink() ? realpathSync(file) : file };
}

/** Whether anything at all is at `path`: a file, a folder, or a link even to nothing. */
export function somethingAt(path: string): boolean {
  return lstatOrNull(path) !== null;
}
