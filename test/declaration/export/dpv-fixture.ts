import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lines = readFileSync(join(here, '..', '..', 'fixtures', 'dpv', 'terms.txt'), 'utf8').split(
  '\n',
);

/** DPV 2.3's accepted terms, as read from w3c/dpv (test/fixtures/dpv/terms.txt). */
export const DPV_PUBLISHED_TERMS: ReadonlySet<string> = new Set(
  lines.filter((line) => line !== '' && !line.startsWith('#')),
);

/** The namespaces the term list states, by prefix. */
export const DPV_PUBLISHED_PREFIXES: Readonly<Record<string, string>> = Object.fromEntries(
  lines.flatMap((line) => {
    const match = /^# @prefix ([a-z-]+): (\S+)$/.exec(line);
    return match ? [[match[1]!, match[2]!]] : [];
  }),
);

/** The header of the term list, which names where it was read. */
export const DPV_TERMS_SOURCE = lines.filter((line) => line.startsWith('#')).join('\n');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const KEYWORDS = new Set(['@id', '@type', '@value', '@language', '@context', '@graph']);
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;
const ABSOLUTE_IRI = /^(?:https?:\/\/[^\s<>"{}|\\^`]+|mailto:[^\s<>"]+)$/;

/**
 * Checks a JSON-LD document as a JSON-LD processor would expand it, without one (the `jsonld`
 * package is not a dependency): every key is a keyword or a compact IRI whose prefix is in
 * `@context`; every `@id` is a blank node, an absolute IRI or such a compact IRI; value objects
 * hold `@value` with a language tag or a datatype; every blank node referred to is a node of the
 * graph, and no node is defined twice; and every term of DPV's namespaces is one DPV publishes.
 * Returns the problems, each with the path of the value; none for a sound document.
 */
export function jsonLdProblems(document: Json): string[] {
  const problems: string[] = [];
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return ['the document is not a JSON object'];
  }
  const context = document['@context'];
  if (context === null || typeof context !== 'object' || Array.isArray(context)) {
    return ['@context is not an object of prefixes'];
  }
  const prefixes = new Map<string, string>();
  for (const [prefix, iri] of Object.entries(context)) {
    if (typeof iri !== 'string' || !/^https?:\/\/\S+[#/]$/.test(iri)) {
      problems.push(`@context.${prefix}: ${JSON.stringify(iri)} is not a namespace IRI`);
    } else prefixes.set(prefix, iri);
  }
  const dpvPrefixes = new Set(['dpv', 'pd', 'loc', 'eu-gdpr']);
  const defined = new Set<string>();
  const referenced: { id: string; path: string }[] = [];

  /** The IRI a compact IRI, blank node or absolute IRI expands to; null when it does not. */
  function expand(value: string, path: string): string | null {
    if (value.startsWith('_:')) return /^_:[A-Za-z0-9-]+$/.test(value) ? value : null;
    const colon = value.indexOf(':');
    const prefix = colon > 0 ? value.slice(0, colon) : '';
    const namespace = prefixes.get(prefix);
    if (namespace !== undefined) {
      if (dpvPrefixes.has(prefix) && !DPV_PUBLISHED_TERMS.has(value)) {
        problems.push(`${path}: ${value} is not a term DPV 2.3 publishes`);
      }
      return namespace + value.slice(colon + 1);
    }
    return ABSOLUTE_IRI.test(value) ? value : null;
  }

  function iri(value: Json, path: string): void {
    if (typeof value !== 'string' || expand(value, path) === null) {
      problems.push(`${path}: ${JSON.stringify(value)} is not an IRI, compact IRI or blank node`);
    }
  }

  function visit(value: Json, path: string, isNode: boolean): void {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`, isNode));
      return;
    }
    if (value === null || typeof value !== 'object') {
      if (typeof value !== 'string') problems.push(`${path}: ${JSON.stringify(value)} as a value`);
      return;
    }
    if ('@value' in value) {
      const keys = Object.keys(value);
      if (typeof value['@value'] !== 'string') problems.push(`${path}: @value is not a string`);
      if (keys.some((key) => !['@value', '@language', '@type'].includes(key))) {
        problems.push(`${path}: a value object with ${keys.join(', ')}`);
      }
      if ('@language' in value && '@type' in value) {
        problems.push(`${path}: a value object with both @language and @type`);
      }
      const language = value['@language'];
      if (
        language !== undefined &&
        (typeof language !== 'string' || !LANGUAGE_TAG.test(language))
      ) {
        problems.push(`${path}.@language: ${JSON.stringify(language)} is not a language tag`);
      }
      if (value['@type'] !== undefined) iri(value['@type'], `${path}.@type`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (key.startsWith('@')) {
        if (!KEYWORDS.has(key) || key === '@context' || key === '@graph') {
          problems.push(`${at}: ${key} is not a keyword used inside a node`);
        } else if (key === '@id') {
          iri(item, at);
          if (typeof item === 'string' && Object.keys(value).length === 1) {
            if (item.startsWith('_:')) referenced.push({ id: item, path: at });
          } else if (typeof item === 'string' && isNode) {
            if (defined.has(item)) problems.push(`${at}: ${item} is defined twice`);
            defined.add(item);
          }
        } else if (key === '@type') {
          (Array.isArray(item) ? item : [item]).forEach((type, index) =>
            iri(type, Array.isArray(item) ? `${at}[${index}]` : at),
          );
        }
        continue;
      }
      if (expand(key, at) === null || key.startsWith('_:') || !key.includes(':')) {
        problems.push(`${at}: ${key} is neither a keyword nor a compact IRI of @context`);
      }
      visit(item, at, false);
    }
  }

  for (const key of Object.keys(document)) {
    if (key !== '@context' && key !== '@graph') problems.push(`${key}: outside @graph`);
  }
  const graph = document['@graph'];
  if (!Array.isArray(graph)) return [...problems, '@graph is not a list of nodes'];
  graph.forEach((item, index) => visit(item, `@graph[${index}]`, true));
  for (const { id, path } of referenced) {
    if (!defined.has(id)) problems.push(`${path}: ${id} is not a node of the graph`);
  }
  return problems;
}

/** The nodes of a DPV export's graph, by id. */
export function nodesById(document: unknown): Map<string, Record<string, unknown>> {
  const graph = (document as { '@graph': Record<string, unknown>[] })['@graph'];
  return new Map(graph.map((node) => [node['@id'] as string, node]));
}

/** A property's values as a list, whether the export wrote one value or several. */
export function valuesOf(node: Record<string, unknown> | undefined, key: string): unknown[] {
  const value = node?.[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The `@id`s among a property's values. */
export function idsOf(node: Record<string, unknown> | undefined, key: string): string[] {
  return valuesOf(node, key).flatMap((value) =>
    value && typeof value === 'object' && '@id' in value ? [String(value['@id'])] : [],
  );
}
