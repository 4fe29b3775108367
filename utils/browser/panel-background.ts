/**
 * Background listeners of the panel feature; called once from entrypoints/background.ts.
 * Opening the side panel needs a user gesture, which only lasts until the listener's first `await`:
 * `openPanel` is therefore always called synchronously at the top of a listener.
 */

import { type Browser, browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { readPageSelection } from '../page/read-selection';
import type { PanelSurface } from '../panel/request';
import { PHRASING_LIMITS } from '../personal/phrasings';
import { openSearch, openSidePanel, searchSurface } from './side-panel';
import { panelRequestItem } from './storage';

export const SEARCH_SELECTION_MENU_ID = 'coach-search-selection';
export const SAVE_SELECTION_MENU_ID = 'coach-save-selection';

function openPanel(windowId: number | undefined): void {
  openSidePanel(windowId).catch((error) => console.warn('could not open the side panel', error));
}

/** For the keyboard: the panel where typing goes at once (Firefox: the search popup; see side-panel.ts). */
function openForTyping(windowId: number | undefined): void {
  openSearch(windowId).catch((error) => console.warn('could not open the search', error));
}

async function requestSearch(query: string | undefined, surface: PanelSurface = 'panel'): Promise<void> {
  const q = query?.trim().slice(0, 500);
  if (q) await panelRequestItem.setValue({ type: 'search', query: q, at: Date.now(), surface });
}

/** Opens the panel's 「我的话术」 form with the selected text (line breaks kept). */
async function requestCompose(text: string | undefined, surface: PanelSurface = 'panel'): Promise<void> {
  const t = text?.trim().slice(0, PHRASING_LIMITS.text);
  if (t) await panelRequestItem.setValue({ type: 'compose', text: t, at: Date.now(), surface });
}

async function selectionOf(tab: Browser.tabs.Tab | undefined): Promise<string> {
  if (tab?.id === undefined) return '';
  try {
    const results = await browser.scripting.executeScript({
      target: { tabId: tab.id, allFrames: true },
      func: readPageSelection,
    });
    return results.map((r) => (typeof r.result === 'string' ? r.result : '')).find((s) => s.trim()) ?? '';
  } catch (error) {
    console.warn('search-selection: cannot read the selection of this page', error);
    return '';
  }
}

export function onCommand(command: string, tab?: Browser.tabs.Tab): void {
  if (command === 'open-panel') openForTyping(tab?.windowId);
  else if (command === 'search-selection') {
    openForTyping(tab?.windowId);
    void selectionOf(tab).then((query) => requestSearch(query, searchSurface()));
  } else if (command === 'save-selection') {
    // From the keyboard: where typing goes at once (Firefox: the search popup), as for a search.
    openForTyping(tab?.windowId);
    void selectionOf(tab).then((text) => requestCompose(text, searchSurface()));
  }
}

export function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId === SEARCH_SELECTION_MENU_ID) {
    openPanel(tab?.windowId);
    void requestSearch(info.selectionText);
  } else if (info.menuItemId === SAVE_SELECTION_MENU_ID) {
    openPanel(tab?.windowId);
    // The menu's selectionText has its line breaks collapsed: the page's own selection keeps them (the
    // click grants activeTab); the menu's text is the fallback where the page cannot be read.
    void selectionOf(tab).then((text) => requestCompose(text.trim() ? text : info.selectionText));
  }
}

function createMenu(): void {
  browser.contextMenus
    .removeAll()
    .then(() => {
      browser.contextMenus.create({
        id: SEARCH_SELECTION_MENU_ID,
        // `%s` is replaced by the browser with the selected text.
        title: i18n.t('menuSearchSelection'),
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: SAVE_SELECTION_MENU_ID,
        title: i18n.t('menuSaveSelection'),
        contexts: ['selection'],
      });
    })
    .catch((error) => console.error('could not create the context menu items', error));
}

export function registerPanelListeners(): void {
  browser.runtime.onInstalled.addListener(() => {
    createMenu();
    // The toolbar button opens the popup (daily quiz); the panel opens by shortcut or menu.
    browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
  });
  browser.commands.onCommand.addListener(onCommand);
  browser.contextMenus.onClicked.addListener(onMenuClicked);
}
