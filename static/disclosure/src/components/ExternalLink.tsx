import { useState, type ReactNode } from 'react';
import { say, textOf } from '@declaration/document/compose.ts';
import { openExternal } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { displayUrl, safeExternalUrl } from '../links.ts';
import { isolate, VendorText } from './isolate.tsx';

/** Says that the host did not open `url`, with the address (the vendor's) isolated. */
export function OpenFailed({ url }: { url: string }) {
  const t = useT();
  const message = say(t, 'document.openFailed', { url: [{ kind: 'vendor', text: url }] });
  return (
    <span role="status" className="inline-error">
      {' '}
      {message.map((part, index) =>
        typeof part === 'string' ? part : <VendorText key={index} text={textOf([part])} />,
      )}
    </span>
  );
}

/**
 * A link out of the app. The sandboxed iframe cannot open tabs itself, so a click asks the host
 * (`router.open`). Anything that is not https or mailto is rendered as text, never as a link.
 */
export function ExternalLink({
  href,
  children,
  testId,
}: {
  href: string | undefined | null;
  children?: ReactNode;
  testId?: string;
}) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const url = safeExternalUrl(href);
  // An address is the vendor's text too.
  const label = children ?? isolate(url ? displayUrl(url) : href);
  if (!url) return <span data-testid={testId}>{label}</span>;
  return (
    <>
      <a
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        data-testid={testId}
        onClick={(event) => {
          event.preventDefault();
          void openExternal(url).then((result) => setFailed(!result.ok));
        }}
      >
        {label}
        <span className="visually-hidden"> {t.t('document.opensInNewTab')}</span>
      </a>
      {failed && <OpenFailed url={url} />}
    </>
  );
}
