/**
 * Import must not freeze the page: a CSV of blank lines costs no memory per line, a file with absurdly many
 * rows is refused at the row limit, and the parser's work is measured by what it creates (records, and the
 * heap left after a collection), never by the clock.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../utils/packs/import';
import { EMPTY_LIBRARY } from '../../utils/packs/library';
import { MAX_CSV_RECORDS, parseCsv } from '../../utils/text/csv';
import { encode } from './pack-fixtures';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Heap still in use after `make()`, with its result held, after full collections. */
function retainedBytes<T>(make: () => T): { result: T; bytes: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const result = make();
  gc();
  return { result, bytes: process.memoryUsage().heapUsed - before };
}

const HEADER = 'kind,id,title,text';
const ROW = 'phrasing,refund-wait,退款请稍等,请稍等';

describe('CSV import of blank lines', () => {
  it('creates no record for a blank line (empty, spaces, only delimiters, CRLF)', () => {
    const blank = ['', '   ', ',,,', ' , ,', '""', '\t'];
    const text = [HEADER, ...blank.flatMap((b) => Array(50_000).fill(b)), ROW, ''].join('\r\n');
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.records.map((r) => r.line)).toEqual([1, 2 + blank.length * 50_000]);
    expect(parsed.records[1]?.cells).toEqual(ROW.split(','));
  });

  it('holds a few MB of heap, not hundreds, for 8 MB of blank lines', () => {
    const text = `${HEADER}\n${'\n'.repeat(4_000_000)}\r\n`.repeat(2) + ROW;
    const { result, bytes } = retainedBytes(() => parseCsv(text));
    expect(result.ok && result.records.length).toBe(3);
    // Before: ~270 MB of heap per MB of blank lines (a record object and a cell array per line).
    expect(bytes).toBeLessThan(16 * 1024 * 1024);
  });

  it('previews a pack hidden among a million blank lines, and names the real line of a problem there', () => {
    const blank = '\n'.repeat(1_000_000);
    const ok = previewImport(
      { ...EMPTY_LIBRARY },
      [],
      { bytes: encode(`${HEADER}\n${blank}${ROW}\n`), fileName: 'team.csv' },
      '2026-11-23',
    );
    expect(ok.ok && ok.preview.pack.entries.map((e) => e.id)).toEqual(['refund-wait']);
    const bad = previewImport(
      { ...EMPTY_LIBRARY },
      [],
      { bytes: encode(`${HEADER}\n${blank}phrasing,refund-wait,退款请稍等,\n`), fileName: 'team.csv' },
      '2026-11-23',
    );
    expect(bad.ok ? [] : bad.problems.map((p) => [p.path, p.row])).toEqual([['column "text"', 1_000_002]]);
  });

  it(`refuses a file of more than ${MAX_CSV_RECORDS.toLocaleString('en')} rows at the row that passes the limit`, () => {
    const text = `${HEADER}\n${'phrasing,a,b,c\n'.repeat(MAX_CSV_RECORDS + 10)}`;
    const parsed = parseCsv(text);
    expect(parsed).toEqual({
      ok: false,
      line: MAX_CSV_RECORDS + 1,
      message: `more than ${MAX_CSV_RECORDS} rows: split the file into smaller packs`,
    });
  });

  it('still reads quoted cells with commas, quotes and line breaks, and counts their lines', () => {
    const text = 'a,b\r\n"x, ""y""","1\n2\r\n3"\n\n"",z\nlast,"q"\n';
    const parsed = parseCsv(text);
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x, "y"', '1\n2\r\n3'] },
        { line: 6, cells: ['', 'z'] },
        { line: 7, cells: ['last', 'q'] },
      ],
    });
    expect(parseCsv('a,b"c')).toMatchObject({ ok: false, line: 1, message: expect.stringContaining('middle') });
    expect(parseCsv('a\n"b')).toMatchObject({ ok: false, line: 2, message: expect.stringContaining('never closed') });
  });
});
