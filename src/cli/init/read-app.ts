/** Reads what init needs from an app's root folder. The only file reads of init. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from '../io.ts';
import { HANDLER_MODULE } from './manifest/disclosure-parts.ts';
import { DECLARATION_PATH, type AppSnapshot } from './plan-init.ts';
import { readTsconfig } from './read-tsconfig.ts';

/** The snapshot, or why a file that must be there cannot be read. */
export type ReadAppResult = { ok: true; app: AppSnapshot } | { ok: false; problem: string };

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Whether the app is TypeScript: a function handler's file is .ts or .tsx, or, when none is,
 * the app has a tsconfig.json.
 */
function isTypeScript(dir: string, manifest: string): boolean {
  const handlers = [...manifest.matchAll(/handler:\s*['"]?([\w./-]+)\.\w+['"]?/g)].map(
    (m) => m[1]!,
  );
  for (const handler of handlers) {
    if (['ts', 'tsx'].some((ext) => existsSync(join(dir, 'src', `${handler}.${ext}`)))) return true;
    if (['js', 'jsx'].some((ext) => existsSync(join(dir, 'src', `${handler}.${ext}`))))
      return false;
  }
  return existsSync(join(dir, 'tsconfig.json'));
}

/**
 * Reads manifest.yml, package.json, .gitignore, the module settings of tsconfig.json and what
 * init must not overwrite.
 */
export async function readApp(dir: string, today: string): Promise<ReadAppResult> {
  const read = async (name: string) => {
    try {
      return { text: await readOptional(join(dir, name)) };
    } catch (error) {
      return { error: `${name}: cannot read: ${describeFsError(error)}` };
    }
  };
  const manifest = await read('manifest.yml');
  if (manifest.error) return { ok: false, problem: manifest.error };
  if (manifest.text === undefined) {
    return {
      ok: false,
      problem: `no manifest.yml in ${dir}: run init in the root of a Forge app (or give --dir)`,
    };
  }
  const packageJson = await read('package.json');
  if (packageJson.error) return { ok: false, problem: packageJson.error };
  if (packageJson.text === undefined) {
    return {
      ok: false,
      problem: `no package.json in ${dir}: a Forge app has one beside manifest.yml`,
    };
  }
  const gitignore = await read('.gitignore');
  if (gitignore.error) return { ok: false, problem: gitignore.error };
  let handler: AppSnapshot['handler'];
  for (const ext of ['ts', 'js']) {
    const path = `src/${HANDLER_MODULE}.${ext}`;
    const text = await read(path);
    if (text.error) return { ok: false, problem: text.error };
    if (text.text !== undefined) {
      handler = { path, text: text.text };
      break;
    }
  }
  return {
    ok: true,
    app: {
      manifest: manifest.text,
      packageJson: packageJson.text,
      gitignore: gitignore.text,
      declarationExists: existsSync(join(dir, DECLARATION_PATH)),
      handler,
      typescript: isTypeScript(dir, manifest.text),
      tsconfig: await readTsconfig(dir),
      today,
    },
  };
}
