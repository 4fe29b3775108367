/**
 * Every piece of persisted state, in one place, with versions and migrations.
 * Values are repaired on read (never trusted): a damaged value is kept aside under `<key>:corrupt` (dated,
 * the newest few) instead of being overwritten, so nothing the agent had is lost. Every read-modify-write
 * runs under the item's Web Lock (updateRepaired), so two windows never lose each other's change.
 *
 * Sections: settings (shared) · panel (recents, favorites, usage, no-result log) · quiz · packs.
 * Each feature edits only its own section.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type { CorruptPack, PackLibrary } from '../packs/library';
import type { SyncStatus } from '../packs/managed-policy';
import type { PanelRequest } from '../panel/api';
import type { NoResultRecord } from '../panel/no-result-log';
import type { TabFieldValues } from '../panel/placeholders';
import type { PanelSurface } from '../panel/request';
import { QUIZ_MIGRATIONS, QUIZ_STATE_VERSION } from '../quiz/migrations';
import { DEFAULT_SETTINGS, repairSettings, type Settings } from '../settings';

/**
 * An item defined on first use. `storage.defineItem` with migrations reads the value and its version as
 * soon as it is defined, in every page that imports this file: the quiz state (every card's schedule)
 * would be read by the side panel and the options page on every open, for nothing.
 */
function deferredItem<T, K extends `local:${string}`>(
  key: K,
  define: (key: K) => WxtStorageItem<T, Record<string, unknown>>,
) {
  let item: WxtStorageItem<T, Record<string, unknown>> | undefined;
  const get = () => {
    item ??= define(key);
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
export type { PanelRequest };
/** `surface`: which panel the request is for (the sidebar and Firefox's search popup may be open at once). */
export type StoredPanelRequest = PanelRequest & { at: number; surface?: PanelSurface };
export const panelRequestItem = storage.defineItem<StoredPanelRequest | null>('session:panelRequest', {
  fallback: null,
});

/** Searches that found nothing (local only; see settings.recordNoResults), for the authors' report. */
export type { NoResultRecord };
export const noResultLogItem = storage.defineItem<NoResultRecord[]>('local:noResultLog', { fallback: [], version: 1 });

/** Entry ids, most recent first. */
export const recentsItem = storage.defineItem<string[]>('local:panelRecents', { fallback: [], version: 1 });
/** Starred entry ids, most recently starred first. */
export const favoritesItem = storage.defineItem<string[]>('local:panelFavorites', { fallback: [], version: 1 });
/** How often each entry was copied or inserted: a small ranking boost. */
export const usageItem = storage.defineItem<Record<string, number>>('local:panelUsage', { fallback: {}, version: 1 });
/** Placeholder values (`{客户称呼}` → 王女士) per tab id; session storage, so they go with the browser session. */
export const tabFieldValuesItem = storage.defineItem<TabFieldValues>('session:panelFieldValues', {
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

/** Read (repaired) – change – write, under the item's lock; returns what was written. */
export function updateRepaired<T>(
  item: StoredItem<T>,
  repair: (stored: unknown) => T | null,
  fallback: T,
  change: (current: T) => T,
  now: number = Date.now(),
): Promise<T> {
  return withItemLock(item.key, async () => {
    const { value } = await repairKeeping(item.key, await item.getValue(), repair, fallback, now);
    const next = change(value);
    await item.setValue(next);
    return next;
  });
}

/** The settings, repaired, with `patch` applied under the lock (the panel and the options page both write them). */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return updateRepaired(settingsItem, repairSettings, DEFAULT_SETTINGS, (current) =>
    repairSettings({ ...current, ...patch }),
  );
}

// ── quiz ────────────────────────────────────────────────────────────────────────────────────────
/**
 * Schedule per item, today's set and answers, daily history and streak, in one item so an answer is
 * saved atomically. Stored as `unknown`: read it through `readQuizState()` (utils/browser/quiz-store.ts),
 * which repairs it. Versions and the v1 → v2 migration: utils/quiz/migrations.ts.
 */
export const quizStateItem = deferredItem('local:quiz', (key) =>
  storage.defineItem<unknown>(key, {
    fallback: null,
    version: QUIZ_STATE_VERSION,
    migrations: QUIZ_MIGRATIONS,
  }),
);
/** Values the repair could not fully keep, newest last (a few), so nothing the agent had is lost (keepDamaged). */
export const quizCorruptItem = storage.defineItem<DamagedCopy[]>('local:quiz:corrupt', { fallback: [] });

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
export const packRevisionItem = storage.defineItem<number>('local:packRevision', { fallback: 0, version: 1 });
/** Stored packs that failed validation, verbatim with the reasons; shown and exportable on the options page. */
export const packLibraryCorruptItem = defineLazyItem<CorruptPack[]>('local:packLibrary:corrupt', []);
/**
 * The search index of the active entries, built once per library revision (see getActiveIndex): `data` is
 * the JSON text of `serializeIndex`. An older release's cache (an object) has another key and is rebuilt.
 */
export const packIndexCacheItem = defineLazyItem<{ key: string; data: unknown } | null>('local:packIndexCache', null);
/** Last managed-policy sync: time, source, errors. */
export const managedSyncStatusItem = storage.defineItem<SyncStatus | null>('local:managedSyncStatus', {
  fallback: null,
  version: 1,
});
