import { useState } from 'react';
import { App, Button } from 'antd';
import { ApiProblem } from '../api/client';
import { mapProblem } from '../api/problem';
import type { FigureTable } from './figure-table';

/**
 * 导出: builds the tables when clicked (a worklist reads every page of its list first), then
 * downloads them as one .xlsx workbook. exceljs is loaded only then.
 */
export function ExportButton({
  filename,
  tables,
  label = '导出',
  ariaLabel,
  disabled,
}: {
  filename: string;
  tables: () => Promise<readonly FigureTable[]> | readonly FigureTable[];
  label?: string;
  ariaLabel?: string;
  disabled?: boolean;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const [{ downloadXlsx }, ready] = await Promise.all([import('./xlsx'), tables()]);
      await downloadXlsx(filename, ready);
    } catch (error) {
      const why = error instanceof ApiProblem ? mapProblem(error.problem).message : '请稍后重试';
      void message.error(`导出未成功：${why}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void run()} loading={busy} disabled={disabled} aria-label={ariaLabel ?? label}>
      {label}
    </Button>
  );
}
