/** Recents, favorites, usage counts and the no-result log: small pure list operations with repair on read. */

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
export const MAX_RECENTS = 20;
export const MAX_FAVORITES = 200;
export const MAX_NO_RESULT_QUERIES = 300;

/** Most recent first, no duplicates, capped. */
export function pushRecent(list: readonly string[], id: string, cap = MAX_RECENTS): string[] {
  return [id, ...list.filter((x) => x !== id)].slice(0, cap);
}

export function toggleFavorite(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [id, ...list].slice(0, MAX_FAVORITES);
}

export function bumpUsage(counts: Readonly<Record<string, number>>, id: string): Record<string, number> {
  return { ...counts, [id]: (counts[id] ?? 0) + 1 };
}

/**
 * A small ranking boost from how often the agent used an entry: logarithmic and capped at 0.1 (search
 * scores run about 0–1.5), so a much-used entry wins a near tie but never beats a clearly better match.
 */
export function usageBoost(counts: Readonly<Record<string, number>>): (id: string) => number {
  return (id) => Math.min(0.1, Math.log1p(counts[id] ?? 0) * 0.03);
}

/** Keeps valid, distinct entry ids; returns `null` when the stored value is not a list at all. */
export function repairIdList(stored: unknown, cap: number): string[] | null {
  if (stored === undefined || stored === null) return [];
  if (!Array.isArray(stored)) return null;
  const out: string[] = [];
  for (const x of stored) if (typeof x === 'string' && ID.test(x) && !out.includes(x)) out.push(x);
  return out.slice(0, cap);
}

export function repairCounts(stored: unknown): Record<string, number> | null {
  if (stored === undefined || stored === null) return {};
  if (typeof stored !== 'object' || Array.isArray(stored)) return null;
  const out: Record<string, number> = {};
  for (const [id, n] of Object.entries(stored as Record<string, unknown>)) {
    if (ID.test(id) && typeof n === 'number' && Number.isFinite(n) && n > 0) out[id] = Math.floor(n);
  }
  return out;
}

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
