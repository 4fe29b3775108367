/**
 * 「我的话术」 end to end: text selected on a ticket page (served on 127.0.0.1) becomes a phrasing through
 * the context menu 「保存为我的话术」 (and the save-selection command), is found by pinyin initials, inserted
 * into the reply box, edited, deleted and restored — all from the keyboard in the side panel page.
 *
 * As in panel-page.e2e.ts: a test cannot make the click or keystroke that grants `activeTab`, so this loads
 * a copy of the build whose manifest adds `host_permissions: ["http://127.0.0.1/*"]`, and it dispatches the
 * menu and command events in the service worker (headless Chromium has no menu UI or browser shortcuts);
 * the listeners that run are the ones the background registered.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';
import { extensionWithHostAccess, serveTicketPage, TICKET_HTML } from './panel-fixtures';

const SELECTED = '您好，您的包裹已到达转运中心，预计明天送达，请保持电话畅通。';
const PAGE = TICKET_HTML.replace('<textarea', `<p id="draft">${SELECTED}</p>\n<textarea`);

interface StoredPhrasing {
  id: string;
  title: string;
  text: string;
  tags: string[];
  deleted?: true;
}

describe('my phrasings from a page selection', () => {
  let session: ExtensionSession;
  let ext: ReturnType<typeof extensionWithHostAccess>;
  let server: Awaited<ReturnType<typeof serveTicketPage>>;
  let ticket: Page;
  let panel: Page;

  const stored = async () =>
    Object.values(
      ((await session.worker.evaluate(() => chrome.storage.local.get('personalPhrasings'))).personalPhrasings ??
        {}) as Record<string, StoredPhrasing>,
    );
  const status = () => panel.getByRole('status').first().textContent();
  const box = () => panel.getByRole('combobox', { name: '搜索处理规范和话术' });
  const ticketTabId = () =>
    session.worker.evaluate(async (origin) => (await chrome.tabs.query({ url: `${origin}/*` }))[0]?.id, server.origin);
  const select = (selector: string) =>
    ticket.locator(selector).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });

  beforeAll(async () => {
    ext = extensionWithHostAccess(['http://127.0.0.1/*']);
    session = await launchExtension(ext.dir);
    server = await serveTicketPage(PAGE);
    ticket = await session.context.newPage();
    await ticket.goto(`${server.origin}/ticket`);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    ext?.remove();
  });

  it('saves selected text through the context menu: the panel opens its form filled in', async () => {
    await select('#draft');
    panel = await session.openPage('sidepanel.html');
    await expect.poll(() => box().evaluate((el) => el === document.activeElement)).toBe(true);
    const tabId = await ticketTabId();
    await session.worker.evaluate(
      ([id, text]) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
          { menuItemId: 'coach-save-selection', selectionText: text, editable: false },
          { id, windowId: 1 },
        ),
      [tabId, SELECTED] as const,
    );
    const form = panel.getByRole('form', { name: '新建我的话术' });
    await expect.poll(() => form.getByLabel('话术内容').inputValue()).toBe(SELECTED);
    const title = form.getByLabel('标题');
    expect(await title.inputValue()).toBe('您好，您的包裹已到达转运中心');
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    // The agent names it and tags it, keyboard only.
    await panel.keyboard.type('包裹转运提醒');
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Tab');
    await panel.keyboard.type('物流，催件');
    await panel.keyboard.press('Control+Enter');
    await expect.poll(status).toBe('已保存到「我的话术」：包裹转运提醒');
    expect(await stored()).toMatchObject([{ title: '包裹转运提醒', text: SELECTED, tags: ['物流', '催件'] }]);
    expect(await box().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('finds it by pinyin initials, marked 「我的」, and inserts it at the cursor of the reply box', async () => {
    await ticket.locator('#reply').evaluate((el: HTMLTextAreaElement) => {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
    // bgzytx = 包裹转运提醒. Its pinyin is computed by the background (the panel ships no pinyin library):
    // polled, not assumed instant.
    await box().fill('bgzytx');
    const first = panel.getByRole('option').first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toBe('话术包裹转运提醒我的');
    expect(await panel.locator('.coach-detail').textContent()).toContain('我的话术 · 更新于');
    await box().press('Control+Enter');
    await expect.poll(status).toMatch(/已插入/);
    expect(await ticket.locator('#reply').inputValue()).toBe(`您好，祝您生活愉快。${SELECTED}`);
  });

  it('edits it (F2), deletes it (Alt+Delete) and undoes the delete (Alt+Z)', async () => {
    await box().fill('包裹转运提醒');
    await expect.poll(() => panel.locator('.coach-detail h3').textContent()).toBe('包裹转运提醒');
    await box().press('F2');
    const form = panel.getByRole('form', { name: '编辑我的话术' });
    await expect.poll(() => form.getByLabel('标题').inputValue()).toBe('包裹转运提醒');
    await form.getByLabel('标题').fill('包裹到达转运中心');
    await form.getByLabel('标题').press('Enter');
    await expect.poll(status).toBe('已更新「包裹到达转运中心」');
    expect((await stored()).map((r) => r.title)).toEqual(['包裹到达转运中心']);

    await box().fill('包裹到达转运');
    await expect.poll(() => panel.locator('.coach-detail h3').textContent()).toBe('包裹到达转运中心');
    await box().press('Alt+Delete');
    await expect.poll(status).toBe('已删除「包裹到达转运中心」');
    expect(await stored()).toMatchObject([{ deleted: true }]);
    await box().fill('包裹到达转运');
    await expect.poll(() => panel.getByRole('option', { name: /包裹到达转运中心/ }).count()).toBe(0);
    await box().press('Alt+z');
    await expect.poll(status).toBe('已恢复「包裹到达转运中心」');
    expect(await stored()).toMatchObject([{ title: '包裹到达转运中心', text: SELECTED }]);
    await expect.poll(() => panel.locator('.coach-detail h3').textContent()).toBe('包裹到达转运中心');
  });

  it('also saves the selection with the save-selection command, line breaks and all', async () => {
    await ticket.locator('.customer-message').evaluate((el) => {
      el.innerHTML = '第一行：请提供订单号。<br>第二行：我们会尽快处理。';
    });
    await select('.customer-message');
    const tabId = await ticketTabId();
    await session.worker.evaluate(
      (id) =>
        (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch('save-selection', {
          id,
          windowId: 1,
        }),
      tabId,
    );
    const form = panel.getByRole('form', { name: '新建我的话术' });
    await expect
      .poll(() => form.getByLabel('话术内容').inputValue())
      .toBe('第一行：请提供订单号。\n第二行：我们会尽快处理。');
    await panel.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
    expect(await stored()).toHaveLength(1);
  });
});
