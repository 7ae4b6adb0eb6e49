import type { Inline as Run } from '@declaration/document/index.ts';
import { ExternalLink } from '../ExternalLink.tsx';
import { VendorText } from '../isolate.tsx';

/**
 * A run of the document model: the app's words as text, each vendor text set apart (in a `<bdi>`
 * where it could turn the app's words around it: see isolate.tsx) with its language where it fell back to
 * another, links out through the host, badges set apart.
 */
export function Inline({ run }: { run: Run }) {
  return (
    <>
      {run.map((part, index) => {
        if (typeof part === 'string') return part;
        switch (part.kind) {
          case 'vendor':
            return <VendorText key={index} text={part.text} lang={part.lang} />;
          case 'badge':
            return (
              <span key={index} className={part.tone === 'danger' ? 'badge badge-danger' : 'badge'}>
                {part.text}
              </span>
            );
          case 'link':
            return (
              <ExternalLink key={index} href={part.href} testId={part.testId}>
                <Inline run={part.text} />
              </ExternalLink>
            );
        }
      })}
    </>
  );
}
