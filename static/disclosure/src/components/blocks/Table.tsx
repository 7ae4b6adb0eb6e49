import type { TableBlock } from '@declaration/document/index.ts';
import { DataTable } from '../common.tsx';
import { CellFlow, type FlowOptions } from './Flow.tsx';

/**
 * A table with a header cell per column and a row header per row; the platform filter leaves
 * out the rows about other platforms.
 */
export function Table({ block, options }: { block: TableBlock; options: FlowOptions }) {
  const rows = block.rows.filter((row) => !options.show || options.show(row.platforms));
  return (
    <DataTable
      label={block.caption}
      caption={block.caption}
      columns={block.columns.map((column) => column.label)}
      testId={block.testId}
    >
      {rows.map((row, rowIndex) => (
        <tr key={row.key ?? rowIndex} data-testid={row.key}>
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
