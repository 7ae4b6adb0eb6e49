import type { ReactNode } from 'react';
import type { Block, Flow as Blocks, HeadingBlock } from '@declaration/document/index.ts';
import { DataFlow } from './DataFlow.tsx';
import { Definitions } from './Definitions.tsx';
import { Heading } from './Heading.tsx';
import { Inline } from './Inline.tsx';
import { LinkBlock } from './LinkBlock.tsx';
import { List } from './List.tsx';
import { Notes } from './Notes.tsx';
import { Paragraph } from './Paragraph.tsx';
import { Table } from './Table.tsx';

/** Options every block component takes: its heading level. */
export interface FlowOptions {
  /** The level of a heading in this flow: 3 under a section's h2. */
  level: number;
}

function BlockView({ block, options }: { block: Block; options: FlowOptions }) {
  switch (block.kind) {
    case 'heading':
      return <Heading block={block} options={options} />;
    case 'paragraph':
      return <Paragraph block={block} />;
    case 'definitions':
      return <Definitions block={block} />;
    case 'table':
      return <Table block={block} options={options} />;
    case 'list':
      return <List block={block} options={options} />;
    case 'notes':
      return <Notes block={block} />;
    case 'link':
      return <LinkBlock block={block} />;
    case 'data-flow':
      return <DataFlow block={block} />;
  }
}

/**
 * Blocks in order. Cards that follow one another (storage locations, kinds of data) form one
 * grid of cards. A part about some platforms only says which (`data-platforms`), for the
 * platform filter of "Data collected" (see document-behaviour.ts).
 */
export function Flow({ blocks, options }: { blocks: Blocks; options: FlowOptions }) {
  const out: ReactNode[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind === 'heading' && block.card) {
      const cards: HeadingBlock[] = [];
      for (
        let next = blocks[index];
        next?.kind === 'heading' && next.card;
        next = blocks[++index]
      ) {
        cards.push(next);
      }
      index--;
      out.push(
        <ul className="cards" key={index}>
          {cards.map((card, cardIndex) => (
            <Heading key={card.key ?? cardIndex} block={card} options={options} />
          ))}
        </ul>,
      );
    } else {
      out.push(<BlockView key={index} block={block} options={options} />);
    }
  }
  return <>{out}</>;
}

/**
 * Blocks where a line of text fits (a table cell, a list item): a lone paragraph is its text,
 * with no paragraph around it; otherwise the first paragraph starts on the cell's first line.
 */
export function CellFlow({ blocks, options }: { blocks: Blocks; options: FlowOptions }) {
  const [only] = blocks;
  if (blocks.length === 1 && only?.kind === 'paragraph' && !only.note && !only.testId) {
    return <Inline run={only.content} />;
  }
  return (
    <>
      {blocks.map((block, index) =>
        block.kind === 'paragraph' && !block.note ? (
          <p key={index} className="cell-first" data-testid={block.testId}>
            <Inline run={block.content} />
          </p>
        ) : block.kind === 'list' ? (
          <List key={index} block={block} options={options} className="cell-list" />
        ) : (
          <BlockView key={index} block={block} options={options} />
        ),
      )}
    </>
  );
}
