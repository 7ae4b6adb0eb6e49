import type { DataFlowBlock } from '../document/data-flow.ts';
import {
  layoutDataFlow,
  type DataFlowLayout,
  type LaidLine,
} from '../document/data-flow-layout.ts';
import { isolate } from './bidi.ts';
import { escapeHtml } from './escape.ts';

/**
 * The picture of where data goes as SVG elements, written once for the page (which turns them
 * into React elements) and the HTML export (which writes them as markup). Colours come from
 * classes (`df-*`) that each stylesheet maps to its own colours; without a stylesheet every line
 * is drawn in the text's colour. What is outside the site's data residency is dashed and said
 * in words, never shown by colour alone.
 */

/** An SVG element: its name, attributes (as SVG writes them) and children. */
export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  children: (SvgElement | string)[];
}

function element(
  tag: string,
  attrs: Record<string, string>,
  children: (SvgElement | string)[] = [],
): SvgElement {
  return { tag, attrs, children };
}

const DASH = '5 4';

/** A line of text: the app's words as they are, each vendor piece isolated in a `<tspan>`. */
function text(line: LaidLine): SvgElement {
  return element(
    'text',
    {
      x: String(line.x),
      y: String(line.y),
      class: `df-${line.tone}`,
      fill: 'currentColor',
      stroke: 'none',
      'font-size': String(line.size),
      ...(line.tone === 'detail' ? {} : { 'font-weight': '600' }),
    },
    line.pieces.map((piece) =>
      piece.vendor
        ? element('tspan', { class: 'df-vendor', ...(piece.lang ? { lang: piece.lang } : {}) }, [
            isolate(piece.text),
          ])
        : piece.text,
    ),
  );
}

/**
 * One layout as an `<svg>`: `role="img"`, named by its `<title>` (`id` must be unique in the
 * page), the arrows under the boxes.
 */
export function dataFlowSvg(layout: DataFlowLayout, title: string, id: string): SvgElement {
  const edges = layout.edges.flatMap((edge) => [
    element('path', {
      class: edge.outside ? 'df-edge df-outside' : 'df-edge',
      d: edge.path,
      ...(edge.outside ? { 'stroke-dasharray': DASH } : {}),
    }),
    element('path', { class: 'df-head', d: edge.head, fill: 'currentColor', stroke: 'none' }),
  ]);
  const boxes = layout.boxes.map((laid) =>
    element(
      'g',
      {
        class: `df-node df-${laid.kind}${laid.outside ? ' df-outside' : ''}`,
        'data-node': laid.id,
      },
      [
        element('rect', {
          class: 'df-box',
          x: String(laid.x + 0.75),
          y: String(laid.y + 0.75),
          width: String(Math.max(0, laid.width - 1.5)),
          height: String(Math.max(0, laid.height - 1.5)),
          rx: '6',
          'stroke-width': laid.outside ? '2' : '1.5',
          ...(laid.outside ? { 'stroke-dasharray': DASH } : {}),
        }),
        ...laid.lines.map(text),
      ],
    ),
  );
  const legend = layout.legend
    ? [
        element('g', { class: 'df-legend' }, [
          element('path', {
            class: 'df-edge df-outside',
            d: layout.legend.path,
            fill: 'none',
            stroke: 'currentColor',
            'stroke-width': '1.5',
            'stroke-dasharray': DASH,
          }),
          ...layout.legend.lines.map(text),
        ]),
      ]
    : [];
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: `data-flow-svg data-flow-${layout.columns === 1 ? 'narrow' : 'wide'}`,
      role: 'img',
      'aria-labelledby': `${id}-title`,
      viewBox: `0 0 ${layout.width} ${layout.height}`,
      width: String(layout.width),
      height: String(layout.height),
      fill: 'currentColor',
    },
    [
      element('title', { id: `${id}-title` }, [title]),
      element(
        'g',
        { class: 'df-edges', fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5' },
        edges,
      ),
      element('g', { class: 'df-boxes', fill: 'none', stroke: 'currentColor' }, boxes),
      ...legend,
    ],
  );
}

/** Both layouts of a block, wide first: the stylesheet shows the one that fits. */
export function dataFlowSvgs(block: DataFlowBlock, id: string): SvgElement[] {
  return [
    dataFlowSvg(layoutDataFlow(block, { columns: 3 }), block.title, `${id}-wide`),
    dataFlowSvg(layoutDataFlow(block, { columns: 1 }), block.title, `${id}-narrow`),
  ];
}

/** An element as markup: every attribute and text escaped. */
export function svgMarkup(node: SvgElement | string): string {
  if (typeof node === 'string') return escapeHtml(node);
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<${node.tag}${attrs}>${node.children.map(svgMarkup).join('')}</${node.tag}>`;
}
