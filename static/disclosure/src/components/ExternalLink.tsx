import type { ReactNode } from 'react';
import { EXTERNAL_ATTRIBUTE } from '../document-behaviour.ts';
import { useT } from '../i18n/index.ts';
import { displayUrl, safeExternalUrl } from '../links.ts';
import { isolate } from './isolate.tsx';

/**
 * A link out of the app. The sandboxed iframe cannot open tabs itself, so a click asks the host
 * (`router.open`): the page's document behaviour does, for the address in `data-external`, and
 * says so after the link when the host did not open it (see document-behaviour.ts). Anything
 * that is not https or mailto is rendered as text, never as a link.
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
  const url = safeExternalUrl(href);
  // An address is the vendor's text too.
  const label = children ?? isolate(url ? displayUrl(url) : href);
  if (!url) return <span data-testid={testId}>{label}</span>;
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      data-testid={testId}
      {...{ [EXTERNAL_ATTRIBUTE]: url }}
    >
      {label}
      <span className="visually-hidden"> {t.t('document.opensInNewTab')}</span>
    </a>
  );
}
