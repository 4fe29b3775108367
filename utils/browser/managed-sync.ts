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
import { builtinPacks, readPackLibrary, writePackLibrary } from './pack-store';
import { managedSyncStatusItem } from './storage';

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
        if (written.ok) await rebuildIndexCache(written.library);
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
  const existing = await browser.alarms.get(MANAGED_SYNC_ALARM);
  if (!policy?.packUrl) {
    if (existing) await browser.alarms.clear(MANAGED_SYNC_ALARM);
  } else if (existing?.periodInMinutes !== policy.syncIntervalMinutes) {
    await browser.alarms.create(MANAGED_SYNC_ALARM, { periodInMinutes: policy.syncIntervalMinutes });
  }
}
