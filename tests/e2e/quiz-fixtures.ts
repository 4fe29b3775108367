/** Shared steps of the quiz e2e tests. */
import type { Page } from 'playwright-core';

/** Answers whatever item is on screen, the way an agent would with the keyboard or mouse. */
export async function answerCurrentItem(popup: Page): Promise<void> {
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
