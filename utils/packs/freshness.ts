/** Entries whose content has not been reviewed for a while, so authors know what to check first. */
import type { Entry, Pack } from '../../knowledge/schema';
import { daysBetween } from '../quiz/day';

export const DEFAULT_STALE_DAYS = 180;

export interface StaleEntry {
  entry: Entry;
  packName: string;
  ageDays: number;
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
