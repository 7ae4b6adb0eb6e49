/**
 * The export code behind Downloads: the JSON, Markdown and CSV writers of the core. The page
 * loads this module only when an admin asks for a file (Downloads imports it with `import()`),
 * so its code is not part of the page's first view; the bundle test holds that.
 */
import type { Declaration, PublishedManifestFacts } from '@declaration';
import { toCsv } from '@declaration/export/csv.ts';
import { toJson } from '@declaration/export/json.ts';
import { toMarkdown } from '@declaration/export/markdown.ts';
import type { Translator } from '@declaration/i18n/index.ts';

/** The formats an admin can download. */
export type ExportFormat = 'json' | 'markdown' | 'csv';

/** The declaration as a file in the requested format, in the viewer's language. */
export function renderExport(
  format: ExportFormat,
  declaration: Declaration,
  translator: Translator,
  manifest?: PublishedManifestFacts | null,
): string {
  if (format === 'json') return toJson(declaration);
  if (format === 'markdown') return toMarkdown(declaration, { translator, manifest });
  return toCsv(declaration, { translator });
}
