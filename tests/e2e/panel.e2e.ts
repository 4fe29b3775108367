/**
 * The side panel page in the real built extension (opened as a tab: a headless browser cannot show the
 * side panel itself): search, keyboard, copy, IME safety, requests from the context menu.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtinPacks } from '../../knowledge/builtin';
import { type ExtensionSession, launchExtension } from './harness';

const entries = builtinPacks().packs.flatMap((pack) => pack.entries);
// A guideline with a phrasing and no erratum, so Enter copies at once; chosen from the pack, not hard-coded.
const guide = entries.find((e) => e.kind === 'guideline' && e.phrasings.length > 0 && !e.errata);
if (guide?.kind !== 'guideline') throw new Error('the built-in pack has no guideline with a phrasing');
const keyword = guide.keywords.find((k) => /^[\u4e00-\u9fff]{3,4}$/.test(k)) ?? guide.title.slice(0, 3);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

const modes = {
  simplified: guide.title,
  traditional: toTraditional(guide.title),
  pinyin: pinyin(keyword, { toneType: 'none', type: 'array' }).join(''),
  initials: pinyin(keyword, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
};

const optionTitles = (page: Page) => page.locator('[role="option"] .coach-option-title').allTextContents();
const selectedTitle = (page: Page) =>
  page.locator('[role="option"][aria-selected="true"] .coach-option-title').textContent();

describe('side panel', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(() => {
    expect(session.errors).toEqual([]);
  });

  it('opens with the search box focused and marks when it is interactive', async () => {
    const page = await session.openPage('sidepanel.html');
    const box = page.getByRole('combobox');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.getAttribute('aria-controls')).toBe(await page.getByRole('listbox').getAttribute('id'));
    expect(await page.evaluate(() => performance.getEntriesByName('coach:interactive').length)).toBe(1);
    await page.close();
  });

  for (const [mode, query] of Object.entries(modes)) {
    it(`finds the entry by a ${mode} query (${query})`, async () => {
      const page = await session.openPage('sidepanel.html');
      await page.getByRole('combobox').fill(query);
      await expect.poll(async () => (await optionTitles(page)).slice(0, 3)).toContain(guide.title);
      await page.close();
    });
  }

  it('moves with ↑/↓, shows the selected entry, copies its first phrasing with Enter, clears then closes with Esc', async () => {
    const page = await session.openPage('sidepanel.html');
    const box = page.getByRole('combobox');
    // A single character gives several results to move through.
    const query = guide.title.slice(0, 1);
    await box.fill(query);
    await expect.poll(async () => (await optionTitles(page)).length).toBeGreaterThan(1);
    const titles = await optionTitles(page);
    expect(await selectedTitle(page)).toBe(titles[0]);
    await box.press('ArrowDown');
    expect(await selectedTitle(page)).toBe(titles[1]);
    expect(await box.getAttribute('aria-activedescendant')).toBe(
      await page.locator('[role="option"][aria-selected="true"]').getAttribute('id'),
    );
    await expect.poll(() => page.locator('.coach-detail h3').textContent()).toBe(titles[1]);
    await box.press('ArrowUp');
    expect(await selectedTitle(page)).toBe(titles[0]);

    await box.fill(guide.title);
    await expect.poll(() => selectedTitle(page)).toBe(guide.title);
    await box.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/已复制/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(guide.phrasings[0]);

    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    // The second Esc closes the page: dispatched in the page, as the press itself would outlive it.
    const closed = page.waitForEvent('close');
    await box.evaluate((el) => {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    await closed;
  });

  it('asks again before copying a phrasing of an entry with an erratum: Enter cancels, Tab + Enter copies', async () => {
    const flagged = entries.find((e) => e.kind === 'guideline' && e.phrasings.length > 0 && e.errata);
    if (flagged?.kind !== 'guideline' || !flagged.errata) throw new Error('the built-in pack has no flagged phrasing');
    const page = await session.openPage('sidepanel.html');
    const box = page.getByRole('combobox');
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await box.fill(flagged.title);
    await expect.poll(() => selectedTitle(page)).toBe(flagged.title);
    await box.press('Enter');
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain(flagged.errata);
    // The real keyboard: Enter on the focused 「取消」 cancels; nothing reached the clipboard.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('已取消，未复制也未插入。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
    await box.press('Enter');
    await expect.poll(() => dialog.count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/已复制/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(flagged.phrasings[0]);
  });

  it('does not act on Enter or Esc while an input method is composing', async () => {
    const page = await session.openPage('sidepanel.html');
    const box = page.getByRole('combobox');
    await box.fill(guide.title);
    await expect.poll(() => selectedTitle(page)).toBe(guide.title);
    // Counts clipboard writes, so the test knows when every key below has been handled.
    await page.evaluate(() => {
      const w = window as unknown as { __writes: string[] };
      w.__writes = [];
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        w.__writes.push(text);
        return write(text);
      };
    });
    await box.evaluate((el) => {
      const key = (init: KeyboardEventInit) =>
        el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
      key({ key: 'Enter', isComposing: true });
      key({ key: 'Enter', keyCode: 229 });
      key({ key: 'Escape', isComposing: true });
      // Then a plain Enter, which copies: once it has, the keys before it have surely been handled.
      key({ key: 'Enter' });
    });
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/已复制/);
    const writes = await page.evaluate(() => (window as unknown as { __writes: string[] }).__writes);
    expect(writes).toEqual([guide.phrasings[0]]);
    expect(await box.inputValue()).toBe(guide.title);
    await page.close();
  });

  it('runs the context-menu search: the real onClicked listener, dispatched in the service worker', async () => {
    const page = await session.openPage('sidepanel.html');
    await expect.poll(() => page.getByRole('combobox').evaluate((el) => el === document.activeElement)).toBe(true);
    // The menu item exists (update rejects for an unknown id) and its title is the localized message.
    await session.worker.evaluate(() => chrome.contextMenus.update('coach-search-selection', {}));
    // Headless Chromium has no context-menu UI; dispatching the event runs the listener the background
    // registered, exactly as a click would (sidePanel.open then fails for lack of a user gesture, logged).
    await session.worker.evaluate(
      ([text]) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
          {
            menuItemId: 'coach-search-selection',
            selectionText: text,
            editable: false,
            pageUrl: 'https://example.org/',
          },
          { id: 1, windowId: 1, index: 0 },
        ),
      [`  ${guide.title}  `],
    );
    await expect.poll(() => page.getByRole('combobox').inputValue()).toBe(guide.title);
    await expect.poll(() => selectedTitle(page)).toBe(guide.title);
    await page.close();
  });

  it('opens an entry by id (the quiz’s “view in side panel”) and by ?q=', async () => {
    const byId = await session.openPage('sidepanel.html', `?open=${guide.id}`);
    await expect.poll(() => byId.locator('.coach-detail h3').textContent()).toBe(guide.title);
    await byId.close();
    const byQuery = await session.openPage('sidepanel.html', `?q=${encodeURIComponent(guide.title)}`);
    await expect.poll(() => selectedTitle(byQuery)).toBe(guide.title);
    await byQuery.close();
  });

  it('reads customers’ words: the relevant entry in the first three, or says that nothing matches', async () => {
    const titleOf = (id: string) => entries.find((e) => e.id === id)?.title;
    const page = await session.openPage('sidepanel.html');
    const box = page.getByRole('combobox');
    for (const [query, id] of [
      ['我要投诉你们', 'exam-short-02-guide'],
      ['客户说要找媒体', 'ins-behavioral-01'],
      ['电话转来转去没人管', 'exam-single-04'],
    ] as const) {
      await box.fill(query);
      await expect.poll(async () => (await optionTitles(page)).slice(0, 3), { message: query }).toContain(titleOf(id));
    }
    await box.fill('积分怎么兑换礼品');
    // Near matches may be listed under their own heading, but the panel says first that none of them fits.
    await expect
      .poll(() => page.getByText(/没有与“积分怎么兑换礼品”相符的条目|没有找到“积分怎么兑换礼品”/).isVisible())
      .toBe(true);
    await page.close();
  });

  it('shows a hint for a query with no result and records it locally', async () => {
    const page = await session.openPage('sidepanel.html');
    const query = 'qxzjvqxzjv';
    await page.getByRole('combobox').fill(query);
    await expect.poll(() => page.getByText(`没有找到“${query}”`).isVisible()).toBe(true);
    expect(await page.getByText('拼音首字母').isVisible()).toBe(true);
    await expect
      .poll(() => session.readLocal('noResultLog'), { timeout: 30_000 })
      // Queries typed by earlier tests may be logged too (a page left open 1.5 s records its query).
      .toMatchObject({ noResultLog: expect.arrayContaining([expect.objectContaining({ query, count: 1 })]) });
    await page.close();
  });
});
