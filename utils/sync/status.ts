/** What the options page says about syncing, as the background last found it. */
import type { SyncSection } from './layout';

export type BrowserSyncState =
  /** Everything is in the sync area. */
  | 'ok'
  /** Some records did not fit the sync quota: they stay in this browser only (`leftOut`). */
  | 'partial'
  /** Turned off in this browser by the agent: nothing is read or written. */
  | 'off'
  /** The sync area holds a newer format (a newer release elsewhere): this browser neither reads nor writes it. */
  | 'newer'
  /** Writing was refused (quota, rate limit, browser error); retried later. */
  | 'error'
  /** This browser has no usable storage.sync (e.g. turned off by policy). */
  | 'unavailable';

export interface BrowserSyncStatus {
  state: BrowserSyncState;
  /** Last attempt (ms). */
  at: number;
  /** Last time this browser's data and the sync area agreed (ms). */
  syncedAt?: number;
  /** Bytes and items this browser's data takes in the sync area. */
  bytes: number;
  items: number;
  leftOut: Partial<Record<SyncSection, number>>;
  newer?: { format: number; by: string };
  error?: string;
  /** The sync area held a format older than this release's, read through a migration. */
  migratedFrom?: number;
}

/** The agent's choice for this browser (not synced itself: each browser decides). */
export interface SyncPrefs {
  enabled: boolean;
}

export const DEFAULT_SYNC_PREFS: SyncPrefs = { enabled: true };

export function repairSyncPrefs(stored: unknown): SyncPrefs {
  const enabled = (stored as { enabled?: unknown } | null)?.enabled;
  return { enabled: typeof enabled === 'boolean' ? enabled : true };
}
