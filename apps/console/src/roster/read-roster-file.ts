import { decodeCsv, parseCsv } from './csv';
import { loadExcel, readXlsx } from './excel';
import { readRoster, type RosterReading } from './read-roster';

/**
 * Reads an uploaded roster in the browser: an .xlsx through exceljs (loaded now, not before), a
 * .csv as UTF-8 or GBK. Nothing is sent.
 */
export async function readRosterFile(file: {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}): Promise<RosterReading> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) {
    return { ok: false, problem: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后上传' };
  }
  if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) {
    return { ok: false, problem: '请上传 .xlsx 或 .csv 格式的名册' };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (name.endsWith('.csv')) return readRoster(parseCsv(decodeCsv(bytes)));
  try {
    return readRoster(await readXlsx(await loadExcel(), bytes));
  } catch {
    return { ok: false, problem: '无法打开这个 .xlsx 文件，请确认它是 Excel 名册且未损坏' };
  }
}
