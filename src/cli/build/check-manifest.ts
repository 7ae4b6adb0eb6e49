/**
 * Checks that manifest.yml gives the disclosure what it needs for the pages it has there: its
 * scopes, inline styles, the trigger that publishes it, and its UI resource inside the app.
 * Forge's lint cannot say so, because the disclosure's REST calls are in the package, outside
 * the app's `src/`; without this, a deleted scope passes every check and reviews fail on the site.
 * Each problem is located where the line is missing and says what to add. Pure.
 */
import { isAbsolute, normalize } from 'node:path';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import {
  LIFECYCLE_EVENTS,
  LIFECYCLE_HANDLER,
  moduleLists,
  UI_PATH,
  type DisclosureParts,
} from '../init/manifest/disclosure-parts.ts';
import type { ManifestProblem, ParsedManifest } from '../init/manifest/read-manifest.ts';
import { INLINE_STYLES, INLINE_STYLES_WHY, requiredScopes } from '../init/manifest/requirements.ts';

const OR_INIT = 'or run privacy-disclosure init again';

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * The problem placed at the deepest part of `path` the manifest has: the key of the last
 * mapping entry found, or a list item (line 1 when not even the first step is there).
 */
export function at(
  manifest: ParsedManifest,
  path: (string | number)[],
  message: string,
): ManifestProblem {
  let node: unknown = manifest.root;
  let offset = 0;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === step);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
      node = node.items[step];
      offset = (node as Node).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  const { line, col } = manifest.lineCounter.linePos(offset);
  return { line, column: col, message };
}

function checkPermissions(manifest: ParsedManifest, parts: DisclosureParts): ManifestProblem[] {
  const permissions = record(manifest.value.permissions);
  const scopes = Array.isArray(permissions.scopes) ? permissions.scopes : [];
  const problems = requiredScopes(parts)
    .filter(({ scope }) => !scopes.includes(scope))
    .map(({ scope, why, pages }) =>
      at(
        manifest,
        ['permissions', 'scopes'],
        `permissions.scopes has no ${scope}: the disclosure needs it for ${why}${pages.length > 0 ? ` (on ${pages.join(', ')})` : ''}. Add "- ${scope}" to permissions.scopes, ${OR_INIT}.`,
      ),
    );
  const styles = record(permissions.content).styles;
  if (!(Array.isArray(styles) && styles.includes(INLINE_STYLES))) {
    problems.push(
      at(
        manifest,
        ['permissions', 'content', 'styles'],
        `permissions.content.styles has no ${INLINE_STYLES}: the disclosure needs it because ${INLINE_STYLES_WHY}. Add "- ${INLINE_STYLES}" to permissions.content.styles, ${OR_INIT}.`,
      ),
    );
  }
  return problems;
}

function checkTrigger(manifest: ParsedManifest, parts: DisclosureParts): ManifestProblem[] {
  const lifecycle = parts.lifecycleFunction;
  if (lifecycle === undefined) {
    return [
      at(
        manifest,
        ['modules', 'function'],
        `modules.function has no function with handler ${LIFECYCLE_HANDLER}, so nothing publishes the declaration when the app is installed or upgraded. Add one (- key: disclosure-lifecycle, handler: ${LIFECYCLE_HANDLER}), ${OR_INIT}.`,
      ),
    ];
  }
  const trigger = parts.trigger;
  if (!trigger) {
    return [
      at(
        manifest,
        ['modules', 'trigger'],
        `modules.trigger has no trigger that calls function ${lifecycle}, so the declaration is not published when the app is installed or upgraded. Add one (- key: privacy-disclosure-publish, function: ${lifecycle}, events: [${LIFECYCLE_EVENTS.join(', ')}]), ${OR_INIT}.`,
      ),
    ];
  }
  return LIFECYCLE_EVENTS.filter((event) => !trigger.events.includes(event)).map((event) =>
    at(
      manifest,
      ['modules', 'trigger', trigger.index, 'events'],
      `trigger ${trigger.key} has no event ${event}, so the declaration is not published when the app is ${event.includes(':installed:') ? 'installed' : 'upgraded'}. Add "- ${event}" to its events, ${OR_INIT}.`,
    ),
  );
}

function checkResource(manifest: ParsedManifest, parts: DisclosureParts): ManifestProblem[] {
  const resource = parts.resource;
  if (!resource) {
    return [
      at(
        manifest,
        ['resources'],
        `resources has no resource for the disclosure's UI (path ${UI_PATH}), so its pages have nothing to show. Add one (- key: privacy-disclosure-ui, path: ${UI_PATH}), ${OR_INIT}.`,
      ),
    ];
  }
  const path = normalize(resource.path);
  if (isAbsolute(resource.path) || path === '.' || path.startsWith('..')) {
    const index = (Array.isArray(manifest.value.resources) ? manifest.value.resources : [])
      .map(record)
      .findIndex((entry) => entry.key === resource.key);
    return [
      at(
        manifest,
        ['resources', index, 'path'],
        `resource ${resource.key} has path ${resource.path}, which is not a folder inside the app; build copies the disclosure's UI there, so give it a folder of its own such as ${UI_PATH}.`,
      ),
    ];
  }
  const resourceKeys = new Set(
    (Array.isArray(manifest.value.resources) ? manifest.value.resources : [])
      .map((entry) => record(entry).key)
      .filter((key) => typeof key === 'string'),
  );
  const lists = moduleLists(manifest.value);
  return parts.pages.flatMap((page) => {
    const shown = lists[page.type]?.[page.index]?.resource;
    if (typeof shown !== 'string' || resourceKeys.has(shown)) return [];
    return [
      at(
        manifest,
        ['modules', page.type, page.index, 'resource'],
        `${page.type} ${page.key} shows resource ${shown}, which resources does not have; set it to ${resource.key}, the disclosure's UI.`,
      ),
    ];
  });
}

/** Everything the manifest lacks for the disclosure, each at its line; empty when nothing. */
export function checkDisclosureManifest(
  manifest: ParsedManifest,
  parts: DisclosureParts,
): ManifestProblem[] {
  return [
    ...checkResource(manifest, parts),
    ...checkTrigger(manifest, parts),
    ...checkPermissions(manifest, parts),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
}
