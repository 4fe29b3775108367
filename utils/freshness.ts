/** Entries whose content has not been reviewed for a while, so authors know what to check first. */
import type { Entry, Pack } from '../knowledge/schema';

export const DEFAULT_STALE_DAYS = 180;

export interface StaleEntry {
  entry: Entry;
  packName: string;
  ageDays: number;
}

const DAY_MS = 86_400_000;

/** Whole days from a YYYY-MM-DD date to `today` (same format), in UTC so the result is the same everywhere. */
export function daysBetween(from: string, today: string): number {
  return Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function isoDay(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Entries reviewed more than `days` days before `today`, oldest first. */
export function staleEntries(packs: readonly Pack[], days: number, today: string): StaleEntry[] {
  const out: StaleEntry[] = [];
  for (const pack of packs) {
    for (const entry of pack.entries) {
      const ageDays = daysBetween(entry.reviewedAt, today);
      if (ageDays > days) out.push({ entry, packName: pack.name, ageDays });
    }
  }
  return out.sort((a, b) => b.ageDays - a.ageDays || a.entry.id.localeCompare(b.entry.id));
}
