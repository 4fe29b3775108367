/**
 * 「在侧边栏中查看」 from the quiz: asks the side panel to open an entry and opens the panel.
 * Both browsers only open their panel from a user gesture, so `openInSidePanel` must be called straight
 * from the click handler and must not await anything before the open call.
 */
import { browser } from 'wxt/browser';
import { openSidePanel } from './side-panel';
import { panelRequestItem } from './storage';

let windowId: number | undefined;

/** Looks up the popup's window ahead of time, so the click needs no await before opening the panel. */
export function prepareSidePanel(): void {
  browser.windows
    .getCurrent()
    .then((w) => {
      windowId = w.id;
    })
    .catch(() => {});
}

export async function openInSidePanel(id: string, now: number = Date.now()): Promise<void> {
  const request = panelRequestItem.setValue({ type: 'open', id, at: now });
  const opening = openSidePanel(windowId);
  // The panel acts on the request when it opens, or at once if it is already open.
  await Promise.all([request, opening]);
}
