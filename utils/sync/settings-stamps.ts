/**
 * Settings carry a time per field so that two browsers' changes merge field by field. The times live
 * beside the settings (`local:settingsStamps`), written in the same storage call by updateSettings.
 * A field a later release added (unknown here) is kept as it came, so this release never strips it.
 */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../settings';
import type { Stamped, StampedSettings } from './model';

export interface SettingsStamps {
  /** When each field was last changed (ms); a field never changed has none. */
  at: Record<string, number>;
  /** Fields of a later release, as synced. */
  extra: StampedSettings;
}

export const EMPTY_STAMPS: SettingsStamps = { at: {}, extra: {} };

const FIELDS = Object.keys(SettingsSchema.entries) as (keyof Settings)[];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function repairStamps(stored: unknown): SettingsStamps {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return { at: {}, extra: {} };
  const s = stored as { at?: unknown; extra?: unknown };
  const at: Record<string, number> = {};
  if (s.at && typeof s.at === 'object') {
    for (const [k, n] of Object.entries(s.at)) if (typeof n === 'number' && Number.isFinite(n) && n >= 0) at[k] = n;
  }
  const extra: StampedSettings = {};
  if (s.extra && typeof s.extra === 'object') {
    for (const [k, x] of Object.entries(s.extra as Record<string, Stamped>)) {
      if (!(k in SettingsSchema.entries) && x && typeof x.at === 'number' && x.value !== undefined) extra[k] = x;
    }
  }
  return { at, extra };
}

/** Stamps the fields that differ between `before` and `after` with `now` (later than their last stamp). */
export function touchStamps(stamps: SettingsStamps, before: Settings, after: Settings, now: number): SettingsStamps {
  const at = { ...stamps.at };
  for (const field of FIELDS) {
    if (!same(before[field], after[field])) at[field] = Math.max(now, (at[field] ?? 0) + 1);
  }
  return { ...stamps, at };
}

/**
 * The settings as synced. A field changed before settings synced (no stamp) counts as changed at time 1
 * when it differs from the default — older than any change made since, newer than a browser's defaults.
 */
export function stampSettings(settings: Settings, stamps: SettingsStamps): StampedSettings {
  const out: StampedSettings = { ...stamps.extra };
  for (const field of FIELDS) {
    const at = stamps.at[field] ?? (same(settings[field], DEFAULT_SETTINGS[field]) ? 0 : 1);
    out[field] = { value: settings[field], at };
  }
  return out;
}

/** Merged synced settings back into settings and their stamps; a value that does not validate keeps `current`'s. */
export function unstampSettings(
  stamped: StampedSettings,
  current: Settings,
): { settings: Settings; stamps: SettingsStamps } {
  const settings: Record<string, unknown> = { ...current };
  const at: Record<string, number> = {};
  const extra: StampedSettings = {};
  for (const [field, s] of Object.entries(stamped)) {
    const schema = (SettingsSchema.entries as Record<string, v.GenericSchema | undefined>)[field];
    if (!schema) extra[field] = s;
    else if (v.is(schema, s.value)) {
      settings[field] = s.value;
      if (s.at > 0) at[field] = s.at;
    }
  }
  return { settings: settings as Settings, stamps: { at, extra } };
}
