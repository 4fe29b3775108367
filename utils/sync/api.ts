/** What the options page needs to show and steer the browser sync. */
import type { BrowserSyncStatus, SyncPrefs } from './status';

export interface SyncOptionsState {
  prefs: SyncPrefs;
  status: BrowserSyncStatus | null;
  /** Items of the sync area that could not be read, kept in this browser (newest last). */
  damaged: { at: number; value: unknown }[];
}

export interface SyncOptionsApi {
  load(): Promise<SyncOptionsState>;
  setEnabled(enabled: boolean): Promise<void>;
  syncNow(): Promise<void>;
  discardDamaged(): Promise<void>;
  watch(onChange: () => void): () => void;
}
