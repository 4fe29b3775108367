/**
 * RFC 4180 CSV as Excel reads and writes it: quoted cells may hold commas, quotes ("") and line breaks;
 * records end with CRLF or LF. Each record remembers the line it starts on, so problems can name it.
 */
export interface CsvRecord {
  /** 1-based line of the record's first character. */
  line: number;
  cells: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Excel's "Unicode text" export separates with tabs; everything else here uses commas. */
export function detectDelimiter(text: string): ',' | '\t' {
  const end = text.search(/\r?\n/);
  const header = end === -1 ? text : text.slice(0, end);
  return header.includes('\t') && !header.includes(',') ? '\t' : ',';
}

export function parseCsv(text: string, delimiter: ',' | '\t' = detectDelimiter(text)): CsvParseResult {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    recordLine = line;
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      if (cell.length > 0) {
        return { ok: false, line, message: 'a quote (") in the middle of an unquoted cell: put the cell in quotes' };
      }
      quoted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else {
      cell += ch;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'a quoted cell is never closed (missing ")' };
  if (cell.length > 0 || cells.length > 0) endRecord();
  return { ok: true, records };
}

function quoteCell(value: string, delimiter: string): string {
  return value.includes('"') || value.includes(delimiter) || /[\r\n]/.test(value) || /^\s|\s$/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** CRLF line ends and a BOM, so Excel opens Chinese text correctly on double-click. */
export function writeCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return `\uFEFF${rows.map((row) => row.map((c) => quoteCell(c, delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}

/**
 * Excel runs cells that start with = + - @ as formulas; exported text is prefixed with ' so it stays text.
 * `fromSpreadsheetCell` undoes it on import so export → import round-trips.
 */
export function toSpreadsheetCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function fromSpreadsheetCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
