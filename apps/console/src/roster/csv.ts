import { text, type SheetRow } from './sheet';

/**
 * The text of a CSV file: UTF-8 (with or without a byte-order mark), or, when the bytes are not
 * UTF-8, GB 18030 (which reads GBK and GB 2312), the encoding Excel for Chinese Windows saves
 * "CSV" in. A UTF-16 file (Excel's "Unicode text") is read by its byte-order mark.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    // `fatal`: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD. The decoder
    // drops a leading byte-order mark itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Rows of CSV text (RFC 4180: fields separated by commas, a field in double quotes may hold
 * commas, line breaks and doubled quotes). Line breaks are CRLF, LF or CR; the row numbers are
 * the records' numbers, as a spreadsheet program opening the file shows them.
 */
export function parseCsv(source: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push({ rowNumber: rows.length + 1, cells: fields.map(text) });
    fields = [];
  };
  while (i < source.length) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && source[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}
