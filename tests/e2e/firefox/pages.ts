/** Small page helpers for the Firefox e2e tests (Puppeteer's API over BiDi; polling, never fixed sleeps). */
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';

/** Waits until `fn` (evaluated in the page) returns something truthy, and returns it. */
export async function waitIn<T>(page: Page, fn: string, timeout = 15_000): Promise<T> {
  const handle = await page.waitForFunction(fn, { timeout, polling: 50 });
  return (await handle.jsonValue()) as T;
}

export const text = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

export const texts = (page: Page, selector: string) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);

/** The first element matching `selector` whose text is `label` (exactly, or matching a RegExp source). */
export async function byText(page: Page, selector: string, label: string | RegExp): Promise<ElementHandle<Element>> {
  const source = typeof label === 'string' ? null : label.source;
  const plain = typeof label === 'string' ? label : null;
  await expect
    .poll(() =>
      page.evaluate(
        (s, p, r) =>
          [...document.querySelectorAll(s)].some((e) => {
            const t = (e.textContent ?? '').trim() || e.getAttribute('aria-label') || '';
            return p !== null ? t === p : new RegExp(r ?? '').test(t);
          }),
        selector,
        plain,
        source,
      ),
    )
    .toBe(true);
  const handle = await page.evaluateHandle(
    (s, p, r) =>
      [...document.querySelectorAll(s)].find((e) => {
        const t = (e.textContent ?? '').trim() || e.getAttribute('aria-label') || '';
        return p !== null ? t === p : new RegExp(r ?? '').test(t);
      }),
    selector,
    plain,
    source,
  );
  return handle as ElementHandle<Element>;
}

/** Waits until the page shows `needle` somewhere in its text. */
export async function waitForText(page: Page, needle: string): Promise<void> {
  await expect.poll(() => page.evaluate((n) => (document.body.textContent ?? '').includes(n), needle)).toBe(true);
}

/** Presses `Control+z`-style combinations with Puppeteer's keyboard (it has no such shorthand). */
export async function pressCombo(page: Page, combo: string): Promise<void> {
  const keys = combo.split('+');
  const key = keys.pop() as string;
  for (const m of keys) await page.keyboard.down(m as 'Control');
  await page.keyboard.press(key as 'Enter');
  for (const m of keys.reverse()) await page.keyboard.up(m as 'Control');
}

/**
 * How often the panel recorded `id` as used. After a copy or insert the panel writes this last: a test waits for
 * it before closing the page, or Firefox logs the write as cut off ("Promise … after context unloaded").
 */
export const usageOf = (panel: Page, id: string) =>
  panel.evaluate(async (entry) => {
    const { panelUsage } = (await browser.storage.local.get('panelUsage')) as { panelUsage?: Record<string, number> };
    return panelUsage?.[entry] ?? 0;
  }, id);
