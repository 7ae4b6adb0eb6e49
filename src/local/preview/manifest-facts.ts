/**
 * The manifest facts the preview publishes with the declaration it follows, so the local page
 * shows "Checked against the app's manifest" as the deployed app will: from this repository's
 * manifest.yml by default, from `--manifest FILE` when given, and none for `--declaration` of
 * another app's file without one (its page then says it was not checked against a manifest).
 */
import { readFile } from 'node:fs/promises';
import { readManifestFacts } from '../../declaration/index.ts';
import {
  publishedManifestFacts,
  type PublishedManifestFacts,
} from '../../declaration/manifest/published.ts';

/** A manifest named with `--manifest` that cannot be used: the preview exits 2 with this. */
export class ManifestFileError extends Error {}

/** Which manifest the preview reads: `--manifest`, else manifest.yml unless another declaration. */
export function previewManifest(args: {
  manifest?: string | undefined;
  declaration?: string | undefined;
}): { file: string; required: boolean } | null {
  if (args.manifest !== undefined) return { file: args.manifest, required: true };
  return args.declaration === undefined ? { file: 'manifest.yml', required: false } : null;
}

/**
 * The facts of the manifest at `path` (named `shown` to the user); null when it is optional and
 * missing. A named manifest that is missing or not YAML is a ManifestFileError.
 */
export async function readPreviewManifestFacts(
  path: string,
  shown: string,
  required: boolean,
): Promise<PublishedManifestFacts | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ManifestFileError(`Cannot read the manifest ${shown}: ${(error as Error).message}`);
  }
  const read = readManifestFacts(text);
  if (!read.ok) {
    const problems = read.problems.map(
      (problem) => `${shown}:${problem.line}:${problem.column}  ${problem.message}`,
    );
    throw new ManifestFileError(`The manifest ${shown} cannot be read:\n${problems.join('\n')}`);
  }
  return publishedManifestFacts(read.facts);
}
