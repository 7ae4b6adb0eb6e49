import { buildDocument, type Block, type Flow, type Inline } from '../document/index.ts';
import type { PublishedManifestFacts } from '../manifest/published.ts';
import { ENGLISH, type Translator } from '../i18n/index.ts';
import type { Declaration } from '../schema/index.ts';
import { balanceBidi, isolate } from './bidi.ts';
import { dataFlowSvgs, svgMarkup } from './data-flow-svg.ts';
import { escapeHtml, htmlText } from './escape.ts';
import { HTML_STYLE } from './html-style.ts';
import { safeHref } from './links.ts';
import { plainText } from './plain-text.ts';

/** Options for the HTML export. */
export interface HtmlOptions {
  /** The reader's language: the page's words, and which translations of vendor text it shows. */
  translator?: Translator;
  /** What the app's manifest shows (`publishedManifestFacts`): shown at a glance when given. */
  manifest?: PublishedManifestFacts | null;
}

/**
 * A run as HTML: every text escaped, each vendor text isolated (`<bdi>` where it can change
 * direction) and marked with its language where it fell back to another, only https and mailto
 * links.
 */
function inline(run: Inline): string {
  return run
    .map((part) => {
      if (typeof part === 'string') return htmlText(part);
      switch (part.kind) {
        case 'vendor': {
          const text = htmlText(isolate(part.text));
          return part.lang ? `<span lang="${escapeHtml(part.lang)}">${text}</span>` : text;
        }
        case 'badge':
          return `<span class="badge${part.tone === 'danger' ? ' badge-danger' : ''}">${htmlText(part.text)}</span>`;
        case 'link': {
          const href = safeHref(part.href);
          const text = inline(part.text);
          return href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
        }
      }
    })
    .join('');
}

/** Blocks where one line of text fits (a cell, a list item): a lone paragraph as its text. */
function flowInCell(flow: Flow, depth: number): string {
  const [only] = flow;
  if (flow.length === 1 && only?.kind === 'paragraph' && !only.note) return inline(only.content);
  return flow.map((item) => block(item, depth)).join('');
}

function table(item: Extract<Block, { kind: 'table' }>, depth: number): string {
  // On a narrow screen each row is shown as a card, each cell under its column's name
  // (data-label); the roles keep it a table for screen readers whatever its CSS display.
  const head = item.columns.map(
    (column) => `<th scope="col" role="columnheader">${htmlText(column.label)}</th>`,
  );
  const rows = item.rows.map((row) => {
    const cells = row.cells.map((cell, index) => {
      const label = escapeHtml(item.columns[index]?.label ?? '');
      const content = flowInCell(cell, depth);
      return index === 0
        ? `<th scope="row" role="rowheader" data-label="${label}">${content}</th>`
        : `<td role="cell" data-label="${label}">${content}</td>`;
    });
    return `<tr role="row">${cells.join('')}</tr>`;
  });
  return `<div class="table"><table role="table"><thead role="rowgroup"><tr role="row">${head.join('')}</tr></thead><tbody role="rowgroup">${rows.join('\n')}</tbody></table></div>`;
}

function block(item: Block, depth: number): string {
  switch (item.kind) {
    case 'heading': {
      const level = Math.min(depth + 1, 6);
      const blocks = item.blocks.map((b) => block(b, depth + 1)).join('\n');
      return `<section${item.card ? ' class="card"' : ''}><h${level}>${inline(item.text)}</h${level}>\n${blocks}</section>`;
    }
    case 'paragraph':
      return `<p${item.note ? ' class="note"' : ''}>${inline(item.content)}</p>`;
    case 'definitions': {
      const items = item.items.map(
        (definition) =>
          `<dt>${inline(definition.term)}</dt><dd>${definition.details.map(inline).join('<br>')}</dd>`,
      );
      return `<dl${item.variant ? ` class="${item.variant}"` : ''}>${items.join('')}</dl>`;
    }
    case 'table':
      return table(item, depth);
    case 'list':
      return `<ul>${item.items.map((entry) => `<li>${flowInCell(entry, depth)}</li>`).join('')}</ul>`;
    case 'notes':
      return `<div class="notes"><p class="notes-label">${htmlText(item.label)}</p><ul>${item.items.map((note) => `<li>${inline(note)}</li>`).join('')}</ul></div>`;
    case 'link':
      return `<p class="action">${inline([item.link])}</p>`;
    case 'data-flow':
      return dataFlow(item);
  }
}

/**
 * The picture of where data goes: both layouts, the stylesheet showing the one that fits the
 * window, and the list of what goes where beside them for screen readers and for print.
 */
function dataFlow(item: Extract<Block, { kind: 'data-flow' }>): string {
  const svgs = dataFlowSvgs(item, 'data-flow').map(svgMarkup).join('\n');
  const items = item.items.map((entry) => `<li>${inline(entry)}</li>`).join('');
  return `<figure class="data-flow" data-testid="data-flow">\n<figcaption>${htmlText(item.title)}</figcaption>\n${svgs}\n<div class="data-flow-text"><p class="notes-label" id="data-flow-list">${htmlText(item.listLabel)}</p><ul aria-labelledby="data-flow-list">${items}</ul></div>\n</figure>`;
}

/**
 * A standalone page a vendor can host and link from its Marketplace listing, in the reader's
 * language: no script, no external requests, every text escaped, vendor text isolated in
 * `<bdi>`, only https and mailto links.
 */
export function toHtml(declaration: Declaration, options: HtmlOptions = {}): string {
  const translator = options.translator ?? ENGLISH;
  const document = buildDocument(declaration, translator, { manifest: options.manifest });
  const toc = document.sections
    .map((section) => `<li><a href="#${section.id}">${htmlText(section.title)}</a></li>`)
    .join('');
  const sections = document.sections
    .map(
      (section) =>
        `<section id="${section.id}" aria-labelledby="${section.id}-title">\n<h2 id="${section.id}-title">${htmlText(section.title)}</h2>\n${section.blocks.map((b) => block(b, 2)).join('\n')}\n</section>`,
    )
    .join('\n');
  const summary = document.summary ? `\n<p class="summary">${inline(document.summary)}</p>` : '';
  return `<!doctype html>
<html lang="${escapeHtml(document.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(balanceBidi(plainText(document.title)))}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${inline(document.title)}</h1>
<p>${inline(document.byline)}</p>
<p>${inline(document.versionLine)}</p>${summary}
</header>
<nav aria-label="${escapeHtml(translator.t('document.contents'))}"><ul>${toc}</ul></nav>
<main>
${sections}
</main>
<footer><p>${htmlText(translator.t('document.generated'))}</p></footer>
</body>
</html>
`;
}
