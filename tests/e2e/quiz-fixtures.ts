/** Shared steps of the quiz e2e tests. */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './harness';

/**
 * The popup's screen once what storage holds is up: it first paints its own copy of the day, marked
 * aria-busy, which storage's state then replaces (QuizApp). Reading or answering the copy races with that.
 */
export const fromStorage = (popup: Page, selector = '') =>
  popup.locator(`main.quiz:not([aria-busy]) ${selector}`.trim()).first();

/**
 * How many of today's items storage has recorded. A popup closed before its write lands loses the answer,
 * as it would for a person closing it that fast: tests wait for the write before closing.
 */
export async function answeredInStorage(session: Pick<ExtensionSession, 'readLocal'>): Promise<number> {
  const { quiz } = await session.readLocal<{ quiz?: { today?: { answers?: Record<string, unknown> } } }>('quiz');
  return Object.keys(quiz?.today?.answers ?? {}).length;
}

/** Answers whatever item is on screen, the way an agent would with the keyboard or mouse. */
export async function answerCurrentItem(popup: Page): Promise<void> {
  await fromStorage(popup).waitFor();
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
