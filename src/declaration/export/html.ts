import type { Declaration } from '../schema/index.ts';
import { buildDocument } from '../document/build.ts';
import type { Block, Inline } from '../document/model.ts';
import { balanceBidi } from './bidi.ts';
import { escapeHtml, htmlText } from './escape.ts';
import { safeHref } from './links.ts';
import { HTML_STYLE } from './html-style.ts';

/** Options for the HTML export. */
export interface HtmlOptions {
  /** The reader's locale; picks translations and country names. Default en. */
  locale?: string;
}

function inline(content: Inline): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return htmlText(part);
      const text = htmlText(part.text);
      const href = safeHref(part.href);
      return href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    })
    .join('');
}

function block(item: Block, depth: number): string {
  switch (item.kind) {
    case 'paragraph':
      return `<p>${inline(item.content)}</p>`;
    case 'facts':
      if (item.items.length === 0) return '';
      return `<dl>${item.items.map(([label, value]) => `<dt>${htmlText(label)}</dt><dd>${inline(value)}</dd>`).join('')}</dl>`;
    case 'list':
      return `<ul>${item.items.map((entry) => `<li>${inline(entry)}</li>`).join('')}</ul>`;
    case 'table': {
      // On a narrow screen each row is shown as a card, each cell under its column's name
      // (data-label); the roles keep it a table for screen readers whatever its CSS display.
      const head = item.headers.map(
        (header) => `<th scope="col" role="columnheader">${htmlText(header)}</th>`,
      );
      const rows = item.rows.map(
        (row) =>
          `<tr role="row">${row
            .map(
              (cell, index) =>
                `<td role="cell" data-label="${escapeHtml(item.headers[index] ?? '')}">${inline(cell)}</td>`,
            )
            .join('')}</tr>`,
      );
      return `<div class="table"><table role="table"><thead role="rowgroup"><tr role="row">${head.join('')}</tr></thead><tbody role="rowgroup">${rows.join('\n')}</tbody></table></div>`;
    }
    case 'subsection': {
      const level = Math.min(depth + 1, 6);
      return `<section><h${level}>${htmlText(item.title)}</h${level}>\n${item.blocks.map((b) => block(b, depth + 1)).join('\n')}</section>`;
    }
  }
}

/**
 * A standalone page a vendor can host and link from its Marketplace listing: no script, no
 * external requests, every text escaped, vendor text isolated in `<bdi>`, only https and mailto
 * links.
 */
export function toHtml(declaration: Declaration, options: HtmlOptions = {}): string {
  const document = buildDocument(declaration, options.locale ?? 'en');
  const toc = document.sections
    .map((section) => `<li><a href="#${section.id}">${htmlText(section.title)}</a></li>`)
    .join('');
  const sections = document.sections
    .map(
      (section) =>
        `<section id="${section.id}" aria-labelledby="${section.id}-title">\n<h2 id="${section.id}-title">${htmlText(section.title)}</h2>\n${section.blocks.map((b) => block(b, 2)).join('\n')}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(document.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(balanceBidi(document.title))}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${htmlText(document.title)}</h1>
<p>${htmlText(document.subtitle)}</p>
</header>
<nav aria-label="Contents"><ul>${toc}</ul></nav>
<main>
${sections}
</main>
<footer><p>Generated from a Privacy Disclosure declaration.</p></footer>
</body>
</html>
`;
}
