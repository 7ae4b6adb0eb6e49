/**
 * Reads a Forge manifest.yml into the facts the truth check holds a declaration against, each
 * with its line. Pure: text in, facts out.
 */
import { LineCounter, parseDocument } from 'yaml';
import { egressFacts } from './egress.ts';
import { connectFacts, moduleProducts, scheduledTriggerFacts, webTriggerFacts } from './modules.ts';
import { remoteFacts } from './remotes.ts';
import { scopeFacts } from './scopes.ts';
import { storageFacts } from './storage.ts';
import type { ManifestFactsResult, ManifestReadProblem } from './types.ts';
import { ManifestNodes } from './yaml-nodes.ts';

function problem(lineCounter: LineCounter, offset: number, message: string): ManifestReadProblem {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col, message };
}

/**
 * The facts of a manifest, or its YAML errors (each at a line and column). A manifest whose top
 * level is not a mapping is refused; fields of an unexpected shape are left out, since Forge's own
 * manifest validation (`forge lint`, `forge-check`) reports them.
 */
export function readManifestFacts(text: string): ManifestFactsResult {
  const lineCounter = new LineCounter();
  const source = text.startsWith('\ufeff') ? text.slice(1) : text;
  const document = parseDocument(source, { lineCounter, prettyErrors: false, merge: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) =>
        problem(lineCounter, error.pos[0], error.message.split('\n')[0]!.trim()),
      ),
    };
  }
  const nodes = new ManifestNodes(document, lineCounter);
  const root = nodes.root();
  if (!root) {
    return {
      ok: false,
      problems: [
        problem(
          lineCounter,
          0,
          'a Forge manifest is a mapping with app, modules and permissions; this is not one',
        ),
      ],
    };
  }
  const appIdNode = nodes.at(root, 'app', 'id');
  const appId = nodes.text(appIdNode);
  const scopes = scopeFacts(nodes, root);
  return {
    ok: true,
    facts: {
      ...(appId !== undefined && appIdNode && { appId, appIdPlace: appIdNode.place }),
      products: moduleProducts(nodes, root),
      ...egressFacts(nodes, root),
      remotes: remoteFacts(nodes, root),
      storage: storageFacts(nodes, root, scopes),
      scopes,
      permissionsPlace: (
        nodes.at(root, 'permissions', 'scopes') ??
        nodes.get(root, 'permissions') ??
        nodes.get(root, 'app') ??
        root
      ).place,
      webTriggers: webTriggerFacts(nodes, root),
      scheduledTriggers: scheduledTriggerFacts(nodes, root),
      ...connectFacts(nodes, root),
    },
  };
}
