import { useState } from 'react';
import type { LinkBlock as Block } from '@declaration/document/index.ts';
import { openExternal } from '../../api/index.ts';
import { safeExternalUrl } from '../../links.ts';
import { OpenFailed } from '../ExternalLink.tsx';
import { Inline } from './Inline.tsx';

/**
 * A link that is the thing to do (the Marketplace "Privacy & security" tab): a button that asks
 * the host to open it, as every link out of the sandboxed frame must. An address that is not
 * https or mailto is shown as text.
 */
export function LinkBlock({ block }: { block: Block }) {
  const [failed, setFailed] = useState(false);
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
        onClick={() => void openExternal(url).then((result) => setFailed(!result.ok))}
      >
        <Inline run={block.link.text} />
      </button>
      {failed && <OpenFailed url={url} />}
    </p>
  );
}
