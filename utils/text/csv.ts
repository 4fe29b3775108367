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

/**
 * More rows than any pack needs (a 10,000-entry pack has 10,000): a file past it is refused at that row
 * instead of filling the page's memory with records.
 */
export const MAX_CSV_RECORDS = 200_000;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Reads the file in slices (no string grown one character at a time). Blank records — empty lines, lines
 * of spaces or of delimiters only — are skipped as they are read: they hold nothing, and a file of millions
 * of them must not cost a record each.
 */
export function parseCsv(
  text: string,
  delimiter: ',' | '\t' = detectDelimiter(text),
  maxRecords = MAX_CSV_RECORDS,
): CsvParseResult {
  const records: CsvRecord[] = [];
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // Reused while records are blank: a blank line allocates nothing that outlives it.
  let cells: string[] = [];
  while (i < n) {
    const recordLine = line;
    cells.length = 0;
    let blank = true;
    for (;;) {
      let cell = '';
      if (text.charCodeAt(i) === QUOTE) {
        const quoteLine = line;
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) return { ok: false, line: quoteLine, message: 'a quoted cell is never closed (missing ")' };
          const part = text.slice(from, q);
          for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) line++;
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += `${part}"`;
            from = q + 2;
          } else {
            cell += part;
            i = q + 1;
            break;
          }
        }
      }
      // The unquoted part (or what follows a closing quote) runs to the delimiter or the end of the line.
      let end = i;
      for (; end < n; end++) {
        const c = text.charCodeAt(end);
        if (c === delim || c === LF || c === CR) break;
        if (c === QUOTE) {
          return { ok: false, line, message: 'a quote (") in the middle of an unquoted cell: put the cell in quotes' };
        }
      }
      if (end > i) cell += text.slice(i, end);
      i = end;
      if (blank && cell.trim() !== '') blank = false;
      cells.push(cell);
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      // End of the line (CRLF, LF or CR) or of the file.
      if (i < n) {
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i++;
        i++;
        line++;
      }
      break;
    }
    if (blank) continue;
    if (records.length >= maxRecords) {
      return {
        ok: false,
        line: recordLine,
        message: `more than ${maxRecords} rows: split the file into smaller packs`,
      };
    }
    records.push({ line: recordLine, cells });
    cells = [];
  }
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
