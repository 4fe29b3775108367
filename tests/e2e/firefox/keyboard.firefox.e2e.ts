/**
 * Keyboard-first in Firefox, with the SHIPPED build (no host permission added): the agent types in the ticket's
 * reply box, presses Alt+Shift+K and types. Firefox does not focus an extension sidebar (bugzilla 1502713), so
 * the shortcut opens the panel as the toolbar popup in search mode, which Firefox does focus.
 *
 * The keys go through Firefox's own handling: the shortcut is pressed on the browser window (Firefox runs the
 * extension's command, which also grants `activeTab`), and typed keys go to whatever content Firefox reports
 * as focused (harness.ts) — had focus stayed in the ticket, they would land in the reply box. Popup and
 * sidebar are read through `extension.getViews` from an extension page in a background tab.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveTicketPage } from '../panel-fixtures';
import { type FirefoxSession, launchFirefox } from './harness';

const REPLY = '您好，祝您生活愉快。';

let session: FirefoxSession;
let server: Awaited<ReturnType<typeof serveTicketPage>>;
let probe: Page;
let ticket: Page;

interface View {
  focused: boolean;
  active: string | null;
  query: string;
  options: string[];
  selected: string | null;
  detail: string | null;
  phrasing: string | null;
}

beforeAll(async () => {
  session = await launchFirefox();
  server = await serveTicketPage();
  probe = await session.open(session.extensionUrl('options.html'));
  ticket = await session.open(`${server.origin}/ticket`);
}, 120_000);
afterAll(async () => {
  const errors = session ? await session.errors([server?.origin ?? 'none']) : [];
  await session?.close();
  await server?.close();
  expect(errors).toEqual([]);
});

/** What the popup or the sidebar shows (null while it is not open). */
const view = (type: 'popup' | 'sidebar') =>
  probe.evaluate((t) => {
    const w = browser.extension.getViews({ type: t as 'popup' })[0];
    if (!w) return null;
    const d = w.document;
    const box = d.querySelector('[role=combobox]') as HTMLInputElement | null;
    return {
      focused: d.hasFocus(),
      active: d.activeElement?.getAttribute('role') ?? null,
      query: box?.value ?? '',
      options: [...d.querySelectorAll('[role=option] .coach-option-title')].map((e) => e.textContent ?? ''),
      selected: d.querySelector('[role=option][aria-selected=true] .coach-option-title')?.textContent ?? null,
      detail: d.querySelector('.coach-detail h3')?.textContent ?? null,
      phrasing: d.querySelector('.coach-phrasing-text')?.textContent ?? null,
    };
  }, type) as Promise<View | null>;

const reply = () => ticket.evaluate(() => (document.getElementById('reply') as HTMLTextAreaElement).value);

/** The agent is typing in the reply box, caret after 您好，: the tab and its reply box have the focus. */
async function agentInReply(value = REPLY): Promise<void> {
  await ticket.bringToFront();
  await session.chrome(`(Services.wm.getMostRecentWindow('navigator:browser').gBrowser.selectedBrowser.focus(), true)`);
  await ticket.evaluate((v) => {
    const area = document.getElementById('reply') as HTMLTextAreaElement;
    area.value = v;
    area.focus();
    area.setSelectionRange(3, 3);
  }, value);
  await expect.poll(() => ticket.evaluate(() => document.hasFocus() && document.activeElement?.id)).toBe('reply');
}

async function openSearchPopup(): Promise<void> {
  await session.keyboard.shortcut('K', ['Alt', 'Shift']);
  // The agent sees the popup, then types: Firefox has given it the focus, with the search box focused.
  await expect
    .poll(
      async () => {
        const v = await view('popup');
        return v?.focused && v.active;
      },
      { timeout: 30_000 },
    )
    .toBe('combobox');
}

async function closePopup(): Promise<void> {
  if (!(await view('popup'))) return;
  await session.keyboard.press('Escape');
  await session.keyboard.press('Escape');
  await expect.poll(() => view('popup')).toBe(null);
}

describe('keyboard-first in Firefox (shipped build)', () => {
  it('Alt+Shift+K, then typing tlx shows 同理心 results; the reply box is unchanged', async () => {
    await agentInReply();
    await openSearchPopup();
    await session.keyboard.type('tlx');
    await expect.poll(async () => (await view('popup'))?.query).toBe('tlx');
    await expect.poll(async () => (await view('popup'))?.options.some((t) => t.includes('同理心'))).toBe(true);
    expect(await reply()).toBe(REPLY);
    await closePopup();
    expect(await reply()).toBe(REPLY);
  });

  it('Ctrl+Enter inserts at the reply’s caret (activeTab from the shortcut); the popup closes and typing goes on in the reply', async () => {
    await agentInReply();
    await openSearchPopup();
    await session.keyboard.type('tlx');
    await expect.poll(async () => (await view('popup'))?.phrasing ?? null).not.toBe(null);
    const phrasing = (await view('popup'))?.phrasing as string;
    await session.keyboard.press('Enter', ['Control']);
    const inserted = REPLY.slice(0, 3) + phrasing + REPLY.slice(3);
    await expect.poll(reply, { timeout: 30_000 }).toBe(inserted);
    await expect.poll(() => view('popup')).toBe(null);
    // Focus is back in the reply box, right after the inserted text.
    await expect
      .poll(() => session.chrome<string>(`Services.focus.focusedContentBrowsingContext?.currentURI.spec ?? ''`))
      .toMatch(/\/ticket$/);
    await session.keyboard.type('x');
    await expect.poll(reply).toBe(`${REPLY.slice(0, 3)}${phrasing}x${REPLY.slice(3)}`);
  });

  it('Shift+Enter hands the entry over to the sidebar; typed into there, the sidebar searches and inserts', async () => {
    await session.chrome(`(Services.wm.getMostRecentWindow('navigator:browser').SidebarController.hide(), true)`);
    await expect.poll(() => view('sidebar')).toBe(null);
    await agentInReply();
    await openSearchPopup();
    await session.keyboard.type('tlx');
    await expect.poll(async () => (await view('popup'))?.selected ?? null).not.toBe(null);
    const title = (await view('popup'))?.selected as string;
    await session.keyboard.press('Enter', ['Shift']);
    await expect.poll(() => view('popup')).toBe(null);
    await expect.poll(async () => (await view('sidebar'))?.detail ?? null, { timeout: 30_000 }).toBe(title);
    expect(await reply()).toBe(REPLY);

    // The sidebar itself: the agent clicks into it (Firefox focuses it then) and types.
    await session.chrome(`(() => {
      const panels = Services.wm.getMostRecentWindow('navigator:browser').SidebarController.browser.contentDocument;
      panels.getElementById('webext-panels-browser').focus();
      return true;
    })()`);
    await expect.poll(async () => (await view('sidebar'))?.focused).toBe(true);
    await session.keyboard.type('tonglixin');
    await expect.poll(async () => (await view('sidebar'))?.options.some((t) => t.includes('同理心'))).toBe(true);
    const phrasing = (await view('sidebar'))?.phrasing as string;
    await session.keyboard.press('Enter', ['Control']);
    await expect.poll(reply, { timeout: 30_000 }).toBe(REPLY.slice(0, 3) + phrasing + REPLY.slice(3));
  });

  it('Alt+Shift+L (Firefox’s Alt+Shift+S belongs to its History menu) searches the selected text in the popup', async () => {
    await ticket.bringToFront();
    await session.chrome(
      `(Services.wm.getMostRecentWindow('navigator:browser').gBrowser.selectedBrowser.focus(), true)`,
    );
    const message = await ticket.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      const el = document.querySelector('.customer-message') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return el.textContent ?? '';
    });
    await session.keyboard.shortcut('L', ['Alt', 'Shift']);
    await expect.poll(async () => (await view('popup'))?.query ?? null, { timeout: 30_000 }).toBe(message);
    await closePopup();
  });
});
