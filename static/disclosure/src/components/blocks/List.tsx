import type { ListBlock } from '@declaration/document/index.ts';
import { CellFlow, type FlowOptions } from './Flow.tsx';

/** A bulleted list; an item may hold its text and its notes. */
export function List({
  block,
  options,
  className,
}: {
  block: ListBlock;
  options: FlowOptions;
  className?: string;
}) {
  return (
    <ul className={className}>
      {block.items.map((item, index) => (
        <li key={index}>
          <CellFlow blocks={item} options={options} />
        </li>
      ))}
    </ul>
  );
}
