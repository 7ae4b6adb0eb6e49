/**
 * What build says about the disclosure's pages: a located warning for each page whose function
 * does not serve the disclosure, and the line that names the pages reviews can be recorded from,
 * with the function that answers each. Pure.
 */
import {
  adminModuleKeys,
  RESOLVER_HANDLER,
  type DisclosureParts,
} from '../init/manifest/disclosure-parts.ts';
import type { ManifestProblem, ParsedManifest } from '../init/manifest/read-manifest.ts';
import { at } from './check-manifest.ts';
import { BACKEND_IMPORT, type PageFunction } from './page-functions.ts';

function isAdminPage(parts: DisclosureParts, key: string): boolean {
  const admins = adminModuleKeys(parts);
  return [...admins.jira, ...admins.confluence].includes(key);
}

function problemOf(answered: PageFunction, parts: DisclosureParts): string | undefined {
  const { page, handler } = answered;
  const name = answered.function;
  const loses = isAdminPage(parts, page.key)
    ? 'cannot load the declaration or record reviews'
    : 'cannot load the declaration';
  const fix = parts.resolverFunction
    ? `set its resolver.function to ${parts.resolverFunction}, the disclosure's function`
    : `point it at a function with handler ${RESOLVER_HANDLER}`;
  const shows = `${page.type} ${page.key} shows the disclosure's UI`;
  switch (answered.serving) {
    case 'disclosure':
    case 'imports-backend':
      return undefined;
    case 'no-backend':
      return `${shows}, but its function ${name} (handler ${handler}) does not import ${BACKEND_IMPORT}, so the page ${loses}. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}, or register the disclosure on your resolver (disclosure.register(resolver), see the README).`;
    case 'no-source':
      return `${shows} from function ${name}, but src/ has no module for its handler ${handler}, so build cannot tell whether it serves the disclosure.`;
    case 'undefined-function':
      return `${shows} from function ${name}, which modules.function does not have, so the page ${loses}; ${fix}.`;
    case 'no-function':
      return `${shows} but names no resolver function, so the page ${loses}; ${fix}.`;
  }
}

/** A warning, at the page's resolver, for each page whose function does not serve the disclosure. */
export function pageWarnings(
  manifest: ParsedManifest,
  parts: DisclosureParts,
  answered: PageFunction[],
): ManifestProblem[] {
  return answered.flatMap((entry) => {
    const message = problemOf(entry, parts);
    if (message === undefined) return [];
    const path = ['modules', entry.page.type, entry.page.index, 'resolver', 'function'];
    return [at(manifest, path, message)];
  });
}

/** "Reviews can be recorded from: Jira key (function name), ..." as build prints it. */
export function reviewPagesLine(parts: DisclosureParts, answered: PageFunction[]): string {
  const admins = adminModuleKeys(parts);
  const label = (product: string, key: string) => {
    const entry = answered.find((item) => item.page.key === key);
    const served = entry?.serving === 'disclosure' || entry?.serving === 'imports-backend';
    const how = entry?.function ? `function ${entry.function}` : 'no function';
    return `${product} ${key} (${how}${served ? '' : '; see the warning above'})`;
  };
  const pages = [
    ...admins.jira.map((key) => label('Jira', key)),
    ...admins.confluence.map((key) => label('Confluence', key)),
  ];
  return `Reviews can be recorded from: ${pages.length > 0 ? pages.join(', ') : 'no page (reader pages only)'}.`;
}
