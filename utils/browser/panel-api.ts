/** The side panel's PanelApi on real browser APIs (see utils/panel/api.ts). */
import { browser } from 'wxt/browser';
import type { InsertResult, PanelApi, PanelRequest, SuggestionStatus } from '../panel/api';
import {
  bumpUsage,
  MAX_FAVORITES,
  MAX_RECENTS,
  pushRecent,
  repairCounts,
  repairIdList,
  toggleFavorite,
} from '../panel/history';
import { recordNoResult, repairNoResultLog } from '../panel/no-result-log';
import { rememberTabFieldValues, repairTabFieldValues } from '../panel/placeholders';
import type { PanelSurface } from '../panel/request';
import { DEFAULT_SETTINGS, repairSettings } from '../settings';
import { watchActivePacks } from './pack-watch';
import { openSidePanel } from './side-panel';
import {
  favoritesItem,
  noResultLogItem,
  panelRequestItem,
  readRepaired,
  readSettings,
  readValues,
  recentsItem,
  repairedAsStored,
  type StoredPanelRequest,
  settingsItem,
  tabFieldValuesItem,
  updateRepaired,
  usageItem,
} from './storage';
import { insertIntoTab, readTicketInTab, targetTab } from './ticket-tab';

/** A request older than this when the panel opens was meant for an earlier panel, not this one. */
const FRESH_MS = 10_000;

const repairRecents = (v: unknown) => repairIdList(v, MAX_RECENTS);
const repairFavorites = (v: unknown) => repairIdList(v, MAX_FAVORITES);
const readRecents = () => readRepaired(recentsItem, repairRecents, []);
const readFavorites = () => readRepaired(favoritesItem, repairFavorites, []);
const readUsage = () => readRepaired(usageItem, repairCounts, {});

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The async clipboard needs a focused document; the old command works from a click in more cases.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** `surface`: where this panel runs (utils/panel/request.ts); the search popup can hand over to the sidebar. */
export function createPanelApi(surface: PanelSurface = 'panel'): PanelApi {
  const api: PanelApi = {
    async loadCorpus() {
      // The engine, the packs and the index cache load in their own chunk, after the box takes typing.
      const { activeCorpus } = await import('./index-cache');
      return activeCorpus();
    },
    watchPacks: (onChange) => watchActivePacks(onChange),
    async loadState() {
      // One storage call for the four small items the panel needs before its first paint; a damaged
      // value (rare) is then read again through the repair, which keeps the damage aside.
      const [settings, recents, favorites, usage] = await readValues(
        settingsItem.key,
        recentsItem.key,
        favoritesItem.key,
        usageItem.key,
      );
      return {
        settings: repairSettings(settings),
        recents: repairedAsStored(recents, repairRecents, []) ?? (await readRecents()),
        favorites: repairedAsStored(favorites, repairFavorites, []) ?? (await readFavorites()),
        usage: repairedAsStored(usage, repairCounts, {}) ?? (await readUsage()),
      };
    },
    toggleFavorite: (id) => updateRepaired(favoritesItem, repairFavorites, [], (list) => toggleFavorite(list, id)),
    async noteUsed(id) {
      const [recents, usage] = await Promise.all([
        updateRepaired(recentsItem, repairRecents, [], (list) => pushRecent(list, id)),
        updateRepaired(usageItem, repairCounts, {}, (counts) => bumpUsage(counts, id)),
      ]);
      return { recents, usage };
    },
    async recordNoResult(query) {
      if (!(await readSettings()).recordNoResults) return;
      await updateRepaired(noResultLogItem, repairNoResultLog, [], (log) => recordNoResult(log, query));
    },
    copy: copyText,
    async insert(text): Promise<InsertResult> {
      const outcome = await insertIntoTab(text);
      if (outcome.ok) return outcome;
      return { ok: false, reason: outcome.reason, copied: await copyText(text) };
    },
    async fieldValues() {
      const tab = await targetTab();
      if (!tab) return {};
      const all = await readRepaired(tabFieldValuesItem, repairTabFieldValues, {});
      return all[String(tab.id)] ?? {};
    },
    async rememberFieldValues(values) {
      const tab = await targetTab();
      if (!tab) return;
      await updateRepaired(tabFieldValuesItem, repairTabFieldValues, {}, (all) =>
        rememberTabFieldValues(all, tab.id, values),
      );
    },
    watchRequests(onRequest) {
      let handledAt = 0;
      const handle = (request: StoredPanelRequest | null, maxAge: number) => {
        if (!request || request.at <= handledAt || Date.now() - request.at > maxAge) return;
        // Meant for the other surface (the sidebar stays open while Firefox's search popup takes the keys).
        if ((request.surface ?? 'panel') !== surface) return;
        handledAt = request.at;
        const { at: _at, surface: _surface, ...rest } = request;
        onRequest(rest as PanelRequest);
        // Consumed: a panel opened later must not replay it.
        void panelRequestItem.setValue(null);
      };
      void panelRequestItem.getValue().then((r) => handle(r, FRESH_MS));
      return panelRequestItem.watch((r) => handle(r, Number.POSITIVE_INFINITY));
    },
    async suggestionStatus(): Promise<SuggestionStatus> {
      const tab = await targetTab();
      const origin = originOf(tab?.url);
      if (!tab || !origin) return { state: 'unknown-site' };
      const settings = await readSettings();
      const granted = await browser.permissions.contains({ origins: [`${origin}/*`] });
      if (!settings.suggestionSites.includes(origin) || !granted) return { state: 'off', origin, granted };
      const ticket = await readTicketInTab(tab.id, new URL(origin).hostname, settings.ticketSelectors);
      return { state: 'on', origin, ticket };
    },
    async enableSuggestions(origin, alreadyGranted) {
      // permissions.request must be the first await after the click, or the browser drops the gesture;
      // hence `alreadyGranted` comes from the status read before the click.
      const granted = alreadyGranted || (await browser.permissions.request({ origins: [`${origin}/*`] }));
      if (!granted) return false;
      await updateRepaired(settingsItem, repairSettings, DEFAULT_SETTINGS, (settings) =>
        settings.suggestionSites.includes(origin)
          ? settings
          : { ...settings, suggestionSites: [...settings.suggestionSites, origin] },
      );
      return true;
    },
    close: () => window.close(),
  };
  if (surface === 'popup') {
    api.openInSidebar = (request) => {
      // Synchronously, inside the agent's key or click: Firefox opens the sidebar only from a user action.
      openSidePanel(undefined).catch((error) => console.warn('could not open the sidebar', error));
      void panelRequestItem
        .setValue({ ...request, at: Date.now(), surface: 'panel' })
        .finally(() => window.close())
        .catch((error) => console.error('could not hand the entry over to the sidebar', error));
    };
  }
  return api;
}
