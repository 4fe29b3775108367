/**
 * Background listeners of the panel feature; called once from entrypoints/background.ts.
 * Opening the side panel needs a user gesture, which only lasts until the listener's first `await`:
 * `openPanel` is therefore always called synchronously at the top of a listener.
 */

import { type Browser, browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { readPageSelection } from '../page/read-selection';
import type { PanelSurface } from '../panel/request';
import { openSearch, openSidePanel, searchSurface } from './side-panel';
import { panelRequestItem } from './storage';

export const SEARCH_SELECTION_MENU_ID = 'coach-search-selection';

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
  }
}

export function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId !== SEARCH_SELECTION_MENU_ID) return;
  openPanel(tab?.windowId);
  void requestSearch(info.selectionText);
}

function createMenu(): void {
  browser.contextMenus
    .removeAll()
    .then(() =>
      browser.contextMenus.create({
        id: SEARCH_SELECTION_MENU_ID,
        // `%s` is replaced by the browser with the selected text.
        title: i18n.t('menuSearchSelection'),
        contexts: ['selection'],
      }),
    )
    .catch((error) => console.error(`could not create the context menu item ${SEARCH_SELECTION_MENU_ID}`, error));
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
