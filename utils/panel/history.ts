/** Recents, favorites and usage counts of the side panel: small pure list operations with repair on read. */

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
export const MAX_RECENTS = 20;
export const MAX_FAVORITES = 200;

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

// ── favourites with times (stored since favourites sync between browsers) ──
/**
 * Each starred or unstarred entry with when that happened: two browsers' marks merge entry by entry (the
 * later mark wins), and an unstar is kept as `on: false` so it reaches the other browser.
 */
export type FavoriteMarks = Record<string, { on: boolean; at: number }>;

/** Unstarred marks are forgotten after this long (a browser offline longer may bring the star back). */
export const UNSTAR_KEEP_MS = 90 * 86_400_000;

/** Starred ids, most recently starred first, capped. */
export function favoriteIds(marks: Readonly<FavoriteMarks>, cap = MAX_FAVORITES): string[] {
  return Object.entries(marks)
    .filter(([, m]) => m.on)
    .sort(([a, x], [b, y]) => y.at - x.at || (a < b ? -1 : 1))
    .slice(0, cap)
    .map(([id]) => id);
}

/**
 * Stars or unstars `id` at `now`, or just after the latest mark if that is later: a new star lists first even
 * when a mark carries the same millisecond or a synced time from a clock ahead of this one. Past the cap the
 * oldest star is unstarred.
 */
export function toggleFavoriteMark(marks: Readonly<FavoriteMarks>, id: string, now: number): FavoriteMarks {
  let latest = 0;
  for (const m of Object.values(marks)) latest = Math.max(latest, m.at);
  const at = Math.max(now, latest + 1);
  const next: FavoriteMarks = { ...marks, [id]: { on: !marks[id]?.on, at } };
  const starred = favoriteIds(next, Number.POSITIVE_INFINITY);
  for (const old of starred.slice(MAX_FAVORITES)) next[old] = { on: false, at };
  return next;
}

/** Forgets unstar marks older than `keepMs`. */
export function pruneFavoriteMarks(marks: FavoriteMarks, now: number, keepMs = UNSTAR_KEEP_MS): FavoriteMarks {
  const out: FavoriteMarks = {};
  let pruned = false;
  for (const [id, m] of Object.entries(marks)) {
    if (!m.on && m.at < now - keepMs) pruned = true;
    else out[id] = m;
  }
  return pruned ? out : marks;
}

/**
 * Keeps valid marks; `null` when the stored value is not a record of marks at all. A list of ids (how
 * version 1 stored favourites, should one be found unmigrated) becomes stars older than any mark made since.
 */
export function repairFavoriteMarks(stored: unknown): FavoriteMarks | null {
  if (stored === undefined || stored === null) return {};
  if (Array.isArray(stored)) {
    const list = repairIdList(stored, MAX_FAVORITES) ?? [];
    return Object.fromEntries(list.map((id, i) => [id, { on: true, at: list.length - i }]));
  }
  if (typeof stored !== 'object') return null;
  const out: FavoriteMarks = {};
  for (const [id, m] of Object.entries(stored as Record<string, unknown>)) {
    if (!ID.test(id) || !m || typeof m !== 'object') continue;
    const { on, at } = m as { on?: unknown; at?: unknown };
    if (typeof on === 'boolean' && typeof at === 'number' && Number.isFinite(at) && at >= 0) out[id] = { on, at };
  }
  return out;
}

/**
 * Version 1 stored the starred ids as a list, most recent first: they become marks at `now`, one ms apart
 * in the same order, so the list reads the same. Anything else is passed on as it is, and so is every
 * string of the list, valid id or not: the repair on read then keeps the damaged value aside.
 */
export function favoritesFromList(stored: unknown, now: number): unknown {
  if (!Array.isArray(stored)) return stored;
  const marks: Record<string, { on: boolean; at: number }> = {};
  stored.forEach((id, i) => {
    const key = typeof id === 'string' ? id : JSON.stringify(id);
    if (!(key in marks)) marks[key] = { on: true, at: now - i };
  });
  return marks;
}
