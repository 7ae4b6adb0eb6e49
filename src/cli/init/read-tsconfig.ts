/**
 * Reads the module settings of an app's tsconfig.json, following `extends` (a relative path or
 * a package in node_modules) as TypeScript does: the file's own settings win over those it
 * extends. tsconfig files are JSON with comments and trailing commas.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ResolutionOptions, TsconfigRead } from './tsconfig-resolution.ts';

/** A chain of extends longer than this is a loop or a mistake. */
const MAX_DEPTH = 16;

/** The offset of the quote that ends the JSON string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index;
}

/** JSON with comments and trailing commas, as tsconfig.json allows, as plain JSON. */
export function stripJsonComments(text: string): string {
  let bare = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '"') {
      const end = stringEnd(text, index);
      bare += text.slice(index, end + 1);
      index = end;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index + 1 < text.length && text[index + 1] !== '\n') index += 1;
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
      bare += ' ';
    } else {
      bare += char;
    }
  }
  let json = '';
  for (let index = 0; index < bare.length; index += 1) {
    const char = bare[index]!;
    if (char === '"') {
      const end = stringEnd(bare, index);
      json += bare.slice(index, end + 1);
      index = end;
    } else if (char !== ',' || !/^\s*[}\]]/.test(bare.slice(index + 1))) {
      json += char;
    }
  }
  return json;
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(stripJsonComments(await readFile(path, 'utf8')));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The file an `extends` entry names, from the folder of the config that names it. */
async function extendedPath(from: string, entry: string): Promise<string | undefined> {
  const candidates: string[] = [];
  if (entry.startsWith('.') || entry.startsWith('/')) {
    const path = resolve(from, entry);
    candidates.push(path, `${path}.json`);
  } else {
    for (let dir = from; ; dir = dirname(dir)) {
      const path = join(dir, 'node_modules', entry);
      candidates.push(path, `${path}.json`, join(path, 'tsconfig.json'));
      if (dirname(dir) === dir) break;
    }
  }
  for (const path of candidates) {
    if ((await readJson(path)) !== undefined) return path;
  }
  return undefined;
}

async function optionsOf(path: string, depth: number): Promise<ResolutionOptions | undefined> {
  if (depth > MAX_DEPTH) return undefined;
  const config = await readJson(path);
  if (!config) return undefined;
  const extended = config.extends;
  const entries =
    typeof extended === 'string' ? [extended] : Array.isArray(extended) ? extended : [];
  let options: ResolutionOptions = {};
  for (const entry of entries) {
    if (typeof entry !== 'string') return undefined;
    const base = await extendedPath(dirname(path), entry);
    const inherited = base && (await optionsOf(base, depth + 1));
    if (!inherited) return undefined;
    options = { ...options, ...inherited };
  }
  const own = config.compilerOptions;
  if (own !== null && typeof own === 'object' && !Array.isArray(own)) {
    for (const key of ['module', 'moduleResolution', 'target'] as const) {
      const value = (own as Record<string, unknown>)[key];
      if (typeof value === 'string') options[key] = value;
    }
  }
  return options;
}

/** The module settings of `dir`/tsconfig.json, or that there is none, or that it is unreadable. */
export async function readTsconfig(dir: string): Promise<TsconfigRead> {
  const path = join(dir, 'tsconfig.json');
  try {
    await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable' };
  }
  const options = await optionsOf(path, 0);
  return options ? { kind: 'options', options } : { kind: 'unreadable' };
}
