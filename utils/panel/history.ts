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
