/**
 * The data the product scopes let the app read is declared: some Cloud data category names it
 * (its name, description, examples or notes use one of the scope's words, or the scope itself),
 * at least as processed and not stored (`retention: { basis: not-stored }`).
 */
import type { ManifestFacts, ScopeFact } from '../manifest/types.ts';
import type { DataCategory, Declaration } from '../schema/index.ts';
import { categoryWords, cloudCategories } from './declared.ts';
import type { Finding } from './types.ts';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the category's words name what the scope reads. */
export function declaresScopeData(category: DataCategory, scope: ScopeFact): boolean {
  const words = categoryWords(category);
  if (words.includes(scope.scope.toLowerCase())) return true;
  return scope.terms.some((term) => new RegExp(`(?:^|[^a-z])${escape(term)}`).test(words));
}

function list(items: string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}`;
}

/** Findings for scopes whose data no category declares, or declares as not personal. */
export function checkScopeData(declaration: Declaration, facts: ManifestFacts): Finding[] {
  const categories = cloudCategories(declaration);
  const findings: Finding[] = [];
  for (const scope of facts.scopes) {
    if (scope.reads.length === 0) continue;
    const manifest = { line: scope.line, column: scope.column, path: scope.path };
    const matching = categories.filter(([category]) => declaresScopeData(category, scope));
    if (matching.length === 0) {
      findings.push({
        rule: 'scope-data-undeclared',
        severity: 'contradiction',
        message: `manifest.yml grants ${scope.scope}, which lets the app read ${list(scope.reads)}. No data category declares this data. Declare what the app reads, even when it only processes it and does not store it (retention: { basis: not-stored }), and name it (or the scope) in the category's name, description or examples.`,
        manifest,
        declaration: { path: ['dataCategories'] },
      });
    } else if (scope.personal && matching.every(([category]) => category.personal === 'no')) {
      const [first, index] = matching[0]!;
      findings.push({
        rule: 'scope-personal-data',
        severity: 'warning',
        message: `manifest.yml grants ${scope.scope}, which lets the app read ${list(scope.reads)}, data about people; the categories that declare it (${matching.map(([category]) => category.id).join(', ')}) say personal: no. If what the app reads names or identifies people, say personal: yes or may-contain on ${first.id}.`,
        manifest,
        declaration: { path: ['dataCategories', index, 'personal'] },
      });
    }
  }
  return findings;
}
