import type { Declaration } from '../schema/index.ts';
import { buildDocument } from './document/build.ts';
import type { Block, Inline } from './document/model.ts';
import { escapeHtml, isSafeHref } from './escape.ts';
import { HTML_STYLE } from './html-style.ts';

/** Options for the HTML export. */
export interface HtmlOptions {
  /** The reader's locale; picks translations and country names. Default en. */
  locale?: string;
}

function inline(content: Inline): string {
  return content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      const text = escapeHtml(part.text);
      return isSafeHref(part.href) ? `<a href="${escapeHtml(part.href)}">${text}</a>` : text;
    })
    .join('');
}

function block(item: Block, depth: number): string {
  switch (item.kind) {
    case 'paragraph':
      return `<p>${inline(item.content)}</p>`;
    case 'facts':
      if (item.items.length === 0) return '';
      return `<dl>${item.items.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${inline(value)}</dd>`).join('')}</dl>`;
    case 'list':
      return `<ul>${item.items.map((entry) => `<li>${inline(entry)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = item.headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`);
      const rows = item.rows.map(
        (row) => `<tr>${row.map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`,
      );
      return `<div class="table"><table><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
    }
    case 'subsection': {
      const level = Math.min(depth + 1, 6);
      return `<section><h${level}>${escapeHtml(item.title)}</h${level}>\n${item.blocks.map((b) => block(b, depth + 1)).join('\n')}</section>`;
    }
  }
}

/**
 * A standalone page a vendor can host and link from its Marketplace listing: no script, no
 * external requests, every text escaped, only https and mailto links.
 */
export function toHtml(declaration: Declaration, options: HtmlOptions = {}): string {
  const document = buildDocument(declaration, options.locale ?? 'en');
  const toc = document.sections
    .map((section) => `<li><a href="#${section.id}">${escapeHtml(section.title)}</a></li>`)
    .join('');
  const sections = document.sections
    .map(
      (section) =>
        `<section id="${section.id}" aria-labelledby="${section.id}-title">\n<h2 id="${section.id}-title">${escapeHtml(section.title)}</h2>\n${section.blocks.map((b) => block(b, 2)).join('\n')}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(document.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(document.title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(document.title)}</h1>
<p>${escapeHtml(document.subtitle)}</p>
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
