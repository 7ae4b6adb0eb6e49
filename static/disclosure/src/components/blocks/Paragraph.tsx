import type { ParagraphBlock } from '@declaration/document/index.ts';
import { Inline } from './Inline.tsx';

/** A paragraph; a note is secondary text, such as a description under a name. */
export function Paragraph({ block }: { block: ParagraphBlock }) {
  return (
    <p className={block.note ? 'cell-note' : undefined} data-testid={block.testId}>
      <Inline run={block.content} />
    </p>
  );
}
