/**
 * The ticket tab beside the panel, and in-page actions on it (insert at the cursor, read the ticket).
 * Access comes from `activeTab` (granted when the agent invokes the extension on that tab: shortcut,
 * context menu, toolbar button) or from a site the agent enabled for suggestions — never at install.
 */
import { browser } from 'wxt/browser';
import { type InsertOutcome, insertTextAtCursor } from '../page/insert-text';
import { readTicket, type TicketText } from '../page/ticket-extract';
import { type HostSelectors, selectorsForHost } from '../panel/ticket-selectors';

export interface TargetTab {
  id: number;
  /** Known only when the extension has access to the tab. */
  url?: string;
}

/**
 * The active normal tab of the panel's window that is not one of our pages. In the real side panel that is
 * simply the active tab; when the panel page itself is open in a tab (e2e, or an agent who pinned it), it is
 * the most recently used other tab.
 */
export async function targetTab(): Promise<TargetTab | undefined> {
  const own = browser.runtime.getURL('/');
  const tabs = await browser.tabs.query({ currentWindow: true });
  const candidates = tabs.filter((t) => t.id !== undefined && !(t.url ?? t.pendingUrl ?? '').startsWith(own));
  const pick =
    candidates.find((t) => t.active) ??
    candidates.sort((a, b) => ((b.lastAccessed as number) ?? 0) - ((a.lastAccessed as number) ?? 0))[0];
  return pick?.id === undefined ? undefined : { id: pick.id, url: pick.url };
}

export type TabInsertOutcome = InsertOutcome | { ok: false; reason: 'no-tab' | 'no-access' };

export async function insertIntoTab(text: string): Promise<TabInsertOutcome> {
  const tab = await targetTab();
  if (!tab) return { ok: false, reason: 'no-tab' };
  try {
    // Top frame only: the injected function follows focus into same-origin iframes itself, which is how
    // the one focused editor is found (every frame keeps its own activeElement).
    const [first] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: insertTextAtCursor,
      args: [text],
    });
    return (first?.result as InsertOutcome | undefined) ?? { ok: false, reason: 'no-editable' };
  } catch (error) {
    // "Cannot access contents of the page": no activeTab grant or a browser page (chrome://, the store).
    console.warn('insert: no access to the ticket tab', error);
    return { ok: false, reason: 'no-access' };
  }
}

export async function readTicketInTab(
  tabId: number,
  host: string,
  custom: readonly HostSelectors[],
): Promise<TicketText> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    func: readTicket,
    args: [selectorsForHost(host, custom)],
  });
  return (first?.result as TicketText | undefined) ?? { subject: '', message: '' };
}
