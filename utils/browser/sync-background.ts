/**
 * Background listeners of the browser sync (browser-sync.ts) and of the personal phrasings' pinyin;
 * called once from entrypoints/background.ts.
 */
import { browser } from 'wxt/browser';
import { pinyinOf } from '../search/pinyin';
import { OWN_KEY } from '../sync/layout';
import { syncBrowserData } from './browser-sync';
import { ensurePersonalPinyin } from './personal-pinyin';
import {
  favoritesItem,
  personalPhrasingsItem,
  quizStateItem,
  settingsItem,
  settingsStampsItem,
  syncPrefsItem,
} from './storage';

export const BROWSER_SYNC_ALARM = 'browser-sync';
/** A burst of local changes (answers, stars, typing in the options) is written once it pauses… */
const LOCAL_DELAY_MS = 2_000;
/** …or after this long at the latest. */
const LOCAL_MAX_WAIT_MS = 10_000;
/** Changes from other browsers arrive key by key: merged once they have arrived. */
const REMOTE_DELAY_MS = 300;
/** A safety net for missed events and retries after errors. */
const ALARM_MINUTES = 30;

const name = (key: string) => key.slice(key.indexOf(':') + 1);
const SYNCED_LOCAL = new Set(
  [settingsItem, settingsStampsItem, favoritesItem, personalPhrasingsItem, quizStateItem].map((i) => name(i.key)),
);

/** Times of this browser's recent write operations to the sync area (the rate limits). */
const writes: number[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let dueBy = Number.POSITIVE_INFINITY;
let running: Promise<void> | undefined;
let again = false;

function runNow(): void {
  if (running) {
    again = true;
    return;
  }
  dueBy = Number.POSITIVE_INFINITY;
  running = syncBrowserData({ writes })
    .then((result) => {
      if (result.retryInMs !== undefined) schedule(result.retryInMs);
    })
    .catch((error) => console.error('browser sync failed', error))
    .finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule(REMOTE_DELAY_MS);
      }
    });
}

/** Runs after `delay`, or earlier if already due earlier (never later than `maxWait` from the first request). */
function schedule(delay: number, maxWait = delay): void {
  const now = Date.now();
  dueBy = Math.min(dueBy, now + maxWait);
  clearTimeout(timer);
  timer = setTimeout(runNow, Math.max(0, Math.min(now + delay, dueBy) - now));
}

let pinyinTimer: ReturnType<typeof setTimeout> | undefined;
function refreshPinyin(): void {
  clearTimeout(pinyinTimer);
  pinyinTimer = setTimeout(() => {
    ensurePersonalPinyin(pinyinOf).catch((error) => console.error('pinyin of personal phrasings failed', error));
  }, 200);
}

export function registerSyncListeners(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const keys = Object.keys(changes);
    if (area === 'sync') {
      if (keys.some((k) => OWN_KEY.test(k))) schedule(REMOTE_DELAY_MS);
      return;
    }
    if (area !== 'local') return;
    if (keys.includes(name(personalPhrasingsItem.key))) refreshPinyin();
    if (keys.includes(name(syncPrefsItem.key))) schedule(0);
    else if (keys.some((k) => SYNCED_LOCAL.has(k))) schedule(LOCAL_DELAY_MS, LOCAL_MAX_WAIT_MS);
  });
  const start = () => {
    schedule(0);
    refreshPinyin();
    browser.alarms
      .create(BROWSER_SYNC_ALARM, { periodInMinutes: ALARM_MINUTES })
      .catch((error) => console.warn('browser sync alarm not set', error));
  };
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BROWSER_SYNC_ALARM) schedule(0);
  });
}
