import type { HeadingBlock } from '@declaration/document/index.ts';
import { platformsAttribute } from '../../document-behaviour.ts';
import { Flow, type FlowOptions } from './Flow.tsx';
import { Inline } from './Inline.tsx';

/** A heading and the blocks under it: a card among cards, or a part of its section. */
export function Heading({ block, options }: { block: HeadingBlock; options: FlowOptions }) {
  const level = Math.min(options.level, 6);
  const Tag = `h${level}` as 'h3';
  const content = (
    <>
      <Tag>
        <Inline run={block.text} />
      </Tag>
      <Flow blocks={block.blocks} options={{ ...options, level: level + 1 }} />
    </>
  );
  if (block.card) {
    return (
      <li className="card" data-testid={block.key} {...platformsAttribute(block.platforms)}>
        {content}
      </li>
    );
  }
  return (
    <div className="subsection" data-testid={block.key} {...platformsAttribute(block.platforms)}>
      {content}
    </div>
  );
}
