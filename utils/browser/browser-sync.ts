/**
 * Syncing through the browser's own sync (`storage.sync`: Chrome Sync, Firefox Sync — no server of ours).
 * Local storage is the source of truth; the sync area is a replica. One run (syncBrowserData):
 *   1. read the sync area (utils/sync/layout.ts); a newer format pauses syncing, damaged items are kept
 *      aside locally (keepDamagedOnce), never merged and never dropped;
 *   2. merge what it holds into local storage, part by part under each item's lock (sync-local.ts);
 *   3. lay the merged local data out within the quotas and write only the items that differ, in one
 *      `set` and at most one `remove` (two write operations), under the write-rate limits.
 * Runs one at a time across the extension (a Web Lock), from the background: after local changes
 * (debounced), after changes from the other browsers, at start-up and on an alarm (retries).
 */
import { browser } from 'wxt/browser';
import { type DamagedItem, layOut, OWN_KEY, readLayout, SYNC_BUDGET, type SyncBudget } from '../sync/layout';
import { recentWrites, writeDelay } from '../sync/rate';
import type { BrowserSyncStatus } from '../sync/status';
import { repairSyncPrefs } from '../sync/status';
import { keepDamagedOnce, SYNC_DAMAGED_KEY, syncPrefsItem, syncStatusItem, withItemLock } from './storage';
import { mergeIntoLocal, readLocalSyncData } from './sync-local';

/** What a run needs of `storage.sync` (tests pass a replica of their own). */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface SyncRunOptions {
  now?: number;
  area?: SyncArea;
  budget?: SyncBudget;
  /** Times of this browser's recent write operations (kept by the caller between runs). */
  writes?: number[];
}

export type SyncRunResult =
  | { status: BrowserSyncStatus; retryInMs?: undefined }
  /** Writing must wait (the rate limits): run again then. */
  | { status: BrowserSyncStatus; retryInMs: number };

function appVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '';
  }
}

/** The area's own items that differ from the layout, and those the layout no longer has. */
function changesFor(area: Record<string, unknown>, items: Record<string, unknown>) {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) {
    if (key === 'm') {
      // The format marker is rewritten only for another format: `by` differs between releases of one format.
      const current = area.m as { f?: unknown } | undefined;
      if (current?.f !== (value as { f: number }).f) set.m = value;
    } else if (JSON.stringify(area[key]) !== JSON.stringify(value)) set[key] = value;
  }
  const remove = Object.keys(area).filter((k) => OWN_KEY.test(k) && !(k in items));
  return { set, remove };
}

/** Words for a refused write, as the options page shows them. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const isQuotaError = (message: string) => /QUOTA_BYTES|MAX_ITEMS|quota/i.test(message) && !/MAX_WRITE/i.test(message);
const isRateError = (message: string) => /MAX_WRITE_OPERATIONS/i.test(message);

/** One sync run; see the top of this file. Returns the status it stored. */
export function syncBrowserData(options: SyncRunOptions = {}): Promise<SyncRunResult> {
  return withItemLock('sync:run', () => run(options));
}

async function run({
  now = Date.now(),
  area = browser.storage.sync,
  budget = SYNC_BUDGET,
  writes = [],
}: SyncRunOptions) {
  const previous = await syncStatusItem.getValue();
  const base = { at: now, bytes: previous?.bytes ?? 0, items: previous?.items ?? 0, leftOut: previous?.leftOut ?? {} };
  const done = async (status: BrowserSyncStatus, retryInMs?: number): Promise<SyncRunResult> => {
    await syncStatusItem.setValue(status);
    return retryInMs === undefined ? { status } : { status, retryInMs };
  };
  if (!repairSyncPrefs(await syncPrefsItem.getValue()).enabled) return done({ ...base, state: 'off' });

  let stored: Record<string, unknown>;
  try {
    stored = await area.get(null);
  } catch (error) {
    return done({ ...base, state: 'unavailable', error: describe(error) });
  }
  const read = readLayout(stored);
  if (read.kind === 'newer') return done({ ...base, state: 'newer', newer: { format: read.format, by: read.by } });
  if (read.kind === 'data') {
    if (read.damaged.length) await keepDamagedOnce(SYNC_DAMAGED_KEY, read.damaged satisfies DamagedItem[], now);
    await mergeIntoLocal(read.data, now);
  }

  const local = await readLocalSyncData(now);
  let layout = layOut(local, appVersion(), budget);
  let { set, remove } = changesFor(stored, layout.items);
  const migratedFrom = read.kind === 'data' ? read.migratedFrom : undefined;
  const ops = (Object.keys(set).length ? 1 : 0) + (remove.length ? 1 : 0);
  const settled = (extra: Partial<BrowserSyncStatus> = {}): BrowserSyncStatus => ({
    state: Object.keys(layout.leftOut).length ? 'partial' : 'ok',
    at: now,
    syncedAt: now,
    bytes: layout.bytes,
    items: Object.keys(layout.items).length,
    leftOut: layout.leftOut,
    ...(migratedFrom === undefined ? {} : { migratedFrom }),
    ...extra,
  });
  if (ops === 0) return done(settled());
  const wait = writeDelay(writes, now, ops);
  if (wait > 0) return done({ ...settled(), syncedAt: previous?.syncedAt }, wait);
  try {
    await write(area, set, remove, writes, now);
  } catch (error) {
    const message = describe(error);
    if (isQuotaError(message)) {
      // The browser counts a little differently than expected: lay out again with less room, once.
      layout = layOut(local, appVersion(), { ...budget, bytes: Math.floor(budget.bytes * 0.8) });
      ({ set, remove } = changesFor(stored, layout.items));
      try {
        await write(area, set, remove, writes, now);
        return done(settled());
      } catch (again) {
        return done({ ...settled(), state: 'error', syncedAt: previous?.syncedAt, error: describe(again) });
      }
    }
    const retry = isRateError(message) ? 60_000 : undefined;
    return done({ ...settled(), state: 'error', syncedAt: previous?.syncedAt, error: message }, retry);
  }
  return done(settled());
}

async function write(area: SyncArea, set: Record<string, unknown>, remove: string[], writes: number[], now: number) {
  // Removed first: a layout that moved records between chunks never holds both copies past the quota.
  if (remove.length) {
    writes.push(now);
    await area.remove(remove);
  }
  if (Object.keys(set).length) {
    writes.push(now);
    await area.set(set);
  }
  writes.splice(0, writes.length, ...recentWrites(writes, now));
}
