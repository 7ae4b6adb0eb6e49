/** Gives each finding the line and column of its declaration path, from the declaration's text. */
import { LineCounter, parseDocument } from 'yaml';
import { positionOf } from '../validation/yaml-positions.ts';
import type { Finding, LocatedFinding } from './types.ts';

/**
 * The findings with the declaration's line and column: where the path's value is written, or,
 * when it is not there (a field to add), the nearest mapping that would hold it. The text is the
 * declaration as read (YAML or JSON); it was validated before, so it parses.
 */
export function locateFindings(findings: Finding[], declarationText: string): LocatedFinding[] {
  const lineCounter = new LineCounter();
  const text = declarationText.startsWith('\ufeff') ? declarationText.slice(1) : declarationText;
  const document = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  return findings.map((finding) => ({
    ...finding,
    declaration: {
      path: finding.declaration.path,
      ...positionOf(document, lineCounter, { path: finding.declaration.path, anchor: 'value' }),
    },
  }));
}
