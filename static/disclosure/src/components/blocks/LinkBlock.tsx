import type { LinkBlock as Block } from '@declaration/document/index.ts';
import { EXTERNAL_ATTRIBUTE } from '../../document-behaviour.ts';
import { safeExternalUrl } from '../../links.ts';
import { Inline } from './Inline.tsx';

/**
 * A link that is the thing to do (the Marketplace "Privacy & security" tab): a button that asks
 * the host to open it, as every link out of the sandboxed frame must (the page's document
 * behaviour does, for the address in `data-external`). An address that is not https or mailto
 * is shown as text.
 */
export function LinkBlock({ block }: { block: Block }) {
  const url = safeExternalUrl(block.link.href);
  if (!url) {
    return (
      <p>
        <Inline run={block.link.text} />
      </p>
    );
  }
  return (
    <p>
      <button
        type="button"
        className="button button-primary"
        data-testid={block.link.testId}
        {...{ [EXTERNAL_ATTRIBUTE]: url }}
      >
        <Inline run={block.link.text} />
      </button>
    </p>
  );
}
