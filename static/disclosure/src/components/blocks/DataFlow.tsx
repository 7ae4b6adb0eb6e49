import { createElement, useId, type ReactNode } from 'react';
import type { DataFlowBlock } from '@declaration/document/index.ts';
import { dataFlowSvgs, type SvgElement } from '@declaration/export/data-flow-svg.ts';
import { Inline } from './Inline.tsx';

/** An SVG attribute as React names it: `class` is `className`, `stroke-width` is `strokeWidth`. */
function propName(name: string): string {
  if (name === 'class') return 'className';
  if (name.startsWith('aria-') || name.startsWith('data-')) return name;
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function toReact(node: SvgElement | string, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const props: Record<string, string | number> = { key };
  for (const [name, value] of Object.entries(node.attrs)) props[propName(name)] = value;
  return createElement(node.tag, props, ...node.children.map(toReact));
}

/**
 * The picture of where data goes: both layouts, the page's container query showing the one that
 * fits (no script needed), and beside them the list of what goes where, for screen readers and
 * for anyone who prefers words.
 */
export function DataFlow({ block }: { block: DataFlowBlock }) {
  // Ids unique in the page, so that each picture's name is its own title.
  const id = `data-flow${useId().replace(/[^\w-]/g, '')}`;
  return (
    <figure className="data-flow" data-testid="data-flow">
      <figcaption className="data-flow-caption">{block.title}</figcaption>
      <div className="data-flow-pictures">{dataFlowSvgs(block, id).map(toReact)}</div>
      <div className="data-flow-text">
        <p className="notes-label" id={`${id}-list`}>
          {block.listLabel}
        </p>
        <ul aria-labelledby={`${id}-list`}>
          {block.items.map((item, index) => (
            <li key={index}>
              <Inline run={item} />
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
