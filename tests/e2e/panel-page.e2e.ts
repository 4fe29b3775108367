/**
 * The panel and a ticket page served on 127.0.0.1: insertion, the placeholder form, pack HTML shown as text,
 * the search-selection command and page suggestions.
 *
 * What differs from real use: a real agent's shortcut or menu click grants `activeTab` on the ticket tab;
 * a test cannot make that gesture, so this test loads a COPY of the built extension whose manifest adds
 * `host_permissions: ["http://127.0.0.1/*"]`. Everything else is the shipped code path: the panel page
 * (here in a tab beside the ticket tab) finds the ticket tab, runs `scripting.executeScript` with the
 * insertion function, and that function inserts at the caret with `execCommand('insertText')`.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';
import { extensionWithHostAccess, installTestPack, serveTicketPage } from './panel-fixtures';

describe('insert into the ticket page', () => {
  let session: ExtensionSession;
  let ext: ReturnType<typeof extensionWithHostAccess>;
  let server: Awaited<ReturnType<typeof serveTicketPage>>;
  let ticket: Page;

  beforeAll(async () => {
    ext = extensionWithHostAccess(['http://127.0.0.1/*']);
    session = await launchExtension(ext.dir);
    server = await serveTicketPage();
    await installTestPack(session.worker);
    ticket = await openTicket();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    ext?.remove();
  });

  async function openTicket(): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/ticket`);
    await page.frameLocator('#frame').locator('body p').waitFor();
    return page;
  }

  async function panelWith(query: string): Promise<Page> {
    const panel = await session.openPage('sidepanel.html', `?q=${encodeURIComponent(query)}`);
    await expect.poll(() => panel.locator('.coach-detail h3').textContent()).toBe('插入测试话术');
    return panel;
  }

  it('inserts into a textarea at the caret, keeping the text around it, undoable with Ctrl+Z', async () => {
    await ticket.locator('#reply').evaluate((el: HTMLTextAreaElement) => {
      el.focus();
      el.setSelectionRange(3, 3); // after 您好，
    });
    const panel = await panelWith('插入测试');
    await panel.getByRole('combobox').press('Control+Enter');
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/已插入/);
    expect(await ticket.locator('#reply').inputValue()).toBe('您好，感谢您的耐心等待。祝您生活愉快。');
    await ticket.locator('#reply').press('Control+z');
    expect(await ticket.locator('#reply').inputValue()).toBe('您好，祝您生活愉快。');
    await panel.close();
  });

  it('inserts into a contenteditable at the caret', async () => {
    await ticket.locator('#rich').evaluate((el) => {
      el.focus();
      const p = el.querySelector('p') as HTMLElement;
      const range = document.createRange();
      range.setStart(p.lastChild as Text, 1); // after the final 。
      range.collapse(true);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const panel = await panelWith('插入测试');
    await panel.getByRole('button', { name: '将话术 1 插入工单回复框' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/已插入/);
    expect(await ticket.locator('#rich').textContent()).toBe('您好，王女士。感谢您的耐心等待。');
    expect(await ticket.locator('#rich b').textContent()).toBe('王女士');
    await panel.close();
  });

  it('inserts into an editor inside a same-origin iframe', async () => {
    await ticket
      .frameLocator('#frame')
      .locator('body')
      .evaluate((body) => {
        body.focus();
        const range = document.createRange();
        range.selectNodeContents(body.querySelector('p') as HTMLElement);
        range.collapse(false);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      });
    const panel = await panelWith('插入测试');
    await panel.getByRole('combobox').press('Control+Enter');
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/已插入/);
    expect(await ticket.frameLocator('#frame').locator('body').textContent()).toBe('框架内原有文字感谢您的耐心等待。');
    await panel.close();
  });

  it('inserts into a framework editor that handles beforeinput itself (its model gets the text)', async () => {
    await ticket.locator('#model-editor').evaluate((el) => {
      el.focus();
      const range = document.createRange();
      range.setStart(el.firstChild as Text, 2);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const panel = await panelWith('插入测试');
    await panel.getByRole('combobox').press('Control+Enter');
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/已插入/);
    expect(await ticket.evaluate(() => (window as unknown as { model: string }).model)).toBe('您好感谢您的耐心等待。');
    expect(await ticket.locator('#model-editor').textContent()).toBe('您好感谢您的耐心等待。');
    await panel.close();
  });

  it('with no focused text box: says so and copies the text instead', async () => {
    await ticket.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const panel = await panelWith('插入测试');
    await panel.getByRole('combobox').press('Control+Enter');
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/没有处于焦点的输入框.*已复制/);
    expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe('感谢您的耐心等待。');
    await panel.close();
  });

  it('fills placeholders in a small form (Tab between fields, Enter to finish) and remembers them', async () => {
    await ticket.locator('#reply').evaluate((el: HTMLTextAreaElement) => {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
    const panel = await session.openPage('sidepanel.html', '?q=退款多久到账');
    await expect.poll(() => panel.locator('.coach-detail h3').textContent()).toBe('退款到账时间答复');
    await panel.getByRole('combobox').press('Control+Enter');
    const form = panel.getByRole('form');
    await expect
      .poll(() => form.getByRole('textbox', { name: '客户称呼' }).evaluate((el) => el === document.activeElement))
      .toBe(true);
    await panel.keyboard.type('王女士');
    await panel.keyboard.press('Tab');
    await panel.keyboard.type('3');
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/已插入/);
    expect(await ticket.locator('#reply').inputValue()).toBe(
      '您好，祝您生活愉快。王女士您好，您的退款已提交，预计3个工作日到账。',
    );
    // Copy (Enter) asks again, with the values remembered for this tab; Esc cancels without copying.
    await panel.getByRole('combobox').press('Enter');
    await expect.poll(() => panel.getByRole('textbox', { name: '客户称呼' }).inputValue()).toBe('王女士');
    await panel.keyboard.press('Escape');
    expect(await form.count()).toBe(0);
    expect(await panel.getByRole('combobox').evaluate((el) => el === document.activeElement)).toBe(true);
    await panel.close();
  });

  it('searches the page selection with the search-selection command (real onCommand listener, dispatched)', async () => {
    await ticket.locator('.customer-message').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const panel = await session.openPage('sidepanel.html');
    await expect.poll(() => panel.getByRole('combobox').evaluate((el) => el === document.activeElement)).toBe(true);
    const tabId = await session.worker.evaluate(
      async (origin) => (await chrome.tabs.query({ url: `${origin}/*` }))[0]?.id,
      server.origin,
    );
    // A keyboard shortcut cannot be pressed at browser level headless; dispatching the event runs the
    // listener the background registered, with the tab a real shortcut would pass.
    await session.worker.evaluate(
      (id) =>
        (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch('search-selection', {
          id,
          windowId: 1,
        }),
      tabId,
    );
    await expect
      .poll(() => panel.getByRole('combobox').inputValue())
      .toBe('你们的国际快递卡在海关一周了，到底怎么回事？我要投诉！');
    await panel.close();
  });

  it('suggests entries for the ticket once the agent enables it for the site', async () => {
    await ticket.bringToFront();
    const panel = await session.openPage('sidepanel.html');
    const enable = panel.getByRole('button', { name: `在 ${server.origin} 启用工单推荐` });
    await enable.click();
    const section = panel.getByRole('region', { name: '为此工单推荐' });
    await expect.poll(() => section.getByRole('button').count()).toBeGreaterThan(0);
    await expect
      .poll(() =>
        session.worker.evaluate(
          async () =>
            ((await chrome.storage.local.get('settings')).settings as { suggestionSites: string[] }).suggestionSites,
        ),
      )
      .toEqual([server.origin]);
    // The suggestion clicked is the entry shown (its button reads kind, then title).
    const suggestion = section.getByRole('button').first();
    const label = (await suggestion.textContent()) ?? '';
    await suggestion.click();
    await expect
      .poll(async () => {
        const title = await panel.locator('.coach-detail h3').textContent();
        return Boolean(title) && label.endsWith(` ${title}`);
      })
      .toBe(true);
    await panel.close();
  });

  it('shows pack text containing HTML and script as text', async () => {
    const panel = await session.openPage('sidepanel.html', '?q=危险标题');
    await expect.poll(() => panel.locator('.coach-detail h3').textContent()).toContain('<script>');
    expect(await panel.locator('.coach-detail h3').textContent()).toBe(
      '<b>加粗</b><script>document.title="pwned"</script>危险标题',
    );
    expect(await panel.locator('.coach-phrasing-text').textContent()).toContain('<img src=x onerror=');
    expect(await panel.locator('#app img, #app script, #app a, .coach-detail b').count()).toBe(0);
    expect(await panel.title()).not.toBe('pwned');
    await panel.close();
  });
});
