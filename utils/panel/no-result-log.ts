/**
 * Searches that found nothing: recorded by the side panel (locally, while the setting is on), repaired on
 * read, and reported to knowledge authors on the options page (most frequent first, exportable as CSV).
 */
import { toSpreadsheetCell, writeCsv } from '../text/csv';

export const MAX_NO_RESULT_QUERIES = 300;

export interface NoResultRecord {
  query: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

/** Same query (trimmed, case-folded, spaces collapsed) counts up; beyond the cap the least recent go. */
export function recordNoResult(
  log: readonly NoResultRecord[],
  query: string,
  now: number = Date.now(),
  cap = MAX_NO_RESULT_QUERIES,
): NoResultRecord[] {
  const q = query.trim().replace(/\s+/g, ' ').slice(0, 200);
  if (!q) return [...log];
  const key = q.toLowerCase();
  const existing = log.find((r) => r.query.toLowerCase() === key);
  const updated: NoResultRecord = existing
    ? { ...existing, count: existing.count + 1, lastAt: now }
    : { query: q, count: 1, firstAt: now, lastAt: now };
  return [updated, ...log.filter((r) => r !== existing)].sort((a, b) => b.lastAt - a.lastAt).slice(0, cap);
}

export function repairNoResultLog(stored: unknown): NoResultRecord[] | null {
  if (stored === undefined || stored === null) return [];
  if (!Array.isArray(stored)) return null;
  return stored.filter(
    (r): r is NoResultRecord =>
      !!r &&
      typeof r === 'object' &&
      typeof r.query === 'string' &&
      typeof r.count === 'number' &&
      typeof r.firstAt === 'number' &&
      typeof r.lastAt === 'number',
  );
}

// ── the report for knowledge authors ──
export function sortNoResults(rows: readonly NoResultRecord[]): NoResultRecord[] {
  return [...rows].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

/** Columns: query, count, firstSearchedAt, lastSearchedAt (ISO 8601, UTC). */
export function noResultsToCsv(rows: readonly NoResultRecord[]): string {
  return writeCsv([
    ['query', 'count', 'firstSearchedAt', 'lastSearchedAt'],
    ...sortNoResults(rows).map((r) => [toSpreadsheetCell(r.query), String(r.count), iso(r.firstAt), iso(r.lastAt)]),
  ]);
}
