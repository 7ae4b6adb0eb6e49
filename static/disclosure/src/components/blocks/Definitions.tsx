import type { Definition, DefinitionsBlock } from '@declaration/document/index.ts';
import { Inline } from './Inline.tsx';

/** The at-a-glance label: each fact a card, its answer first and what qualifies it below. */
function SummaryFact({ item }: { item: Definition }) {
  const [answer, ...more] = item.details;
  return (
    <div className="glance-fact" data-testid={item.key}>
      <dt>
        <Inline run={item.term} />
      </dt>
      <dd>
        <strong>
          <Inline run={answer ?? []} />
        </strong>
        {more.map((line, index) => (
          <span key={index} className="glance-sub">
            <Inline run={line} />
          </span>
        ))}
      </dd>
    </div>
  );
}

/** One term and its details, each line apart. */
function Fact({ item }: { item: Definition }) {
  return (
    <div className="fact" data-testid={item.key}>
      <dt>
        <Inline run={item.term} />
      </dt>
      <dd>
        {item.details.map((line, index) => (
          <span key={index} className="fact-line">
            <Inline run={line} />
          </span>
        ))}
      </dd>
    </div>
  );
}

/** A definition list: terms and their details, or the at-a-glance cards. */
export function Definitions({ block }: { block: DefinitionsBlock }) {
  const Item = block.variant === 'summary' ? SummaryFact : Fact;
  return (
    <dl className={block.variant === 'summary' ? 'glance' : 'facts'}>
      {block.items.map((item, index) => (
        <Item key={item.key ?? index} item={item} />
      ))}
    </dl>
  );
}
