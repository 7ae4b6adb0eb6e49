/**
 * All-or-nothing writes for init and build: every new file and folder is first written in full
 * beside its target under a temporary name, and only when all of them are written are they
 * renamed into place. A failure while writing (disk full, permission denied) removes the
 * temporary copies and leaves every target as it was; nothing is ever half-written.
 */
import { randomBytes } from 'node:crypto';
import { chmod, cp, lstat, mkdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file to write, by absolute path. */
export interface FileWrite {
  path: string;
  text: string;
}

/** A folder to replace with a copy of another, plus a marker file that says whose copy it is. */
export interface FolderCopy {
  path: string;
  from: string;
  marker: { name: string; text: string };
  /** Files written into the copy over the copied ones (the UI's pre-rendered index.html). */
  files?: { name: string; text: string }[];
}

function temporaryName(path: string, suffix: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.${suffix}`,
  );
}

async function existing(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Creates `dir` and its missing parents, returning those it created (deepest last). */
async function makeParents(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let current = dir; !(await existing(current)); current = dirname(current)) {
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  await mkdir(dir, { recursive: true });
  return missing;
}

/**
 * Writes every file and copies every folder, or nothing: see the module comment. A target that
 * exists and is not a regular file (a link, a device, a folder in place of a file) is refused
 * before anything is written.
 */
export async function writeAllOrNothing(
  files: FileWrite[],
  folders: FolderCopy[] = [],
): Promise<void> {
  for (const file of files) {
    const stats = await existing(file.path);
    if (stats && !stats.isFile())
      throw new Error(`${file.path} is not a regular file; nothing was written`);
  }
  for (const folder of folders) {
    const stats = await existing(folder.path);
    if (stats && !stats.isDirectory())
      throw new Error(`${folder.path} is not a folder; nothing was written`);
  }
  const createdDirs: string[] = [];
  const staged: { temporary: string; target: string; folder: boolean }[] = [];
  try {
    for (const file of files) {
      createdDirs.push(...(await makeParents(dirname(file.path))));
      const temporary = temporaryName(file.path, 'tmp');
      staged.push({ temporary, target: file.path, folder: false });
      await writeFile(temporary, file.text, { encoding: 'utf8', flag: 'wx' });
      const before = await existing(file.path);
      if (before) await chmod(temporary, before.mode & 0o7777);
    }
    for (const folder of folders) {
      createdDirs.push(...(await makeParents(dirname(folder.path))));
      const temporary = temporaryName(folder.path, 'tmp');
      staged.push({ temporary, target: folder.path, folder: true });
      await cp(folder.from, temporary, { recursive: true, errorOnExist: true, force: false });
      await writeFile(join(temporary, folder.marker.name), folder.marker.text, 'utf8');
      for (const file of folder.files ?? []) {
        await writeFile(join(temporary, file.name), file.text, 'utf8');
      }
    }
  } catch (error) {
    await Promise.all(
      staged.map(({ temporary }) => rm(temporary, { recursive: true, force: true })),
    );
    for (const dir of createdDirs.reverse()) await rmdir(dir).catch(() => undefined);
    throw error;
  }
  for (const { temporary, target, folder } of staged) {
    if (!folder) {
      await rename(temporary, target);
      continue;
    }
    // A folder cannot be renamed over another: move the old one aside, then drop it.
    const old = (await existing(target)) ? temporaryName(target, 'old') : undefined;
    if (old) await rename(target, old);
    try {
      await rename(temporary, target);
    } catch (error) {
      if (old) await rename(old, target);
      throw error;
    }
    if (old) await rm(old, { recursive: true, force: true });
  }
}

/** Whether `path` is a folder holding a file named `marker`. */
export async function hasMarker(path: string, marker: string): Promise<boolean> {
  try {
    return (await stat(join(path, marker))).isFile();
  } catch {
    return false;
  }
}
