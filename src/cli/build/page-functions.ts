/**
 * Which function answers each of the disclosure's pages, and whether it serves the disclosure.
 * A vendor may point a page at their own resolver, having registered the disclosure's
 * definitions on it (`disclosure.register(resolver)`): such a function's module, or a module it
 * imports, imports `privacy-disclosure/backend`. A page that shows the disclosure's UI from a
 * function that does not would load nothing, so build warns about it.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { RESOLVER_HANDLER, type DisclosurePage } from '../init/manifest/disclosure-parts.ts';

/** The import that registers the disclosure's definitions on a resolver. */
export const BACKEND_IMPORT = 'privacy-disclosure/backend';

/** How a page of the disclosure is answered. */
export interface PageFunction {
  page: DisclosurePage;
  /** The function its resolver names, with that function's handler when the manifest has it. */
  function?: string;
  handler?: string;
  /**
   * `disclosure`: the disclosure's own function; `imports-backend`: the vendor's, whose code
   * imports the backend; `no-backend`: the vendor's, whose code does not; `no-source`: its
   * module is not under src/; `undefined-function`: no such function; `no-function`: the page
   * names none.
   */
  serving:
    | 'disclosure'
    | 'imports-backend'
    | 'no-backend'
    | 'no-source'
    | 'undefined-function'
    | 'no-function';
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'];
// Enough for any app's resolver and what it imports; a bound, so a huge tree cannot stall build.
const MAX_FILES = 500;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

async function readSource(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The file a relative import names: as written, with an extension, or a folder's index. */
async function resolveModule(base: string): Promise<{ path: string; text: string } | undefined> {
  // TypeScript sources import './x.js' for './x.ts'.
  const stem = base.replace(/\.(c|m)?js$/, '');
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => stem + ext),
    ...EXTENSIONS.map((ext) => join(base, `index${ext}`)),
  ];
  for (const path of candidates) {
    const text = await readSource(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/** Whether the module at `entry`, or one it imports from the app, imports the backend. */
async function importsBackend(entry: { path: string; text: string }): Promise<boolean> {
  const seen = new Set([entry.path]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const match of file.text.matchAll(SPECIFIER)) {
      const specifier = match[2]!;
      if (specifier === BACKEND_IMPORT) return true;
      if (!specifier.startsWith('.') || seen.size >= MAX_FILES) continue;
      const next = await resolveModule(resolve(dirname(file.path), specifier));
      if (next && !seen.has(next.path)) {
        seen.add(next.path);
        queue.push(next);
      }
    }
  }
  return false;
}

/** How each page is answered, reading the vendor's function modules under `dir`/src. */
export async function pageFunctions(
  dir: string,
  pages: DisclosurePage[],
  functions: Record<string, unknown>[],
): Promise<PageFunction[]> {
  const handlers = new Map<string, string>();
  for (const entry of functions) {
    if (typeof entry.key === 'string' && typeof entry.handler === 'string')
      handlers.set(entry.key, entry.handler);
  }
  return Promise.all(
    pages.map(async (page): Promise<PageFunction> => {
      const name = page.resolverFunction;
      if (name === undefined) return { page, serving: 'no-function' };
      const handler = handlers.get(name);
      if (handler === undefined) return { page, function: name, serving: 'undefined-function' };
      if (handler === RESOLVER_HANDLER)
        return { page, function: name, handler, serving: 'disclosure' };
      // A handler is `module.export`, the module's path relative to src/ without its extension.
      const module = handler.slice(0, handler.lastIndexOf('.'));
      const source = await resolveModule(join(dir, 'src', module));
      if (!source) return { page, function: name, handler, serving: 'no-source' };
      return {
        page,
        function: name,
        handler,
        serving: (await importsBackend(source)) ? 'imports-backend' : 'no-backend',
      };
    }),
  );
}
