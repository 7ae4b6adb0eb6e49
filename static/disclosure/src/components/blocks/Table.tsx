import type { TableBlock } from '@declaration/document/index.ts';
import { DataTable } from '../common.tsx';
import { platformsAttribute } from '../../document-behaviour.ts';
import { CellFlow, type FlowOptions } from './Flow.tsx';

/**
 * A table with a header cell per column and a row header per row; a row about some platforms
 * only says which, for the platform filter (see document-behaviour.ts).
 */
export function Table({ block, options }: { block: TableBlock; options: FlowOptions }) {
  const rows = block.rows;
  return (
    <DataTable
      label={block.caption}
      caption={block.caption}
      columns={block.columns.map((column) => column.label)}
      testId={block.testId}
    >
      {rows.map((row, rowIndex) => (
        <tr key={row.key ?? rowIndex} data-testid={row.key} {...platformsAttribute(row.platforms)}>
          {row.cells.map((cell, index) =>
            index === 0 ? (
              <th scope="row" key={index} data-testid={block.columns[index]?.testId}>
                <CellFlow blocks={cell} options={options} />
              </th>
            ) : (
              <td key={index} data-testid={block.columns[index]?.testId}>
                <CellFlow blocks={cell} options={options} />
              </td>
            ),
          )}
        </tr>
      ))}
    </DataTable>
  );
}
