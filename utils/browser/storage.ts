/**
 * Every piece of persisted state, in one place, with versions and migrations.
 * Values are repaired on read (never trusted): a corrupted value is set aside under `<key>:corrupt`
 * instead of being overwritten, so nothing the agent had is lost.
 *
 * Sections: settings (shared) · panel (recents, favorites, usage, no-result log) · quiz · packs.
 * Each feature edits only its own section.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, repairSettings, type Settings } from '../settings';

// ── settings (shared) ───────────────────────────────────────────────────────────────────────────
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function readSettings(): Promise<Settings> {
  return repairSettings(await settingsItem.getValue());
}

// ── panel ───────────────────────────────────────────────────────────────────────────────────────
/**
 * A request for the side panel from elsewhere (context menu, command, quiz "在侧边栏中查看"): the panel
 * watches this item and acts on a request newer than the last one it handled.
 */
export type PanelRequest = { type: 'open'; id: string } | { type: 'search'; query: string };
export const panelRequestItem = storage.defineItem<(PanelRequest & { at: number }) | null>('session:panelRequest', {
  fallback: null,
});

/** Searches that found nothing (local only; see settings.recordNoResults), for the authors' report. */
export interface NoResultRecord {
  query: string;
  count: number;
  firstAt: number;
  lastAt: number;
}
export const noResultLogItem = storage.defineItem<NoResultRecord[]>('local:noResultLog', { fallback: [], version: 1 });

// ── quiz ────────────────────────────────────────────────────────────────────────────────────────

// ── packs ───────────────────────────────────────────────────────────────────────────────────────
