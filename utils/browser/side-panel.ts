/**
 * Opens the extension's panel: Firefox's sidebar, or Chrome's side panel of a window. Both need a user
 * gesture, which ends at the caller's first `await`: call this synchronously from the listener or handler.
 */
import { browser } from 'wxt/browser';

type SidebarAction = { open(): Promise<void> };

/** Resolves when the panel opened; resolves without opening when Chrome gives no window to open in. */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  try {
    const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
    if (sidebar) return sidebar.open();
    return windowId === undefined ? Promise.resolve() : browser.sidePanel.open({ windowId });
  } catch (error) {
    return Promise.reject(error);
  }
}
