/**
 * Reads a Forge app's manifest.yml into a YAML document with positions, or a located error
 * (`manifest.yml:line:column  message`) that says what is wrong and where. Pure.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { YAMLMap } from 'yaml';

/** A problem in the manifest at a line and column (1-based). */
export interface ManifestProblem {
  line: number;
  column: number;
  message: string;
}

/** A parsed manifest: the document, its root mapping and `modules`, and positions. */
export interface ParsedManifest {
  source: string;
  document: Document.Parsed;
  root: YAMLMap;
  modules: YAMLMap;
  lineCounter: LineCounter;
  /** The manifest as plain data. */
  value: Record<string, unknown>;
}

/** The manifest parsed, or the problems that stop init from editing it. */
export type ManifestReadResult =
  { ok: true; manifest: ParsedManifest } | { ok: false; problems: ManifestProblem[] };

function at(lineCounter: LineCounter, offset: number, message: string): ManifestProblem {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col, message };
}

/** Formats a problem the way the CLI prints located errors: `file:line:column  message`. */
export function formatManifestProblem(file: string, problem: ManifestProblem): string {
  return `${file}:${problem.line}:${problem.column}  ${problem.message}`;
}

/**
 * Parses manifest.yml. Refuses what init cannot extend without rewriting the vendor's text: YAML
 * errors, a top level or `modules` that is not a block mapping.
 */
export function readManifest(source: string): ManifestReadResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) =>
        at(lineCounter, error.pos[0], error.message.replace(/\s+/g, ' ').trim()),
      ),
    };
  }
  const root = document.contents;
  if (!isMap(root) || root.flow) {
    return {
      ok: false,
      problems: [
        at(
          lineCounter,
          (root as Node | null)?.range?.[0] ?? 0,
          'a Forge manifest is a block mapping with app, modules and permissions; this is not one',
        ),
      ],
    };
  }
  const modulesPair = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'modules');
  const modules = modulesPair?.value;
  if (!modulesPair || !isMap(modules) || modules.flow || modules.items.length === 0) {
    const offset = (modulesPair?.key as Node | undefined)?.range?.[0] ?? 0;
    return {
      ok: false,
      problems: [
        at(
          lineCounter,
          offset,
          modulesPair
            ? '"modules" must be a block mapping of module types, such as jira:issuePanel: [...]'
            : 'no "modules": run init in the root of a Forge app, next to its manifest.yml',
        ),
      ],
    };
  }
  for (const pair of modules.items) {
    const value = pair.value as Node | null;
    if (!isSeq(value)) {
      const key = pair.key as Node;
      return {
        ok: false,
        problems: [
          at(
            lineCounter,
            key.range?.[0] ?? 0,
            `modules.${String((key as { value?: unknown }).value)} must be a list of modules`,
          ),
        ],
      };
    }
  }
  let value: Record<string, unknown>;
  try {
    value = document.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (error) {
    // yaml refuses alias chains that expand exponentially; say so instead of throwing.
    return {
      ok: false,
      problems: [at(lineCounter, 0, `the manifest cannot be read: ${(error as Error).message}`)],
    };
  }
  return { ok: true, manifest: { source, document, root, modules, lineCounter, value } };
}
