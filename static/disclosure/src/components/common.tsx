import type { ReactNode } from 'react';
import type { Text } from '@declaration';
import { localize } from '@declaration/present/index.ts';
import { useLocale } from '../i18n/index.ts';
import { isolate } from './isolate.tsx';

/**
 * Localised declaration text for the viewer, ready to render: in a direction isolate (`<bdi>`),
 * so that it cannot turn the app's words around it; nothing when there is none.
 */
export function useText(): (text: Text | undefined) => ReactNode {
  const plain = usePlainText();
  return (text) => isolate(plain(text));
}

/**
 * Localised declaration text as a plain string: to test, to compose from, or to pass to a
 * helper that isolates it (`isolate`, `joined`, `ListOf`). Never rendered as it is.
 */
export function usePlainText(): (text: Text | undefined) => string {
  const { locale } = useLocale();
  return (text) => localize(text, locale);
}

/** A page section with its own heading, reachable from the section index by its id. */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      data-testid={`section-${id}`}
      className="section"
    >
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A table of the page: scrolls sideways on its own when narrow (and can then be scrolled by
 * keyboard, hence the focusable labelled region), with one header cell per column.
 */
export function DataTable({
  label,
  columns,
  testId,
  caption,
  children,
}: {
  label: string;
  columns: string[];
  testId?: string;
  caption?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="data-table" data-testid={testId}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The vendor's notes on an item: clarifications, or where the policy is vague. */
export function Notes({ notes }: { notes: Text[] | undefined }) {
  const { t } = useLocale();
  const text = useText();
  if (!notes || notes.length === 0) return null;
  return (
    <div className="notes">
      <span className="notes-label">{t.notes}: </span>
      {notes.length === 1 ? (
        text(notes[0])
      ) : (
        <ul>
          {notes.map((note, index) => (
            <li key={index}>{text(note)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A bulleted list of declaration texts; nothing when empty. */
export function TextList({ items, className }: { items: Text[] | undefined; className?: string }) {
  const text = useText();
  if (!items || items.length === 0) return null;
  return (
    <ul className={className}>
      {items.map((item, index) => (
        <li key={index}>{text(item)}</li>
      ))}
    </ul>
  );
}

/** One term and its description in a `<dl>`; nothing when there is no value. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '' || children === false) {
    return null;
  }
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
