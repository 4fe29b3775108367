/**
 * Syncing the pack an administrator sets by browser policy (`storage.managed`, schema in
 * public/managed_schema.json): run by the background at start-up, when the policy changes and on an alarm
 * every `syncIntervalMinutes`, and by the options page's 「立即同步」. A failed sync keeps the last good copy.
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
import { rebuildIndexCache } from './index-build';
import { type FetchPackOptions, fetchPackBytes } from './pack-fetch';
import { builtinPacks, readPackLibrary, writePackLibrary } from './pack-store';
import { managedSyncStatusItem, withItemLock } from './storage';

export const MANAGED_SYNC_ALARM = 'managed-pack-sync';

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

/**
 * Syncs when due (or always with `force`). Runs one at a time across the background and every page (a Web
 * Lock), and every network step has a deadline (pack-fetch.ts), so a stalled server delays the next sync
 * by at most that deadline instead of blocking every later one. `fetchOptions` lets tests pass the network.
 */
export function syncManagedPack(force = false, fetchOptions: FetchPackOptions = {}): Promise<SyncStatus | null> {
  return withItemLock(managedSyncStatusItem.key, async () => {
    const { policy, problems } = await readManagedPolicy();
    const previous = await managedSyncStatusItem.getValue();
    const now = Date.now();
    await scheduleAlarm(policy);
    if (!force && !syncDue(previous, policy, now)) return previous;
    const library = await readPackLibrary();
    const result = await runManagedSync(policy, problems, library, builtinPacks(), previous, {
      fetchPack: (url) => fetchPackBytes(url, fetchOptions),
      now,
      today: dayKey(),
      hasOriginPermission: policy?.packUrl ? await hasOriginPermission(policy.packUrl) : undefined,
    });
    if (result.library) {
      const written = await writePackLibrary(result.library, library.revision);
      if (written.ok) await rebuildIndexCache(written.library);
      else result.status.errors.push(written.message);
    }
    await managedSyncStatusItem.setValue(result.status);
    return result.status;
  });
}

async function scheduleAlarm(policy: ManagedPolicy | null): Promise<void> {
  const existing = await browser.alarms.get(MANAGED_SYNC_ALARM);
  if (!policy?.packUrl) {
    if (existing) await browser.alarms.clear(MANAGED_SYNC_ALARM);
  } else if (existing?.periodInMinutes !== policy.syncIntervalMinutes) {
    await browser.alarms.create(MANAGED_SYNC_ALARM, { periodInMinutes: policy.syncIntervalMinutes });
  }
}
