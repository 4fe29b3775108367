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

// ── quiz ────────────────────────────────────────────────────────────────────────────────────────

// ── packs ───────────────────────────────────────────────────────────────────────────────────────
