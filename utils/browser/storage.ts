/**
 * Every piece of persisted state, in one place, with versions and migrations.
 * Values are repaired on read (never trusted): a damaged value is kept aside under `<key>:corrupt` (dated,
 * the newest few) instead of being overwritten, so nothing the agent had is lost. Every read-modify-write
 * runs under the item's Web Lock (updateRepaired), so two windows never lose each other's change.
 *
 * Sections: settings (shared) · panel (recents, favorites, usage, no-result log) · personal phrasings ·
 * quiz · packs · browser sync. Each feature edits only its own section.
 *
 * Synced through the browser's own sync (utils/browser/browser-sync.ts): settings (with their stamps),
 * favourites, personal phrasings and the quiz state. Local storage stays the source of truth.
 */
import { storage, type WxtStorageItem, type WxtStorageItemOptions } from 'wxt/utils/storage';
import type { CorruptPack, PackLibrary } from '../packs/library';
import type { SyncStatus } from '../packs/managed-policy';
import type { PanelRequest } from '../panel/api';
import { type FavoriteMarks, favoritesFromList } from '../panel/history';
import type { NoResultRecord } from '../panel/no-result-log';
import type { TabFieldValues } from '../panel/placeholders';
import type { PanelSurface } from '../panel/request';
import type { PersonalStore } from '../personal/phrasings';
import { QUIZ_MIGRATIONS, QUIZ_STATE_VERSION } from '../quiz/migrations';
import type { PinyinTable } from '../search/pinyin-table';
import { DEFAULT_SETTINGS, repairSettings, type Settings } from '../settings';
import { EMPTY_STAMPS, repairStamps, type SettingsStamps, touchStamps } from '../sync/settings-stamps';
import { type BrowserSyncStatus, DEFAULT_SYNC_PREFS, type SyncPrefs } from '../sync/status';

/**
 * Every item is defined on first use. `storage.defineItem` (@wxt-dev/storage 1.3) reads its value as soon
 * as it is defined (and, with migrations, its version too), in every page that imports this file: each
 * page's first storage call then queued behind a dozen reads it did not need (the personal phrasings and
 * the quiz state in the side panel, the panel's history in the popup). Same options, same stored values.
 */
type ItemKey = `local:${string}` | `session:${string}`;

function defineItem<T, K extends ItemKey = ItemKey>(key: K, options: WxtStorageItemOptions<T> & { fallback: T }) {
  let item: WxtStorageItem<T, Record<string, unknown>> | undefined;
  const get = () => {
    item ??= storage.defineItem<T, Record<string, unknown>>(key, options);
    return item;
  };
  return {
    key,
    getValue: () => get().getValue(),
    setValue: (value: T) => get().setValue(value),
    watch: (cb: (newValue: T, oldValue: T) => void) => get().watch(cb),
  };
}

// ── settings (shared) ───────────────────────────────────────────────────────────────────────────
export const settingsItem = defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function readSettings(): Promise<Settings> {
  return repairSettings(await settingsItem.getValue());
}

/**
 * When each settings field was last changed, so that two browsers' settings merge field by field
 * (utils/sync/settings-stamps.ts). Written with the settings in one storage call by updateSettings.
 */
export const settingsStampsItem = defineItem<SettingsStamps>('local:settingsStamps', {
  fallback: EMPTY_STAMPS,
  version: 1,
});

// ── panel ───────────────────────────────────────────────────────────────────────────────────────
/**
 * A request for the side panel from elsewhere (context menu, command, quiz "在侧边栏中查看"): the panel
 * watches this item and acts on a request newer than the last one it handled.
 */
export type { PanelRequest };
/** `surface`: which panel the request is for (the sidebar and Firefox's search popup may be open at once). */
export type StoredPanelRequest = PanelRequest & { at: number; surface?: PanelSurface };
export const panelRequestItem = defineItem<StoredPanelRequest | null>('session:panelRequest', {
  fallback: null,
});

/** Searches that found nothing (local only; see settings.recordNoResults), for the authors' report. */
export type { NoResultRecord };
export const noResultLogItem = defineItem<NoResultRecord[]>('local:noResultLog', { fallback: [], version: 1 });

/** Entry ids, most recent first. */
export const recentsItem = defineItem<string[]>('local:panelRecents', { fallback: [], version: 1 });
/**
 * Starred and unstarred entries with when (utils/panel/history.ts `FavoriteMarks`), so favourites merge
 * between browsers. v1 was a list of starred ids, most recent first; v2 keeps that order in the times.
 */
export const favoritesItem = defineItem<FavoriteMarks>('local:panelFavorites', {
  fallback: {},
  version: 2,
  migrations: { 2: (list: unknown) => favoritesFromList(list, Date.now()) as FavoriteMarks },
});
/** How often each entry was copied or inserted: a small ranking boost. */
export const usageItem = defineItem<Record<string, number>>('local:panelUsage', { fallback: {}, version: 1 });
/** Placeholder values (`{客户称呼}` → 王女士) per tab id; session storage, so they go with the browser session. */
export const tabFieldValuesItem = defineItem<TabFieldValues>('session:panelFieldValues', {
  fallback: {},
  version: 1,
});

/** A stored item as the helpers below need it (`defineItem` and `defineLazyItem` both fit). */
export interface StoredItem<T> {
  key: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** How many damaged copies of one item are kept (the newest). */
export const DAMAGED_COPIES_KEPT = 5;

export interface DamagedCopy {
  /** When it was set aside (ms since the epoch); 0 for a copy kept by a release that did not date them. */
  at: number;
  value: unknown;
}

/** The dated damaged copies under `<key>:corrupt`; an older release kept one bare value there. */
export function repairDamagedCopies(stored: unknown): DamagedCopy[] {
  if (stored === undefined || stored === null) return [];
  const isCopy = (c: unknown): c is DamagedCopy =>
    !!c && typeof c === 'object' && typeof (c as DamagedCopy).at === 'number' && 'value' in c;
  if (Array.isArray(stored) && stored.every(isCopy)) return stored;
  return [{ at: 0, value: stored }];
}

/**
 * Every read-modify-write of stored state runs under a Web Lock named for its key, shared by every page
 * and the background: two windows starring at once both keep their star, a sync and an Apply never
 * overwrite each other.
 */
export async function withItemLock<R>(key: string, task: () => Promise<R>): Promise<R> {
  // The DOM typing returns Promise<Promise<R>> for an async callback; the lock resolves with its result.
  return (await navigator.locks.request(`agent-coach:${key}`, task)) as R;
}

/** Keeps a damaged value beside the item (`<key>:corrupt`, dated, the newest few), never overwriting earlier ones. */
export async function keepDamaged(key: string, value: unknown, now: number = Date.now()): Promise<void> {
  const [area, ...name] = key.split(':');
  const damagedKey = `${area}:${name.join(':')}:corrupt` as `local:${string}`;
  const kept = repairDamagedCopies(await storage.getItem(damagedKey));
  await storage.setItem(damagedKey, [...kept, { at: now, value }].slice(-DAMAGED_COPIES_KEPT));
}

/**
 * Several stored values in one storage call, for a page's first paint (each call is a round trip to the
 * browser; on a busy machine they queue). Raw values: repair them, and take the full way when one needs it.
 */
export async function readValues(...keys: readonly string[]): Promise<unknown[]> {
  const found = await storage.getItems(keys as `local:${string}`[]);
  const byKey = new Map(found.map((f) => [f.key as string, f.value as unknown]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Where @wxt-dev/storage keeps an item's version (`<key>$`). */
export const versionKey = (key: string) => `${key}$`;

/** The repaired value when the repair keeps `stored` as it is; undefined when it had to change it (damage). */
export function repairedAsStored<T>(
  stored: unknown,
  repair: (stored: unknown) => T | null,
  fallback: T,
): T | undefined {
  const value = repair(stored) ?? fallback;
  return JSON.stringify(value) === JSON.stringify(stored ?? fallback) ? value : undefined;
}

/** Repairs `stored`; when that changed it, the original is kept aside first (call under the item's lock). */
async function repairKeeping<T>(
  key: string,
  stored: unknown,
  repair: (stored: unknown) => T | null,
  fallback: T,
  now: number,
): Promise<{ value: T; changed: boolean }> {
  const value = repair(stored) ?? fallback;
  const changed = JSON.stringify(value) !== JSON.stringify(stored ?? fallback);
  if (changed) await keepDamaged(key, stored, now);
  return { value, changed };
}

/**
 * Reads an item through a repair function. When the stored value had to be changed, the original is kept
 * aside (keepDamaged) before the repaired value is written back, so nothing is silently lost.
 */
export async function readRepaired<T>(
  item: StoredItem<T>,
  repair: (stored: unknown) => T | null,
  fallback: T,
  now: number = Date.now(),
): Promise<T> {
  const value = repairedAsStored(await item.getValue(), repair, fallback);
  if (value !== undefined) return value;
  // Damaged: repair under the lock, from a fresh read (another page may have repaired or changed it).
  return withItemLock(item.key, async () => {
    const fresh = await repairKeeping(item.key, await item.getValue(), repair, fallback, now);
    if (fresh.changed) await item.setValue(fresh.value);
    return fresh.value;
  });
}

/**
 * Read (repaired) – change – write, under the item's lock; returns the value as stored afterwards. A change
 * that returns `current` itself writes nothing (unless the stored value had to be repaired): a merge that
 * finds nothing new does not wake every listener.
 */
export function updateRepaired<T>(
  item: StoredItem<T>,
  repair: (stored: unknown) => T | null,
  fallback: T,
  change: (current: T) => T,
  now: number = Date.now(),
): Promise<T> {
  return withItemLock(item.key, async () => {
    const { value, changed } = await repairKeeping(item.key, await item.getValue(), repair, fallback, now);
    const next = change(value);
    if (changed || next !== value) await item.setValue(next);
    return next;
  });
}

/**
 * The settings, repaired, with `patch` applied under the lock (the panel, the options page and the sync
 * all write them); the fields that changed get a new stamp in the same storage call. `patch` may be a
 * function of the current settings, for changes that depend on them.
 */
export function updateSettings(
  patch: Partial<Settings> | ((current: Settings) => Partial<Settings>),
  now: number = Date.now(),
): Promise<Settings> {
  return withItemLock(settingsItem.key, async () => {
    const stored = await settingsItem.getValue();
    const { value: current, changed } = await repairKeeping(
      settingsItem.key,
      stored,
      repairSettings,
      DEFAULT_SETTINGS,
      now,
    );
    const next = repairSettings({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
    if (!changed && JSON.stringify(next) === JSON.stringify(current)) return current;
    const stamps = touchStamps(repairStamps(await settingsStampsItem.getValue()), current, next, now);
    await storage.setItems([
      { key: settingsItem.key, value: next },
      { key: settingsStampsItem.key, value: stamps },
    ]);
    return next;
  });
}

/**
 * The settings and their stamps changed together under the settings lock (the sync's merge); `change`
 * returns null to change nothing. Returns whether anything was written.
 */
export function updateStampedSettings(
  change: (settings: Settings, stamps: SettingsStamps) => { settings: Settings; stamps: SettingsStamps } | null,
  now: number = Date.now(),
): Promise<boolean> {
  return withItemLock(settingsItem.key, async () => {
    const { value: current } = await repairKeeping(
      settingsItem.key,
      await settingsItem.getValue(),
      repairSettings,
      DEFAULT_SETTINGS,
      now,
    );
    const next = change(current, repairStamps(await settingsStampsItem.getValue()));
    if (!next) return false;
    await storage.setItems([
      { key: settingsItem.key, value: repairSettings(next.settings) },
      { key: settingsStampsItem.key, value: next.stamps },
    ]);
    return true;
  });
}

/** Like keepDamaged, but a value already kept aside (the same JSON) is not kept twice. */
export async function keepDamagedOnce(key: string, value: unknown, now: number = Date.now()): Promise<void> {
  const [area, ...name] = key.split(':');
  const kept = repairDamagedCopies(await storage.getItem(`${area}:${name.join(':')}:corrupt` as `local:${string}`));
  const json = JSON.stringify(value);
  if (!kept.some((c) => JSON.stringify(c.value) === json)) await keepDamaged(key, value, now);
}

// ── personal phrasings ──────────────────────────────────────────────────────────────────────────
/**
 * 「我的话术」: phrasings and tombstones by id (utils/personal/phrasings.ts). Read and written through
 * utils/browser/personal-store.ts, which repairs them record by record.
 */
export const personalPhrasingsItem = defineItem<PersonalStore>('local:personalPhrasings', {
  fallback: {},
  version: 1,
});
/**
 * Pinyin of the personal phrasings' texts (a table, see utils/search/pinyin-table.ts), computed by the
 * background with pinyin-pro, which the side panel does not load. Local only; `key` says which versions of
 * the phrasings it was computed for.
 */
export const personalPinyinItem = defineItem<{ key: string; table: PinyinTable } | null>('local:personalPinyin', {
  fallback: null,
});

// ── quiz ────────────────────────────────────────────────────────────────────────────────────────
/**
 * Schedule per item, today's set and answers, daily history and streak, in one item so an answer is
 * saved atomically. Stored as `unknown`: read it through `readQuizState()` (utils/browser/quiz-store.ts),
 * which repairs it. Versions and the v1 → v2 migration: utils/quiz/migrations.ts.
 */
export const quizStateItem = defineItem<unknown>('local:quiz', {
  fallback: null,
  version: QUIZ_STATE_VERSION,
  migrations: QUIZ_MIGRATIONS,
});
/** Values the repair could not fully keep, newest last (a few), so nothing the agent had is lost (keepDamaged). */
export const quizCorruptItem = defineItem<DamagedCopy[]>('local:quiz:corrupt', { fallback: [] });

/**
 * Today's items (utils/quiz/snapshot.ts), so the popup shows today's set without reading every pack.
 * Stored as `unknown`: read it through `resumeDay()`, which validates it and falls back to the full way.
 * Lazy (declared below): pages other than the popup never read it.
 */
export const quizTodayItem = defineLazyItem<unknown>('local:quizToday', null);

// ── packs ───────────────────────────────────────────────────────────────────────────────────────
/**
 * An item read only when asked. `storage.defineItem` (@wxt-dev/storage 1.3) reads its value as soon as
 * it is defined, in every page that imports this file: for the multi-megabyte pack items that queued
 * ~0.2 s of storage reads ahead of the side panel's own. Same stored value as a `defineItem` of version 1
 * without migrations (no version meta is written); give a changed shape a new key or a repair on read.
 */
export interface LazyItem<T> {
  readonly key: `local:${string}`;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(cb: (newValue: T, oldValue: T) => void): () => void;
}

export function defineLazyItem<T>(key: `local:${string}`, fallback: T): LazyItem<T> {
  return {
    key,
    getValue: async () => (await storage.getItem<T>(key)) ?? fallback,
    setValue: (value) => storage.setItem(key, value),
    watch: (cb) => storage.watch<T>(key, (next, old) => cb(next ?? fallback, old ?? fallback)),
  };
}

/**
 * Installed team packs: ONE item, replaced whole by one `set`, so an import either lands completely or
 * not at all. Read it through `readPackLibrary()` (utils/browser/pack-store.ts), which repairs it and sets
 * corrupted packs aside in `packLibraryCorruptItem`.
 */
export const packLibraryItem = defineLazyItem<PackLibrary | null>('local:packLibrary', null);
/** Copy of the library's revision, small enough to read on every panel open (keys the index cache). */
export const packRevisionItem = defineItem<number>('local:packRevision', { fallback: 0, version: 1 });
/** Stored packs that failed validation, verbatim with the reasons; shown and exportable on the options page. */
export const packLibraryCorruptItem = defineLazyItem<CorruptPack[]>('local:packLibrary:corrupt', []);
/**
 * The search index of the active entries, built once per library revision (see getActiveIndex): `data` is
 * the JSON text of `serializeIndex`. An older release's cache (an object) has another key and is rebuilt.
 */
export const packIndexCacheItem = defineLazyItem<{ key: string; data: unknown } | null>('local:packIndexCache', null);
/** Last managed-policy sync: time, source, errors. */
export const managedSyncStatusItem = defineItem<SyncStatus | null>('local:managedSyncStatus', {
  fallback: null,
  version: 1,
});

// ── browser sync ────────────────────────────────────────────────────────────────────────────────
/** Whether this browser syncs (the agent's choice, not synced itself). */
export const syncPrefsItem = defineItem<SyncPrefs>('local:syncPrefs', {
  fallback: DEFAULT_SYNC_PREFS,
  version: 1,
});
/** What the last sync found (shown on the options page). */
export const syncStatusItem = defineItem<BrowserSyncStatus | null>('local:syncStatus', { fallback: null });
/** Items of the sync area that could not be read are kept here (keepDamaged on `local:syncArea`), never dropped. */
export const SYNC_DAMAGED_KEY = 'local:syncArea';
export const syncDamagedItem = defineItem<DamagedCopy[]>('local:syncArea:corrupt', { fallback: [] });

// ── first paint (the popup's page storage) ─────────────────────────────────────────────────────────
/**
 * A copy of the stored values the quiz popup reads first (quiz-today.ts `QUIZ_DAY_KEYS`), kept in the
 * extension's localStorage by the popup itself: localStorage answers synchronously (≈ 5 ms on a page's first
 * use, against ≈ 20 ms for its first storage.local call), so the popup can show today's item at once and then
 * check it against storage.local. Only a copy: nothing is ever saved from it, a damaged or missing copy is
 * ignored, and the background (which has no localStorage) and other browsers make it stale — which that check
 * catches. Not synced.
 */
const FIRST_PAINT_KEY = 'agentCoach:quizFirstPaint';
const FIRST_PAINT_FORMAT = 1;

type PageStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
const pageStore = (): PageStore | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    // A browser that denies this page its localStorage: no first-paint copy.
    return undefined;
  }
};

/** The copy's values by storage key, or null when there is no usable copy. */
function readCopy(store: PageStore | undefined): Record<string, unknown> | null {
  try {
    const copy = JSON.parse(store?.getItem(FIRST_PAINT_KEY) ?? 'null') as { format?: unknown; values?: unknown } | null;
    if (copy?.format !== FIRST_PAINT_FORMAT || !copy.values || typeof copy.values !== 'object') return null;
    return copy.values as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The copied values of `keys` (null for a key never copied), or null when there is no usable copy. */
export function readFirstPaint(keys: readonly string[], store = pageStore()): unknown[] | null {
  const values = readCopy(store);
  return values && keys.map((key) => values[key] ?? null);
}

/** Copies these values (by storage key) over the earlier copy's. Failing to copy only costs speed. */
export function rememberFirstPaint(values: Record<string, unknown>, store = pageStore()): void {
  if (!store) return;
  try {
    store.setItem(
      FIRST_PAINT_KEY,
      JSON.stringify({ format: FIRST_PAINT_FORMAT, values: { ...readCopy(store), ...values } }),
    );
  } catch {
    // Full or denied: the next open reads storage.local first, as without a copy.
    try {
      store.removeItem(FIRST_PAINT_KEY);
    } catch {
      // Nothing more to do.
    }
  }
}
