/** Background listeners of the packs feature: the managed-pack sync and keeping the index cache current. */
import { browser } from 'wxt/browser';
import { ensureIndexCache } from './index-build';
import { MANAGED_SYNC_ALARM, syncManagedPack } from './managed-sync';
import { packRevisionItem } from './storage';

const REINDEX_DELAY_MS = 1000;

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
    if (alarm.name === MANAGED_SYNC_ALARM) sync(true);
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') sync(true);
  });
  // Any other library change (damage set aside) leaves the cache stale: rebuild it here, so the panel never
  // has to build a large index itself. After a pause: an options page that just applied a pack holds the
  // entries in memory and indexes faster, and the lock in index-build.ts then finds its cache current.
  let timer: ReturnType<typeof setTimeout> | undefined;
  packRevisionItem.watch(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      ensureIndexCache().catch((error) => console.error('indexing the packs failed', error));
    }, REINDEX_DELAY_MS);
  });
}
