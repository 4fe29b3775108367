/**
 * Opens the extension's panel: Firefox's sidebar, or Chrome's side panel of a window. Both need a user
 * gesture, which ends at the caller's first `await`: call this synchronously from the listener or handler.
 */
import { browser } from 'wxt/browser';
import type { PanelSurface } from '../panel/request';

type SidebarAction = { open(): Promise<void> };
type BrowserAction = {
  setPopup(details: { popup: string | null; windowId?: number }): Promise<void>;
  openPopup(options?: { windowId?: number }): Promise<void>;
};

const sidebarAction = () => (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
const browserAction = () => (browser as unknown as { browserAction?: BrowserAction }).browserAction;

/** Where `openSearch` shows the panel: Firefox (a sidebar and an MV2 toolbar button) uses the popup. */
export function searchSurface(): PanelSurface {
  return sidebarAction() && browserAction() ? 'popup' : 'panel';
}

/** Resolves when the panel opened; resolves without opening when Chrome gives no window to open in. */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  try {
    const sidebar = sidebarAction();
    if (sidebar) return sidebar.open();
    return windowId === undefined ? Promise.resolve() : browser.sidePanel.open({ windowId });
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The panel page as Firefox's search popup (components/panel: `surface=popup`). */
export const SEARCH_POPUP = '/sidepanel.html?surface=popup';

/**
 * Opens the panel where the agent can type at once. Chrome focuses its side panel. Firefox does not move
 * keyboard focus into a sidebar (bugzilla 1502713), so the keys typed after the shortcut would land in the
 * ticket's reply box; it does focus a toolbar popup, so there the panel opens as the search popup (the
 * toolbar button's own popup, the quiz, is restored right after). Call synchronously from the listener.
 */
export function openSearch(windowId: number | undefined): Promise<void> {
  const action = browserAction();
  if (searchSurface() === 'panel' || !action) return openSidePanel(windowId);
  const scope = windowId === undefined ? {} : { windowId };
  try {
    // Both calls go out in this order before any await: Firefox applies the popup, then opens it, and the
    // opening still counts as the agent's keystroke.
    const set = action.setPopup({ ...scope, popup: SEARCH_POPUP });
    const opened = action.openPopup(scope);
    return Promise.all([set, opened]).then(
      () => action.setPopup({ ...scope, popup: null }),
      async (error) => {
        await action.setPopup({ ...scope, popup: null });
        throw error;
      },
    );
  } catch (error) {
    return Promise.reject(error);
  }
}
