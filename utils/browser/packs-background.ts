/**
 * Background side of packs: syncing the pack an administrator sets by browser policy
 * (`storage.managed`, schema in public/managed_schema.json). Runs at start-up, when the policy
 * changes, and on an alarm every `syncIntervalMinutes`. A failed sync keeps the last good copy.
 */
import { browser } from 'wxt/browser';
import {
  type ManagedPolicy,
  originPattern,
  parseManagedPolicy,
  runManagedSync,
  type SyncStatus,
  syncDue,
} from '../packs/managed-policy';
import { dayKey } from '../quiz/day';
import { ensureIndexCache, rebuildIndexCache } from './index-build';
import { builtinPacks, readPackLibrary, writePackLibrary } from './pack-store';
import { managedSyncStatusItem, packRevisionItem } from './storage';

const ALARM = 'managed-pack-sync';
const REINDEX_DELAY_MS = 1000;

/** The policy as set by the administrator; browsers without a policy (or without managed storage) give none. */
export async function readManagedPolicy(): Promise<{ policy: ManagedPolicy | null; problems: string[] }> {
  try {
    return parseManagedPolicy(await browser.storage.managed.get());
  } catch {
    // Firefox rejects when no policy is installed for the add-on: that simply means "no policy".
    return { policy: null, problems: [] };
  }
}

export async function hasOriginPermission(url: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false;
  }
}

async function fetchText(url: string): Promise<{ status: number; text: string }> {
  // No cookies: a pack URL is configuration, not a logged-in resource; no-cache so an update shows up.
  const response = await fetch(url, { credentials: 'omit', cache: 'no-cache', redirect: 'follow' });
  if (!response.url.startsWith('https:')) throw new Error(`redirected to a non-HTTPS address (${response.url})`);
  return { status: response.status, text: await response.text() };
}

let running: Promise<SyncStatus | null> | undefined;

/** Syncs when due (or always with `force`); concurrent calls share one run. */
export function syncManagedPack(force = false): Promise<SyncStatus | null> {
  running ??= (async () => {
    try {
      const { policy, problems } = await readManagedPolicy();
      const previous = await managedSyncStatusItem.getValue();
      const now = Date.now();
      await scheduleAlarm(policy);
      if (!force && !syncDue(previous, policy, now)) return previous;
      const library = await readPackLibrary();
      const result = await runManagedSync(policy, problems, library, builtinPacks(), previous, {
        fetchText,
        now,
        today: dayKey(),
        hasOriginPermission: policy?.packUrl ? await hasOriginPermission(policy.packUrl) : undefined,
      });
      if (result.library) {
        const written = await writePackLibrary(result.library, library.revision);
        if (written.ok) await rebuildIndexCache(result.library);
        else result.status.errors.push(written.message);
      }
      await managedSyncStatusItem.setValue(result.status);
      return result.status;
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function scheduleAlarm(policy: ManagedPolicy | null): Promise<void> {
  const existing = await browser.alarms.get(ALARM);
  if (!policy?.packUrl) {
    if (existing) await browser.alarms.clear(ALARM);
  } else if (existing?.periodInMinutes !== policy.syncIntervalMinutes) {
    await browser.alarms.create(ALARM, { periodInMinutes: policy.syncIntervalMinutes });
  }
}

/** Background listeners of the packs feature; called once from entrypoints/background.ts. */
export function registerPacksListeners(): void {
  const sync = (force: boolean) => {
    syncManagedPack(force).catch((error) => console.error('managed pack sync failed', error));
  };
  const startup = (force: boolean) => {
    // An update may ship a new built-in pack: re-index once here rather than in the panel.
    ensureIndexCache().catch((error) => console.error('indexing the packs failed', error));
    sync(force);
  };
  browser.runtime.onStartup.addListener(() => startup(false));
  browser.runtime.onInstalled.addListener(() => startup(true));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) sync(true);
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') sync(true);
  });
  // Any other library change (damage set aside) leaves the cache stale: rebuild it here, so the panel never
  // has to build a large index itself. After a pause: an options page that just applied a pack holds the
  // entries in memory and indexes faster, and the lock in packs-index.ts then finds its cache current.
  let timer: ReturnType<typeof setTimeout> | undefined;
  packRevisionItem.watch(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      ensureIndexCache().catch((error) => console.error('indexing the packs failed', error));
    }, REINDEX_DELAY_MS);
  });
}
