import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { forgeLocaleFiles, LOCALES_FOLDER } from '../../declaration/i18n/forge-files.ts';

/** Where, under the app's iframe, the bridge fetches catalogues (`__LOCALES__/`). */
export const LOCALES_PREFIX = `${LOCALES_FOLDER}/`;

async function readJson(appDir: string, path: string): Promise<unknown> {
  const text = await readFile(resolve(appDir, path), 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The `__LOCALES__` files Forge's deploy would write for the app in `appDir`, from its
 * manifest.yml and the catalogues it names, read afresh on each call: an edited catalogue shows on
 * the next page load, without rebuilding the UI.
 */
export async function readLocaleFiles(appDir: string): Promise<Map<string, string>> {
  const manifest: unknown = parse(await readFile(resolve(appDir, 'manifest.yml'), 'utf8'));
  const translations = (manifest as { translations?: { resources?: { path?: unknown }[] } })
    ?.translations;
  const paths = (translations?.resources ?? []).flatMap((resource) =>
    typeof resource?.path === 'string' ? [resource.path] : [],
  );
  const contents = new Map<string, unknown>();
  for (const path of paths) contents.set(path, await readJson(appDir, path));
  return forgeLocaleFiles(manifest, (path) => contents.get(path));
}
