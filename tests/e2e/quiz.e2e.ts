import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchExtension } from './harness';

/** Answers whatever item is on screen, the way an agent would with the keyboard or mouse. */
async function answerCurrentItem(popup: Page): Promise<void> {
  if (await popup.getByRole('button', { name: '显示参考答案' }).isVisible()) {
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: /记得/ }).click();
    return;
  }
  const steps = popup.locator('button.step');
  if ((await steps.count()) > 0) {
    for (let i = 0; i < (await steps.count()); i++) await steps.nth(i).click();
    await popup.getByRole('button', { name: '提交' }).click();
    return;
  }
  await popup.keyboard.press('1');
  await popup.keyboard.press('Enter');
}

describe('daily quiz popup', () => {
  let session: ExtensionSession;
  const badge = () => session.worker.evaluate(() => chrome.action.getBadgeText({}));

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a question with 1/5, gives feedback, survives reopening, and counts down the badge', async () => {
    // The background starts the day's set on install and shows what is left on the toolbar icon.
    await expect.poll(badge, { timeout: 10_000 }).toBe('5');

    const errors: string[] = [];
    let popup = await session.openPage('popup.html');
    popup.on('pageerror', (e) => errors.push(e.message));
    await expect.poll(() => popup.locator('.progress').textContent()).toContain('1/5');
    await expect(popup.locator('.prompt').first().isVisible()).resolves.toBe(true);
    const interactiveAt = await popup.evaluate(
      () => performance.getEntriesByName('coach:interactive')[0]?.startTime ?? Number.NaN,
    );
    console.log(`popup coach:interactive at ${interactiveAt.toFixed(1)} ms`);
    expect(interactiveAt).toBeGreaterThan(0);

    await answerCurrentItem(popup);
    const status = popup.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/回答正确|回答错误|已记录/);
    await expect(popup.getByRole('button', { name: '在侧边栏中查看' }).isVisible()).resolves.toBe(true);
    await expect.poll(badge).toBe('4');

    // The popup closes on every blur: reopening resumes at the next item.
    await popup.close();
    popup = await session.openPage('popup.html');
    popup.on('pageerror', (e) => errors.push(e.message));
    await expect.poll(() => popup.locator('.progress').textContent()).toContain('2/5');
    await answerCurrentItem(popup);
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/回答正确|回答错误|已记录/);
    await expect.poll(badge).toBe('3');
    expect(errors).toEqual([]);
    await popup.close();
  });

  it('asks the side panel to open the source entry from the feedback', async () => {
    const popup = await session.openPage('popup.html');
    await expect.poll(() => popup.locator('.progress').textContent()).toContain('3/5');
    await answerCurrentItem(popup);
    await popup.getByRole('button', { name: '在侧边栏中查看' }).click();
    const request = await session.worker.evaluate(() => chrome.storage.session.get('panelRequest'));
    expect(request.panelRequest).toMatchObject({ type: 'open', id: expect.stringMatching(/^[a-z0-9-]+$/) });
    await popup.close();
  });
});
