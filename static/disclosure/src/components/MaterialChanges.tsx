import { useId, type MouseEvent } from 'react';
import type { MaterialChange } from '@declaration';
import { diffAnchor } from '@declaration/diff-anchor.ts';
import { materialChangeText } from '@declaration/material-words.ts';
import { useT } from '../i18n/index.ts';
import { Inline } from './blocks/Inline.tsx';

/** Moves to a diff entry and puts focus on it, so a keyboard or screen reader follows the link. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const entry = document.getElementById(id);
  if (!entry) return;
  event.preventDefault();
  entry.scrollIntoView?.({ block: 'start' });
  entry.focus({ preventScroll: true });
}

/**
 * What changed that matters to a privacy review, above the detail and in the order an admin
 * reads it (countries, hosting, recipients, personal data, retention, residency, egress, rights,
 * contacts), each in words and linked to its entry in "What changed" when the diff has one.
 * `anchors` holds the ids of the entries shown. An empty list says in words that nothing
 * material changed.
 */
export function MaterialChanges({
  changes,
  anchors,
}: {
  changes: readonly MaterialChange[];
  anchors: ReadonlySet<string>;
}) {
  const t = useT();
  const heading = useId();
  return (
    <section className="material-changes" data-testid="material-changes" aria-labelledby={heading}>
      <h4 id={heading}>{t.t('diff.materialChanges.title')}</h4>
      {changes.length === 0 ? (
        <p>{t.t('diff.materialChanges.none')}</p>
      ) : (
        <ul className="material-change-list">
          {changes.map((change, index) => {
            const text = <Inline run={materialChangeText(change, t)} />;
            const anchor = change.ref && diffAnchor(change.ref);
            return (
              <li key={index} className={`material-change material-change-${change.kind}`}>
                {anchor && anchors.has(anchor) ? (
                  <a href={`#${anchor}`} onClick={(event) => jumpTo(event, anchor)}>
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
