/**
 * Two Chromium profiles (two launchExtension sessions, each its own user data directory) sharing one
 * sync area through a test relay (sync-relay.ts): the extension's own sync code runs unchanged on each
 * profile's `chrome.storage.sync`; only the copying between profiles — Chrome Sync's part, unavailable
 * headless — is the relay's. See README, "Sync between browsers", for what this does and does not test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';
import { answerCurrentItem, answeredInStorage } from './quiz-fixtures';
import { type SyncRelay, startSyncRelay } from './sync-relay';

interface Stored {
  personalPhrasings?: Record<string, { title: string; deleted?: true }>;
  panelFavorites?: Record<string, { on: boolean }>;
}

async function stored(session: ExtensionSession): Promise<{ titles: string[]; stars: string[] }> {
  const worker = session.context.serviceWorkers().at(-1) ?? session.worker;
  const s = (await worker.evaluate(() => chrome.storage.local.get(['personalPhrasings', 'panelFavorites']))) as Stored;
  return {
    titles: Object.values(s.personalPhrasings ?? {})
      .filter((r) => !r.deleted)
      .map((r) => r.title)
      .sort(),
    stars: Object.entries(s.panelFavorites ?? {})
      .filter(([, m]) => m.on)
      .map(([id]) => id)
      .sort(),
  };
}

// Local changes are written to the sync area 2–10 s after they pause (sync-background.ts), then relayed.
const SYNC_WAIT = { timeout: 60_000, interval: 250 };

/** The profile's own sync area as text: what it has written there for the others. */
async function syncArea(session: ExtensionSession): Promise<string> {
  return JSON.stringify(await session.worker.evaluate(() => chrome.storage.sync.get(null)));
}

describe('two browser profiles sharing a sync area', () => {
  let a: ExtensionSession;
  let b: ExtensionSession;
  let relay: SyncRelay;

  beforeAll(async () => {
    a = await launchExtension();
    b = await launchExtension();
    relay = startSyncRelay([a.context, b.context]);
  });
  afterAll(async () => {
    await relay?.stop();
    await a?.close();
    await b?.close();
  });

  const box = (panel: Page) => panel.getByRole('combobox', { name: '搜索处理规范和话术' });

  async function newPhrasing(panel: Page, title: string, text: string) {
    await panel.getByRole('button', { name: '＋ 新建话术' }).click();
    const form = panel.getByRole('form', { name: '新建我的话术' });
    await form.getByLabel('标题').fill(title);
    await form.getByLabel('话术内容').fill(text);
    await form.getByLabel('话术内容').press('Control+Enter');
    await expect.poll(() => panel.getByRole('status').first().textContent()).toBe(`已保存到「我的话术」：${title}`);
  }

  async function star(session: ExtensionSession, id: string) {
    const panel = await session.openPage('sidepanel.html', `?open=${id}`);
    await panel.getByRole('button', { name: '收藏', exact: true }).click();
    await expect.poll(() => panel.getByRole('button', { name: '取消收藏' }).count()).toBe(1);
    await panel.close();
  }

  it('a phrasing, a star and a finished quiz day made on one profile appear on the other', async () => {
    // B's popup showed today's first item earlier: its own copy of the day (QuizApp) is now behind.
    const earlyB = await b.openPage('popup.html');
    await expect.poll(() => earlyB.locator('main.quiz:not([aria-busy]) .progress').textContent()).toContain('1/5');
    await earlyB.close();

    const panelA = await a.openPage('sidepanel.html');
    await newPhrasing(panelA, '跨设备同步话术', '您好，这句话术在另一台电脑上也能找到。');
    await panelA.close();
    await star(a, 'exam-single-01');

    const popupA = await a.openPage('popup.html');
    await expect.poll(() => popupA.locator('.progress').textContent()).toContain('1/5');
    for (let n = 1; n <= 5; n++) {
      await expect.poll(() => popupA.locator('.progress').textContent()).toContain(`${n}/5`);
      await answerCurrentItem(popupA);
      await expect.poll(() => popupA.getByRole('status').first().textContent()).toMatch(/回答正确|回答错误|已记录/);
      await popupA.keyboard.press('Enter');
    }
    await expect.poll(() => popupA.locator('.streak').textContent()).toContain('连续完成 1 天');
    await expect.poll(() => answeredInStorage(a)).toBe(5);
    await popupA.close();

    // Profile B: the panel, already open, follows the synced phrasing and star as they arrive.
    const panelB = await b.openPage('sidepanel.html');
    await expect.poll(() => panelB.getByRole('group', { name: '收藏' }).getByRole('option').count(), SYNC_WAIT).toBe(1);
    await box(panelB).fill('跨设备同步');
    await expect.poll(() => panelB.getByRole('option').first().textContent(), SYNC_WAIT).toBe('话术跨设备同步话术我的');
    await panelB.close();
    // The finished day: B's popup shows the end screen with the streak.
    await expect
      .poll(async () => {
        const popupB = await b.openPage('popup.html');
        try {
          // Not busy: what storage holds is up, not the popup's own copy of its last open (QuizApp).
          await popupB.locator('main.quiz:not([aria-busy])').waitFor();
          return (await popupB.locator('.streak').count()) ? popupB.locator('.streak').textContent() : '';
        } finally {
          await popupB.close();
        }
      }, SYNC_WAIT)
      .toContain('连续完成 1 天');
    await expect.poll(() => b.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });

  it('concurrent edits on both profiles lose nothing', async () => {
    // Offline from each other: each changes its own things, and both the same phrasing.
    await relay.pause();
    const panelA = await a.openPage('sidepanel.html', '?q=跨设备同步话术');
    await expect.poll(() => panelA.locator('.coach-detail h3').textContent()).toBe('跨设备同步话术');
    await box(panelA).press('F2');
    const form = panelA.getByRole('form', { name: '编辑我的话术' });
    await form.getByLabel('标题').fill('跨设备同步话术（甲改）');
    await form.getByLabel('标题').press('Enter');
    await expect.poll(() => panelA.getByRole('status').first().textContent()).toBe('已更新「跨设备同步话术（甲改）」');
    await newPhrasing(panelA, '甲的话术', '甲电脑上写的。');
    await panelA.close();
    await star(a, 'exam-single-02');

    const panelB = await b.openPage('sidepanel.html');
    await newPhrasing(panelB, '乙的话术', '乙电脑上写的。');
    await panelB.close();
    await star(b, 'exam-single-03');
    // Written to each profile's own sync area (the relay is paused): both sides changed while apart.
    for (const [session, words] of [
      [a, ['跨设备同步话术（甲改）', '甲的话术', 'exam-single-02']],
      [b, ['乙的话术', 'exam-single-03']],
    ] as const) {
      for (const word of words) await expect.poll(() => syncArea(session), SYNC_WAIT).toContain(word);
    }

    relay.resume();
    const expected = {
      titles: ['乙的话术', '甲的话术', '跨设备同步话术（甲改）'].sort(),
      stars: ['exam-single-01', 'exam-single-02', 'exam-single-03'],
    };
    await expect.poll(() => stored(a), SYNC_WAIT).toEqual(expected);
    await expect.poll(() => stored(b), SYNC_WAIT).toEqual(expected);
    const check = await b.openPage('sidepanel.html');
    await expect.poll(() => check.getByRole('group', { name: '收藏' }).getByRole('option').count(), SYNC_WAIT).toBe(3);
    await check.close();
  });

  it('reports on the options page what is synced and how much of the quota it takes', async () => {
    const options = await b.openPage('options.html');
    const section = options.getByRole('region', { name: '浏览器同步' });
    await expect
      .poll(() => section.getByRole('status').textContent(), SYNC_WAIT)
      .toMatch(/已同步，占用 [\d.]+ KB \/ 100 KB/);
    expect(await section.getByRole('checkbox', { name: '在此浏览器上同步' }).isChecked()).toBe(true);
    await options.close();
  });
});
