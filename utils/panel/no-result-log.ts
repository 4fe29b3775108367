/**
 * Searches that found nothing: recorded by the side panel (locally, while the setting is on), repaired on
 * read, and reported to knowledge authors on the options page (most frequent first, exportable as CSV).
 *
 * What is kept, and nothing more: only queries the agent typed into the panel's box (the panel decides;
 * page selections, context-menu searches, pasted text and ticket text never come here), with phone, ID,
 * bank-card and other long numbers and e-mail addresses masked before they are stored, for 90 days after
 * the query was last searched (dropped on every read and write).
 */
import { toSpreadsheetCell, writeCsv } from '../text/csv';

export const MAX_NO_RESULT_QUERIES = 300;
export const NO_RESULT_MAX_AGE_DAYS = 90;
const DAY_MS = 86_400_000;

/** Full-width digits, ＠ and Ｘ as an IME types them, so masking sees them as the numbers they are. */
function halfWidth(text: string): string {
  return text.replace(/[０-９＠Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** A run of digits, single spaces or hyphens between groups (138 1234 5678, 6222-0212-…), maybe +86 and an ID's X. */
const NUMBER = /\+?\d(?:[ -]?\d)*[Xx]?/g;
/** Fewer digits than this stay (7天, 2024年, 95511): they say what was asked, not who asked. */
const MIN_MASKED_DIGITS = 6;

function numberLabel(run: string): string {
  const digits = run.replace(/[^\dXx]/g, '');
  const plain = digits.replace(/[Xx]$/, '');
  if (/^\d{17}[\dXx]$/.test(digits) || /^\d{15}$/.test(digits)) return '[身份证号]';
  if (/^(?:86)?1[3-9]\d{9}$/.test(plain)) return '[手机号]';
  if (/^0\d{9,11}$/.test(plain)) return '[电话]';
  if (/^\d{16,19}$/.test(plain)) return '[银行卡号]';
  return '[数字]';
}

/**
 * The query with what identifies a customer masked: e-mail addresses, China ID numbers (18 digits, the last
 * may be X; also the old 15), mobile and landline numbers, bank cards, and any other run of 6+ digits
 * (order and policy numbers).
 */
export function maskSensitive(query: string): string {
  return halfWidth(query)
    .replace(EMAIL, '[邮箱]')
    .replace(NUMBER, (run) => {
      const digits = run.replace(/\D/g, '').length;
      if (digits < MIN_MASKED_DIGITS) return run;
      // An X only belongs to an ID number (17 digits + X); elsewhere it is a letter after a number.
      const x = /[Xx]$/.test(run) && digits !== 17 ? run.slice(-1) : '';
      return numberLabel(x ? run.slice(0, -1) : run) + x;
    });
}

const keyOf = (query: string) => query.toLowerCase();

/**
 * The log as it may be kept: entries last searched more than 90 days before `now` dropped, every query
 * masked (a log written by an older release may hold numbers in clear), and queries that are now the same
 * merged. Applied on every read and write.
 */
export function cleanNoResultLog(log: readonly NoResultRecord[], now: number = Date.now()): NoResultRecord[] {
  const oldest = now - NO_RESULT_MAX_AGE_DAYS * DAY_MS;
  const byKey = new Map<string, NoResultRecord>();
  for (const record of log) {
    if (record.lastAt < oldest) continue;
    const query = maskSensitive(record.query);
    const seen = byKey.get(keyOf(query));
    byKey.set(
      keyOf(query),
      seen
        ? {
            query: seen.query,
            count: seen.count + record.count,
            firstAt: Math.min(seen.firstAt, record.firstAt),
            lastAt: Math.max(seen.lastAt, record.lastAt),
          }
        : { ...record, query },
    );
  }
  return [...byKey.values()].sort((a, b) => b.lastAt - a.lastAt);
}

export interface NoResultRecord {
  query: string;
  count: number;
  firstAt: number;
  lastAt: number;
}

/**
 * Same query (trimmed, case-folded, spaces collapsed, masked) counts up; beyond the cap the least recent go;
 * entries past the age limit are dropped.
 */
export function recordNoResult(
  log: readonly NoResultRecord[],
  query: string,
  now: number = Date.now(),
  cap = MAX_NO_RESULT_QUERIES,
): NoResultRecord[] {
  const kept = cleanNoResultLog(log, now);
  // Masked before it is cut, so a number at the cut is never stored half in clear.
  const q = maskSensitive(query.trim().replace(/\s+/g, ' ')).slice(0, 200);
  if (!q) return kept.slice(0, cap);
  const key = keyOf(q);
  const existing = kept.find((r) => keyOf(r.query) === key);
  const updated: NoResultRecord = existing
    ? { ...existing, count: existing.count + 1, lastAt: now }
    : { query: q, count: 1, firstAt: now, lastAt: now };
  return [updated, ...kept.filter((r) => r !== existing)].sort((a, b) => b.lastAt - a.lastAt).slice(0, cap);
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
