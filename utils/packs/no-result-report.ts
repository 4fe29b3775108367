/** The "searches that found nothing" report for knowledge authors: most frequent first, exportable as CSV. */
import { toSpreadsheetCell, writeCsv } from '../text/csv';

export interface NoResultRow {
  query: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

export function sortNoResults(rows: readonly NoResultRow[]): NoResultRow[] {
  return [...rows].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

/** Columns: query, count, firstSearchedAt, lastSearchedAt (ISO 8601, UTC). */
export function noResultsToCsv(rows: readonly NoResultRow[]): string {
  return writeCsv([
    ['query', 'count', 'firstSearchedAt', 'lastSearchedAt'],
    ...sortNoResults(rows).map((r) => [toSpreadsheetCell(r.query), String(r.count), iso(r.firstAt), iso(r.lastAt)]),
  ]);
}
