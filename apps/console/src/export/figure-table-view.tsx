import type { CSSProperties, ReactNode } from 'react';
import { cellText, headerText, type ColumnKind, type FigureTable } from './figure-table';

const numeric = (kind: ColumnKind) => kind === 'yuan' || kind === 'integer' || kind === 'percent';

const CELL: CSSProperties = { padding: '8px 12px', borderBottom: '1px solid #f0f0f0', textAlign: 'left' };
const HEAD: CSSProperties = { ...CELL, background: '#fafafa', fontWeight: 600, whiteSpace: 'nowrap' };

/**
 * A {@link FigureTable} as an HTML table with its caption (what a screen reader reads, and the
 * exact figures behind a chart). `cell` may replace a cell's text, e.g. by a link.
 */
export function FigureTableView({
  table,
  empty = '暂无',
  hideCaption = false,
  cell,
  testId,
}: {
  table: FigureTable;
  empty?: string;
  hideCaption?: boolean;
  cell?: (row: number, column: number, text: string) => ReactNode;
  testId?: string;
}) {
  return (
    // A wide table scrolls sideways; the keyboard must reach that too (focusable, named).
    <div style={{ overflowX: 'auto' }} tabIndex={0} role="group" aria-label={table.title}>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid={testId}>
        <caption
          style={
            hideCaption
              ? { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }
              : { textAlign: 'left', fontWeight: 600, padding: '4px 0 8px', captionSide: 'top' }
          }
        >
          {table.title}
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th
                key={c.header}
                scope="col"
                style={{ ...HEAD, textAlign: numeric(c.kind) ? 'right' : 'left' }}
              >
                {headerText(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} style={{ ...CELL, color: '#595959', textAlign: 'center' }}>
                {empty}
              </td>
            </tr>
          ) : (
            table.rows.map((row, r) => (
              <tr key={r}>
                {table.columns.map((c, i) => {
                  const text = cellText(c.kind, row[i] ?? null);
                  const content = cell ? cell(r, i, text) : text;
                  return i === 0 ? (
                    <th key={c.header} scope="row" style={{ ...CELL, fontWeight: 400, minWidth: 96 }}>
                      {content}
                    </th>
                  ) : (
                    <td
                      key={c.header}
                      style={{ ...CELL, textAlign: numeric(c.kind) ? 'right' : 'left', whiteSpace: 'nowrap' }}
                    >
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
