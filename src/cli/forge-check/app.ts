/**
 * The Forge app under check: its manifest and the function handlers Forge bundles. Forge looks for
 * a handler `index.handler` in `src/index.*` and bundles one entry per module.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ManifestSchema } from '@forge/manifest';

/** A module Forge bundles: one entry file and the manifest functions it serves. */
export interface HandlerModule {
  /** The module name, `index` for handlers `index.*`; the bundle is `<name>.cjs`. */
  name: string;
  /** The entry file, relative to the app directory. */
  entry: string;
  /** The handlers (`index.handler`) it must export, each with its function key. */
  handlers: { key: string; handler: string; exportName: string }[];
}

/** A Forge app read from its directory. */
export interface ForgeApp {
  /** The app directory, absolute. */
  dir: string;
  /** The parsed manifest.yml (validated separately, by Forge's own validation). */
  manifest: ManifestSchema;
  /** Every module named by a function handler in the manifest. */
  modules: HandlerModule[];
}

/** Forge's source directory and the extensions its webpack configuration resolves. */
const SOURCE_DIRECTORY = 'src';
const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.cjs'];

/** A problem that stops the check before Forge's tools can run: what and where. */
export class AppError extends Error {}

function readManifest(dir: string): ManifestSchema {
  const file = join(dir, 'manifest.yml');
  if (!existsSync(file)) throw new AppError(`${file}: no manifest.yml in the app directory`);
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter });
  const [first] = document.errors;
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new AppError(`manifest.yml:${line}:${col}: ${first.message.split('\n')[0]}`);
  }
  if (!isMap(document.contents)) throw new AppError('manifest.yml: not a YAML mapping');
  const functions = document.getIn(['modules', 'function']);
  if (functions !== undefined && !isSeq(functions)) {
    throw new AppError('manifest.yml: modules.function must be a list');
  }
  return document.toJS() as ManifestSchema;
}

function entryFile(dir: string, name: string): string | undefined {
  const base = join(dir, SOURCE_DIRECTORY, name);
  const found = EXTENSIONS.map((extension) => base + extension).find((file) => existsSync(file));
  return found && relative(dir, found);
}

/** Reads the app in `dir`; throws AppError with the file and place of anything unreadable. */
export function loadForgeApp(dir: string): ForgeApp {
  const manifest = readManifest(dir);
  const functions = (manifest.modules?.function ?? []) as { key?: unknown; handler?: unknown }[];
  const modules = new Map<string, HandlerModule>();
  functions.forEach(({ key, handler }, index) => {
    const where = `manifest.yml: modules.function[${index}]`;
    if (typeof key !== 'string' || typeof handler !== 'string' || !/^[^.]+\.[^.]+$/.test(handler)) {
      throw new AppError(`${where}: needs a key and a handler of the form module.export`);
    }
    const [name = '', exportName = ''] = handler.split('.');
    let module = modules.get(name);
    if (!module) {
      const entry = entryFile(dir, name);
      if (!entry) {
        throw new AppError(
          `${where}: handler ${handler} needs ${SOURCE_DIRECTORY}/${name}.ts (or .tsx, .js, .jsx), which does not exist`,
        );
      }
      module = { name, entry, handlers: [] };
      modules.set(name, module);
    }
    module.handlers.push({ key, handler, exportName });
  });
  return { dir, manifest, modules: [...modules.values()] };
}
