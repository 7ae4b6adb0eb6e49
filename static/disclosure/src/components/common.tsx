import type { ReactNode } from 'react';

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
            {columns.map((column, index) => (
              <th scope="col" key={index}>
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
