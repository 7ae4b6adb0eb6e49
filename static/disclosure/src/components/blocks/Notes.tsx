import type { NotesBlock } from '@declaration/document/index.ts';
import { Inline } from './Inline.tsx';

/** The vendor's notes on what precedes them: clarifications, or where the policy is vague. */
export function Notes({ block }: { block: NotesBlock }) {
  return (
    <div className="notes">
      <span className="notes-label">{block.label}</span>
      <ul>
        {block.items.map((note, index) => (
          <li key={index}>
            <Inline run={note} />
          </li>
        ))}
      </ul>
    </div>
  );
}
